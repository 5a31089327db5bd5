package io.callroute.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void aBodyNestedTooDeepIsRefusedSayingSo() {
        byte[] deep = ("{\"ruleSet\": \"deep\", \"rules\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        EditRefused.Invalid refused = catchThrowableOfType(EditRefused.Invalid.class, () -> RequestBodies.json(deep));
        assertThat(refused.malformed()).isTrue();
        assertThat(refused.getMessage()).startsWith("The JSON is nested more than 64 levels deep")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        byte[] nested = ("{\"a\": " + "[".repeat(63) + "]".repeat(63) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(RequestBodies.json(nested).path("a").isArray()).isTrue();
    }
}
