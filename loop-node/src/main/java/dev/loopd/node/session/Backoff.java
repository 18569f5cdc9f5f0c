package dev.loopd.node.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Delays between attempts to reach the control plane: exponential (doubling from {@code initial} up
 * to {@code max}) with jitter, so that the nodes of a pool that lost the control plane at the same
 * moment do not all dial it again at the same moment.
 *
 * <p>Each delay is drawn uniformly from the upper half of its nominal value ("equal jitter"): the
 * n-th consecutive failure waits between {@code d/2} and {@code d}, where {@code d = min(max,
 * initial * 2^(n-1))}. {@link #reset()} after a healthy session starts the next streak at {@code
 * initial} again. Not thread-safe: the session client uses it from its one thread.
 */
final class Backoff {
  /** What a node uses: 100 ms doubling to 10 s. */
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

  private final long initialNanos;
  private final long maxNanos;
  private final RandomGenerator random;
  private int failures;

  Backoff(Duration initial, Duration max) {
    this(initial, max, ThreadLocalRandom.current());
  }

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive, got " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "maximum backoff " + max + " is shorter than the initial backoff " + initial);
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** A fresh copy with the same settings and no failures counted (one per client). */
  Backoff copy() {
    return new Backoff(Duration.ofNanos(initialNanos), Duration.ofNanos(maxNanos), random);
  }

  /** Counts one more consecutive failure and returns how long to wait before the next attempt. */
  Duration nextDelay() {
    long nominal = nominal(failures);
    failures++;
    long half = nominal / 2;
    return Duration.ofNanos(nominal - half + random.nextLong(half + 1));
  }

  /** Consecutive failures since the last {@link #reset()}. */
  int failures() {
    return failures;
  }

  /** The session became healthy: the next failure waits about {@code initial} again. */
  void reset() {
    failures = 0;
  }

  private long nominal(int previousFailures) {
    long delay = initialNanos;
    for (int i = 0; i < previousFailures && delay < maxNanos; i++) {
      delay = delay > maxNanos / 2 ? maxNanos : delay * 2;
    }
    return Math.min(delay, maxNanos);
  }
}
