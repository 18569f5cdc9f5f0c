package dev.loopd.node.health;

import dev.loopd.node.loop.EventLoop;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Loop lag: a timer of the loop's own, every {@code resolution}, records how late it fired.
 *
 * <p>Recording is corrected for coordinated omission: a loop blocked for 100 ms at a 10 ms
 * resolution misses nine samples, and {@link Recorder#recordValueWithExpectedInterval} adds them
 * back (90, 80, ... 10 ms late), so p99 shows the block instead of averaging it away as one slow
 * sample among thousands. The timer is unreferenced: it never keeps a process alive.
 */
public final class LagMonitor {
  private static final long HIGHEST = TimeUnit.MINUTES.toNanos(5);

  private final EventLoop loop;
  private final long resolutionMs;
  private final long resolutionNanos;
  private final Recorder recorder = new Recorder(HIGHEST, 3);
  private final Histogram total = new Histogram(HIGHEST, 3);
  private Histogram spare; // an interval histogram its reader handed back
  private long expectedNanos;
  private EventLoop.LoopTimer timer;

  public LagMonitor(EventLoop loop, long resolutionMs) {
    if (resolutionMs < 1) {
      throw new IllegalArgumentException(
          "lag monitor resolution must be at least 1 ms, got " + resolutionMs);
    }
    this.loop = loop;
    this.resolutionMs = resolutionMs;
    this.resolutionNanos = TimeUnit.MILLISECONDS.toNanos(resolutionMs);
  }

  /** Starts sampling; call on the loop thread (or before the loop runs). */
  public void start() {
    expectedNanos = System.nanoTime() + resolutionNanos;
    timer = loop.startTimer(resolutionMs, false, this::sample);
  }

  public void stop() {
    if (timer != null) loop.stopTimer(timer);
    timer = null;
  }

  private void sample() {
    long nowNanos = System.nanoTime();
    long late = Math.max(0, nowNanos - expectedNanos);
    recorder.recordValueWithExpectedInterval(Math.min(late, HIGHEST), resolutionNanos);
    expectedNanos = nowNanos + resolutionNanos;
    timer = loop.startTimer(resolutionMs, false, this::sample);
  }

  /**
   * Lag recorded since the previous call, in nanoseconds. Safe from any thread. The histogram is
   * the caller's until it hands it back with {@link #recycle}.
   */
  public synchronized Histogram interval() {
    Histogram h = recorder.getIntervalHistogram(spare);
    spare = null;
    total.add(h);
    return h;
  }

  /**
   * Hands back a histogram {@link #interval()} returned, once its reader is done with it: a later
   * interval reuses it instead of allocating another (see {@link StatsWindows}).
   */
  public synchronized void recycle(Histogram interval) {
    if (interval != null) spare = interval;
  }

  /** Lag over the monitor's whole life, in nanoseconds. */
  public synchronized Histogram total() {
    recycle(interval());
    return total.copy();
  }

  public long resolutionMs() {
    return resolutionMs;
  }
}
