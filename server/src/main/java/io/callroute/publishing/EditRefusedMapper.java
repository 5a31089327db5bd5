package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers a refused edit in the project's error shape ({@code error}, {@code message}, {@code field}), plus what the
 * client needs to recover: the current state and its ETag on a conflict, every problem when rules do not compile.
 */
final class EditRefusedMapper implements ExceptionMapper<EditRefused> {

    @Override
    public Response toResponse(EditRefused refused) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        int status;
        String code;
        if (refused instanceof EditRefused.NotFound) {
            status = 404;
            code = "not_found";
        } else if (refused instanceof EditRefused.AlreadyExists) {
            status = 409;
            code = "conflict";
        } else if (refused instanceof EditRefused.VersionTaken) {
            status = 409;
            code = "version_taken";
        } else if (refused instanceof EditRefused.Stale) {
            status = 409;
            code = "edit_conflict";
        } else if (refused instanceof EditRefused.PreconditionMissing) {
            status = 428;
            code = "if_match_required";
        } else if (refused instanceof EditRefused.Invalid invalid) {
            status = invalid.malformed() ? 400 : 422;
            code = invalid.malformed() ? "bad_request" : "invalid_document";
        } else if (refused instanceof EditRefused.Blocked) {
            status = 409;
            code = "publish_blocked";
        } else {
            status = 422;
            code = "rules_do_not_compile";
        }
        body.put("error", code).put("message", sentence(refused.getMessage()));
        if (refused instanceof EditRefused.Invalid invalid && invalid.field() != null) {
            body.put("field", invalid.field());
        }
        Response.ResponseBuilder response;
        if (refused instanceof EditRefused.Stale stale) {
            body.put("etag", stale.currentEtag());
            body.set("current", stale.current());
            response = Representations.json(status, body).tag(unquoted(stale.currentEtag()));
        } else if (refused instanceof EditRefused.DoesNotCompile failed) {
            body.set("problems", Representations.problems(failed.problems()));
            response = Representations.json(status, body);
        } else if (refused instanceof EditRefused.Blocked blocked) {
            body.set("findings", Representations.findings(blocked.findings()));
            response = Representations.json(status, body);
        } else {
            response = Representations.json(status, body);
        }
        return response.build();
    }

    static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static String sentence(String message) {
        return message.endsWith(".") || message.endsWith("?") ? message : message + ".";
    }
}
