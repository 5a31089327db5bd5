package io.callroute.testcases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A saved test case: an 8x8 event and what the rules must answer it.
 *
 * @param name        unique, URL-safe
 * @param description what the case is about, or null
 * @param event       the event as 8x8 sends it: a whole webhook body or only its CALL_ACTION payload
 * @param expectation what the rules must answer
 * @param sourceCall  the call-log entry the case was made from, or null
 * @param revision    increases on every change; the ETag
 */
public record TestCase(String name, String description, JsonNode event, Expectation expectation, Long sourceCall,
                       long revision, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public String etag() {
        return "\"" + revision + "\"";
    }

    /** The case as the API shows it and the audit log keeps it. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        node.put("description", description);
        node.set("event", event);
        node.set("expect", expectation.toJson());
        if (sourceCall == null) {
            node.putNull("fromCall");
        } else {
            node.put("fromCall", sourceCall);
        }
        node.put("revision", revision);
        node.put("createdBy", createdBy);
        node.put("createdAt", createdAt.toString());
        node.put("updatedBy", updatedBy);
        node.put("updatedAt", updatedAt.toString());
        return node;
    }
}
