package io.callroute.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecisionRunnerTest {

    @Test
    void returnsTheResultWithinTheDeadline() {
        try (DecisionRunner runner = new DecisionRunner(Duration.ofSeconds(5))) {
            assertThat(runner.run(() -> "decided")).isEqualTo("decided");
        }
    }

    @Test
    void aDecisionThatNeverFinishesIsAbandonedAtTheDeadlineAndInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (DecisionRunner runner = new DecisionRunner(Duration.ofMillis(50))) {
            assertThatThrownBy(() -> runner.run(() -> {
                try {
                    new CountDownLatch(1).await();   // blocks until interrupted
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "too late";
            })).isInstanceOfSatisfying(DecisionRunner.DecisionFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo("deadline");
                assertThat(failure.getMessage()).contains("50 ms");
            });
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the abandoned decision is interrupted").isTrue();
        }
    }

    @Test
    void aFailingDecisionReportsItsCause() {
        try (DecisionRunner runner = new DecisionRunner(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> runner.run(() -> {
                throw new IllegalStateException("rule exploded");
            })).isInstanceOfSatisfying(DecisionRunner.DecisionFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo("error");
                assertThat(failure.getMessage()).contains("IllegalStateException").contains("rule exploded");
            });
        }
    }
}
