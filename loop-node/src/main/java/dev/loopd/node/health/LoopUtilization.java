package dev.loopd.node.health;

import dev.loopd.node.loop.EventLoop;

/**
 * Event loop utilization (ELU): the share of wall time the loop was not waiting in poll, over the
 * interval since the previous reading. Node's definition, measured the same way.
 */
public final class LoopUtilization {
  private final EventLoop loop;
  private long lastIdle;
  private long lastNanos;

  public LoopUtilization(EventLoop loop) {
    this.loop = loop;
    this.lastNanos = System.nanoTime();
    this.lastIdle = loop.idleNanos();
  }

  /** ELU since the previous call, from 0 to 1. Call on the loop thread. */
  public double next() {
    long nowNanos = System.nanoTime();
    long idle = loop.idleNanos();
    double elu = utilization(idle - lastIdle, nowNanos - lastNanos);
    lastIdle = idle;
    lastNanos = nowNanos;
    return elu;
  }

  /** ELU since the loop started. */
  public double sinceStart() {
    long start = loop.loopStartNanos();
    if (start == 0) return 0;
    return utilization(loop.idleNanos(), System.nanoTime() - start);
  }

  static double utilization(long idleNanos, long wallNanos) {
    if (wallNanos <= 0) return 0;
    return Math.max(0, Math.min(1, 1 - (double) idleNanos / wallNanos));
  }
}
