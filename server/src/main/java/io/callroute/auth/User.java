package io.callroute.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user of the admin API as the API and the audit log show it — never with the password hash.
 *
 * @param username  unique, lower-case
 * @param role      what they may do
 * @param disabled  a disabled user cannot sign in, and their sessions and tokens stop working
 * @param createdAt when the user was created
 * @param updatedAt when the user last changed
 */
public record User(String username, Role role, boolean disabled, Instant createdAt, Instant updatedAt) {

    /** The state the audit log records: who and what they may do, nothing secret. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("role", role.name());
        state.put("disabled", disabled);
        return state;
    }
}
