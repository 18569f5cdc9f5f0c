package dev.loopd.node.health;

import static dev.loopd.proto.node.v1.InvocationOutcome.INVOCATION_OUTCOME_DEADLINE_EXCEEDED;
import static dev.loopd.proto.node.v1.InvocationOutcome.INVOCATION_OUTCOME_ERROR;
import static dev.loopd.proto.node.v1.InvocationOutcome.INVOCATION_OUTCOME_OK;
import static dev.loopd.proto.node.v1.InvocationOutcome.INVOCATION_OUTCOME_REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class InvocationStatsTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void countsInFlightAndTotalsPerHandlerAndOutcome() {
    InvocationStats stats = new InvocationStats();
    stats.started("hello");
    stats.started("hello");
    stats.started("bye");
    assertThat(stats.inFlight()).isEqualTo(3);

    stats.finished("hello", INVOCATION_OUTCOME_OK, 5 * MS);
    stats.finished("hello", INVOCATION_OUTCOME_ERROR, 7 * MS);
    stats.refused("hello", INVOCATION_OUTCOME_REJECTED);
    assertThat(stats.inFlight()).as("a refused invocation was never in flight").isEqualTo(1);

    stats.finished("bye", INVOCATION_OUTCOME_DEADLINE_EXCEEDED, 30 * MS);
    assertThat(stats.inFlight()).isZero();
    assertThat(stats.totals())
        .containsExactly(
            new InvocationStats.Count("bye", INVOCATION_OUTCOME_DEADLINE_EXCEEDED, 1),
            new InvocationStats.Count("hello", INVOCATION_OUTCOME_OK, 1),
            new InvocationStats.Count("hello", INVOCATION_OUTCOME_ERROR, 1),
            new InvocationStats.Count("hello", INVOCATION_OUTCOME_REJECTED, 1));
    assertThat(stats.total("hello", INVOCATION_OUTCOME_OK)).isEqualTo(1);
    assertThat(stats.total("nobody", INVOCATION_OUTCOME_OK)).isZero();
  }

  @Test
  void durationsArePerHandlerAndPerInterval() {
    InvocationStats stats = new InvocationStats();
    for (int i = 1; i <= 10; i++) {
      stats.started("hello");
      stats.finished("hello", INVOCATION_OUTCOME_OK, i * 10 * MS);
    }
    stats.started("bye");
    stats.finished("bye", INVOCATION_OUTCOME_OK, 2 * MS);

    var first = stats.intervalDurations();
    assertThat(first).containsOnlyKeys("bye", "hello");
    Histogram hello = first.get("hello");
    assertThat(hello.getTotalCount()).isEqualTo(10);
    assertThat(hello.getMaxValue()).isBetween(99 * MS, 101 * MS);

    stats.started("bye");
    stats.finished("bye", INVOCATION_OUTCOME_OK, 3 * MS);
    assertThat(stats.intervalDurations())
        .as("the next interval holds only what came after, handlers without any left out")
        .containsOnlyKeys("bye");
  }

  @Test
  void intervalsHandedBackAreReusedAndHoldOnlyTheirOwnInterval() {
    InvocationStats stats = new InvocationStats();
    stats.finished("hello", INVOCATION_OUTCOME_OK, 5 * MS);
    Histogram first = stats.intervalDurations().get("hello");
    stats.recycle(Map.of("hello", first));

    stats.finished("hello", INVOCATION_OUTCOME_OK, 7 * MS);
    Histogram second = stats.intervalDurations().get("hello");
    assertThat(second.getTotalCount()).isEqualTo(1);
    assertThat(second.getMaxValue()).isBetween(6 * MS, 8 * MS);
    stats.recycle(Map.of("hello", second));

    stats.finished("hello", INVOCATION_OUTCOME_OK, 9 * MS);
    stats.finished("hello", INVOCATION_OUTCOME_OK, 9 * MS);
    Histogram third = stats.intervalDurations().get("hello");
    assertThat(third).as("the first, emptied and refilled").isSameAs(first);
    assertThat(third.getTotalCount()).isEqualTo(2);
    assertThat(third.getMinValue()).isBetween(8 * MS, 10 * MS);
  }

  @Test
  void countsStayExactUnderConcurrentUpdates() throws Exception {
    InvocationStats stats = new InvocationStats();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                for (int i = 0; i < 10_000; i++) {
                  stats.started("hello");
                  stats.finished("hello", INVOCATION_OUTCOME_OK, MS);
                }
              }));
    }
    for (Thread t : threads) t.join();
    assertThat(stats.total("hello", INVOCATION_OUTCOME_OK)).isEqualTo(40_000);
    assertThat(stats.inFlight()).isZero();
  }
}
