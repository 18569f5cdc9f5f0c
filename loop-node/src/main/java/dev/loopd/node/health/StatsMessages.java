package dev.loopd.node.health;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.loopd.node.pool.PoolStats;
import dev.loopd.node.pool.PoolWindow;
import dev.loopd.proto.node.v1.BlockingPoolStats;
import dev.loopd.proto.node.v1.InvocationCount;
import dev.loopd.proto.node.v1.LongTask;
import dev.loopd.proto.node.v1.LoopLagStats;
import java.time.Instant;
import org.HdrHistogram.Histogram;

/** Turns the health figures (nanoseconds, Java time) into the NodeStats messages (seconds). */
final class StatsMessages {
  private StatsMessages() {}

  static double seconds(double nanos) {
    return nanos / 1e9;
  }

  static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  static Duration duration(long nanos) {
    return Duration.newBuilder()
        .setSeconds(nanos / 1_000_000_000L)
        .setNanos((int) (nanos % 1_000_000_000L))
        .build();
  }

  static LoopLagStats lag(Histogram h, long resolutionMs) {
    LoopLagStats.Builder b =
        LoopLagStats.newBuilder()
            .setSampleCount(h.getTotalCount())
            .setResolutionSeconds(resolutionMs / 1e3);
    if (h.getTotalCount() == 0) return b.build(); // the loop never ran the monitor: no figures
    return b.setP50Seconds(seconds(h.getValueAtPercentile(50)))
        .setP90Seconds(seconds(h.getValueAtPercentile(90)))
        .setP99Seconds(seconds(h.getValueAtPercentile(99)))
        .setMaxSeconds(seconds(h.getMaxValue()))
        .setMeanSeconds(seconds(h.getMean()))
        .build();
  }

  static BlockingPoolStats pool(PoolWindow window, int queueCapacity) {
    PoolStats p = window.stats();
    return BlockingPoolStats.newBuilder()
        .setSize(p.size())
        .setActive(p.active())
        .setQueued(p.queued())
        .setQueueCapacity(queueCapacity)
        .setCompletedTotal(p.completed())
        .setRejectedTotal(p.rejected())
        .setUtilization(p.utilization())
        .setQueueWaitP50Seconds(seconds(p.queueWaitP50()))
        .setQueueWaitP99Seconds(seconds(p.queueWaitP99()))
        .setRunTimeP50Seconds(seconds(p.runTimeP50()))
        .setRunTimeP99Seconds(seconds(p.runTimeP99()))
        .build();
  }

  static InvocationCount count(InvocationStats.Count c) {
    return InvocationCount.newBuilder()
        .setHandler(c.handler())
        .setOutcome(c.outcome())
        .setCountTotal(c.total())
        .build();
  }

  static LongTask longTask(TaskStats.LongTask t) {
    return LongTask.newBuilder()
        .setHandler(t.handler())
        .setHandlerVersion(t.version())
        .setDurationSeconds(seconds(t.durationNanos()))
        .setStartedAt(timestamp(t.startedAt()))
        .build();
  }
}
