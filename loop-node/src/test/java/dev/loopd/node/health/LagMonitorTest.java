package dev.loopd.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.loop.EventLoop;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LagMonitorTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  static void busy(long ms) {
    long end = System.nanoTime() + ms * MS;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aHundredMillisecondBlockShowsInP99AndMax() {
    EventLoop loop = new EventLoop();
    LagMonitor lag = new LagMonitor(loop, 1);
    lag.start();
    loop.startTimer(200, true, () -> busy(100));
    loop.startTimer(1200, true, () -> {}); // keeps the loop alive for ~1000 quiet samples
    loop.run();

    Histogram h = lag.total();
    assertThat(h.getMaxValue()).as("max").isGreaterThanOrEqualTo(95 * MS);
    // ~1000 on-time samples and one 100 ms block: uncorrected, p99 would be about 1 ms. The
    // coordinated-omission correction adds the ~99 samples the block swallowed.
    assertThat(h.getValueAtPercentile(99)).as("p99").isGreaterThanOrEqualTo(50 * MS);
    assertThat(h.getValueAtPercentile(50)).as("p50 of a quiet loop").isLessThan(5 * MS);
    assertThat(h.getTotalCount()).as("corrected sample count").isGreaterThan(1000);
  }

  @Test
  void monitorAloneDoesNotKeepTheLoopAlive() {
    EventLoop loop = new EventLoop();
    new LagMonitor(loop, 10).start();
    long start = System.nanoTime();
    loop.run();
    assertThat(System.nanoTime() - start).isLessThan(1000 * MS);
  }

  @Test
  void utilizationIsHighWhenBusyAndLowWhenIdle() {
    EventLoop loop = new EventLoop();
    LoopUtilization elu = new LoopUtilization(loop);
    loop.startTimer(1, true, () -> busy(200));
    loop.run();
    assertThat(elu.next()).isGreaterThan(0.7);

    loop.updateAndGetNow(); // timers start from the cached loop time, as libuv's do
    loop.startTimer(200, true, () -> {});
    loop.run();
    assertThat(elu.next()).isLessThan(0.3);
  }
}
