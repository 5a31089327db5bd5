package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.Callflow;
import io.callroute.plugin.Hangup;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private static Answer ruleAnswer(String rule) {
        return new Answer(new Callflow(null, List.of(new Hangup())), new byte[0], rule, null, 1, null);
    }

    @Test
    void aRepeatedEventGetsTheFirstAnswerButFallbacksAreNotKept() {
        AnswerCache cache = new AnswerCache();
        Answer first = ruleAnswer("set/a");
        cache.put("event-1", first);
        cache.put("event-2", new Answer(first.callflow(), new byte[0], null, "deadline", 1, null));
        cache.put(null, first);
        assertThat(cache.get("event-1")).isSameAs(first);
        assertThat(cache.get("event-2")).as("a fallback may have been transient").isNull();
        assertThat(cache.get(null)).isNull();
    }

    @Test
    void theLeastRecentlyUsedAnswersMakeRoom() {
        AnswerCache cache = new AnswerCache();
        for (int i = 0; i <= AnswerCache.CAPACITY; i++) {
            cache.put("event-" + i, ruleAnswer("set/" + i));
            if (i == 10) {
                cache.get("event-0");   // used recently: stays
            }
        }
        assertThat(cache.get("event-0")).isNotNull();
        assertThat(cache.get("event-1")).isNull();
        assertThat(cache.get("event-" + AnswerCache.CAPACITY)).isNotNull();
    }
}
