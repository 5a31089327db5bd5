package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the admin API answers with, built in one place so that every route words the same things the same way
 * (and the OpenAPI fragment has one shape per concept to describe).
 */
final class Representations {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    static final String YAML = "application/yaml; charset=utf-8";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Representations() {
    }

    static Response.ResponseBuilder json(int status, JsonNode body) {
        return Response.status(status).type(JSON).entity(CanonicalJson.pretty(body));
    }

    static ObjectNode draftSummary(Draft draft) {
        ObjectNode node = NODES.objectNode().put("name", draft.name()).put("revision", draft.revision())
                .put("etag", draft.etag()).put("updatedBy", draft.updatedBy())
                .put("updatedAt", draft.updatedAt().toString());
        JsonNode description = draft.document().get("description");
        if (description != null && description.isTextual()) {
            node.put("description", description.asText());
        }
        node.put("rules", draft.document().path("rules").size());
        return node;
    }

    static ObjectNode saved(Saved saved) {
        ObjectNode node = NODES.objectNode().put("ruleSet", saved.draft().name())
                .put("revision", saved.draft().revision()).put("etag", saved.draft().etag());
        if (saved.ruleId() != null) {
            node.put("ruleId", saved.ruleId());
        }
        if (saved.ruleEtag() != null) {
            node.put("ruleEtag", saved.ruleEtag());
        }
        node.put("valid", saved.problems().isEmpty());
        node.set("problems", problems(saved.problems()));
        return node;
    }

    static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = NODES.arrayNode();
        for (Problem problem : problems) {
            ObjectNode node = array.addObject().put("ruleSet", problem.ruleSet());
            if (problem.ruleId() == null) {
                node.putNull("ruleId");
            } else {
                node.put("ruleId", problem.ruleId());
            }
            node.put("path", problem.path()).put("message", problem.message());
        }
        return array;
    }

    static ObjectNode validation(List<Problem> problems, List<Finding> findings) {
        ObjectNode node = NODES.objectNode().put("valid", problems.isEmpty()
                && findings.stream().noneMatch(Finding::blocks));
        node.put("publishable", node.get("valid").asBoolean());
        node.set("problems", problems(problems));
        node.set("findings", findings(findings));
        return node;
    }

    /** Check findings, errors first, as the UI lists them. */
    static ArrayNode findings(List<Finding> findings) {
        ArrayNode list = NODES.arrayNode();
        for (Finding finding : findings) {
            ObjectNode node = list.addObject().put("check", finding.check())
                    .put("severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .put("code", finding.code()).put("message", finding.message());
            node.put("ruleSet", finding.ruleSet());
            node.put("ruleId", finding.ruleId());
            if (finding.details() != null) {
                node.set("details", finding.details());
            }
        }
        return list;
    }

    static ObjectNode version(VersionSummary version, Optional<Publication> live) {
        ObjectNode node = NODES.objectNode().put("number", version.number()).put("createdBy", version.createdBy())
                .put("createdAt", version.createdAt().toString());
        if (version.comment() == null) {
            node.putNull("comment");
        } else {
            node.put("comment", version.comment());
        }
        node.put("live", live.isPresent() && live.get().version() == version.number());
        ArrayNode names = node.putArray("ruleSets");
        version.ruleSets().forEach(names::add);
        return node;
    }

    static ObjectNode fullVersion(Version version, Optional<Publication> live) {
        ObjectNode node = version(new VersionSummary(version.number(), version.ruleSetNames(), version.createdBy(),
                version.createdAt(), version.comment()), live);
        ArrayNode sets = node.putArray("ruleSets");
        version.ruleSets().forEach(sets::add);
        return node;
    }

    static ObjectNode publication(Publication publication) {
        return NODES.objectNode().put("version", publication.version()).put("kind", publication.kind())
                .put("publishedBy", publication.publishedBy())
                .put("publishedAt", publication.publishedAt().toString());
    }
}
