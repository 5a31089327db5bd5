package io.callroute.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers given to recent CALL_ACTION events, by 8x8's eventId. 8x8 asks receivers to be idempotent because the
 * same event may be delivered twice; a repeat must get the very same callflow, even if a new rule version went live
 * or the local time crossed a rule's boundary in between. Only rule answers are kept: a fallback may have been
 * caused by something transient, and a retry deserves a real decision. Bounded, least recently used out.
 */
final class AnswerCache {

    static final int CAPACITY = 10_000;

    private final Map<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Answer get(String eventId) {
        return eventId == null ? null : answers.get(eventId);
    }

    synchronized void put(String eventId, Answer answer) {
        if (eventId != null && !answer.isFallback()) {
            answers.put(eventId, answer);
        }
    }
}
