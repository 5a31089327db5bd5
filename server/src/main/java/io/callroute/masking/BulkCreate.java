package io.callroute.masking;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.auth.Actor;
import io.callroute.http.ApiError;
import io.callroute.http.ApiErrorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates many sessions in one request, for backfills. Each item is created on its own, in its own transaction,
 * exactly as {@code POST /api/masking/sessions} would: an invalid or conflicting item gets its own 400/409 result
 * and the others are stored regardless; a repeat of the whole batch (with references) answers 200 per item and
 * changes nothing.
 */
final class BulkCreate {

    static final int MAX_ITEMS = 1000;

    private final MaskingSessions sessions;

    BulkCreate(MaskingSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * One item's result.
     *
     * @param index   its position in the request, from 0
     * @param status  201 created, 200 already there (same reference and content), 400 or 409
     * @param session the session (201, 200), else null
     * @param error   why not (400, 409), else null
     */
    record Result(int index, int status, MaskingSession session, ApiError error) {
    }

    List<Result> create(Actor actor, JsonNode items) {
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new ApiErrorException(400, "invalid_batch", "\"sessions\" must be an array of 1 to " + MAX_ITEMS
                    + " sessions.", "sessions");
        }
        List<Result> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                MaskingSessions.Created created = sessions.create(actor, SessionRequests.read(items.get(i)));
                results.add(new Result(i, created.created() ? 201 : 200, created.session(), null));
            } catch (ApiErrorException e) {
                results.add(new Result(i, e.error().status(), null, e.error()));
            }
        }
        return results;
    }

    /** The answer's JSON: every result, and how many of each kind. */
    static Map<String, Object> toJson(List<Result> results, java.time.Instant now) {
        List<Map<String, Object>> items = new ArrayList<>(results.size());
        int created = 0;
        int existing = 0;
        for (Result result : results) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", result.index());
            item.put("status", result.status());
            if (result.session() != null) {
                item.put("session", result.session().toJson(now));
            } else {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", result.error().code());
                error.put("message", result.error().message());
                if (result.error().field() != null) {
                    error.put("field", result.error().field());
                }
                item.put("error", error);
            }
            created += result.status() == 201 ? 1 : 0;
            existing += result.status() == 200 ? 1 : 0;
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", created);
        body.put("existing", existing);
        body.put("failed", results.size() - created - existing);
        body.put("results", items);
        return body;
    }
}
