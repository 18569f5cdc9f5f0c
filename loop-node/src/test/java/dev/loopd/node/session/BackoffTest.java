package dev.loopd.node.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delaysDoubleWithJitterUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new Random(7));
    long[] nominal = {100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000};
    for (long n : nominal) {
      long delay = backoff.nextDelay().toMillis();
      assertThat(delay).isBetween(n / 2, n);
    }
    assertThat(backoff.failures()).isEqualTo(nominal.length);
  }

  @Test
  void resetAfterAHealthySessionStartsOverAtTheInitialDelay() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new Random(7));
    for (int i = 0; i < 20; i++) backoff.nextDelay();

    backoff.reset();

    assertThat(backoff.failures()).isZero();
    assertThat(backoff.nextDelay().toMillis()).isBetween(50L, 100L);
  }

  @Test
  void jitterSpreadsNodesThatFailedTogether() {
    Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new Random(1));
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new Random(2));
    for (int i = 0; i < 5; i++) {
      a.nextDelay();
      b.nextDelay();
    }
    assertThat(a.nextDelay()).isNotEqualTo(b.nextDelay());
  }

  @Test
  void maximumShorterThanInitialIsRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shorter than the initial");
  }
}
