package dev.loopd.node.telemetry;

import dev.loopd.node.health.StatsWindows;
import dev.loopd.proto.node.v1.BlockingPoolStats;
import dev.loopd.proto.node.v1.InvocationCount;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.NodeStats;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** A stats window with known figures, as StatsWindows would publish it. */
final class TestWindows {
  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private TestWindows() {}

  static Histogram nanos(long... values) {
    Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
    for (long v : values) h.recordValue(v);
    return h;
  }

  static StatsWindows.Window window() {
    NodeStats stats =
        NodeStats.newBuilder()
            .setNodeId("node-a")
            .setPool("pool-1")
            .setElu(0.25)
            .setBlockingPool(
                BlockingPoolStats.newBuilder()
                    .setSize(4)
                    .setActive(3)
                    .setQueued(2)
                    .setQueueCapacity(64)
                    .setUtilization(0.75))
            .addInvocations(count("hello", InvocationOutcome.INVOCATION_OUTCOME_OK, 3))
            .addInvocations(
                count("hello", InvocationOutcome.INVOCATION_OUTCOME_CPU_BUDGET_EXCEEDED, 1))
            .build();
    return new StatsWindows.Window(
        stats,
        nanos(1 * MS, 1 * MS, 2 * MS, 200 * MS),
        nanos(3 * MS, 40 * MS),
        nanos(5 * MS),
        nanos(20 * MS),
        Map.of("hello", nanos(10 * MS, 12 * MS)));
  }

  private static InvocationCount count(String handler, InvocationOutcome outcome, long n) {
    return InvocationCount.newBuilder()
        .setHandler(handler)
        .setOutcome(outcome)
        .setCountTotal(n)
        .build();
  }
}
