package dev.loopd.operator.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The per-tick demand samples of one pool, kept for the longest window that reads them (the stable
 * window), with their mean over any shorter window.
 *
 * <p>A window with fewer samples than its length averages what it has. {@link #coveredSince} tells
 * how long the samples have run without a gap that emptied the window, so a caller can refuse to
 * act on a window that has not filled yet.
 */
final class DemandWindow {

  private record Sample(Instant at, double demand) {}

  private final Deque<Sample> samples = new ArrayDeque<>();
  private Instant coveredSince;

  /** Adds a sample at {@code now} and drops those older than {@code keep}. */
  void add(Instant now, double demand, Duration keep) {
    prune(now, keep);
    if (samples.isEmpty()) {
      coveredSince = now;
    }
    samples.addLast(new Sample(now, demand));
  }

  /** Drops samples older than {@code keep} (a tick without ready nodes adds none). */
  void prune(Instant now, Duration keep) {
    Instant oldest = now.minus(keep);
    while (!samples.isEmpty() && samples.peekFirst().at().isBefore(oldest)) {
      samples.removeFirst();
    }
  }

  /** Mean demand of the samples in {@code (now - window, now]}; 0 without samples. */
  double mean(Instant now, Duration window) {
    Instant from = now.minus(window);
    double sum = 0;
    int n = 0;
    for (Sample s : samples) {
      if (s.at().isAfter(from)) {
        sum += s.demand();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** True when samples have run without a gap for at least {@code window} up to {@code now}. */
  boolean covers(Instant now, Duration window) {
    return !samples.isEmpty() && !now.isBefore(coveredSince.plus(window));
  }
}
