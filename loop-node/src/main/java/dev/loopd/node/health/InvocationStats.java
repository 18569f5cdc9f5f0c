package dev.loopd.node.health;

import dev.loopd.proto.node.v1.InvocationOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts invocations as the node core starts and finishes them: how many are in flight, how many
 * ended with each outcome per handler since the node started (NodeStats.invocations and the {@code
 * loopd.invocations} metric), and how long they took per handler.
 *
 * <p>Every method is safe from any thread and cheap enough for the hot path: a map lookup, an
 * atomic add and an HdrHistogram {@link Recorder} write, no locks.
 */
public final class InvocationStats {
  private static final long HIGHEST = TimeUnit.HOURS.toNanos(1);

  /** Invocations of one handler that ended with one outcome, since the node started. */
  public record Count(String handler, InvocationOutcome outcome, long total) {}

  private record Key(String handler, InvocationOutcome outcome) {}

  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentHashMap<Key, LongAdder> totals = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Recorder> durations = new ConcurrentHashMap<>();
  // Per handler, an interval histogram handed back (recycle) for the next interval to reuse.
  // Guarded by this; a handler's Recorder is never replaced, so a spare always fits its recorder.
  private final Map<String, Histogram> spares = new HashMap<>();

  /** An invocation of {@code handler} began (call {@link #finished} exactly once for it). */
  public void started(String handler) {
    inFlight.incrementAndGet();
  }

  /**
   * An invocation that {@link #started} ended.
   *
   * @param durationNanos from receipt to response
   */
  public void finished(String handler, InvocationOutcome outcome, long durationNanos) {
    inFlight.decrementAndGet();
    count(handler, outcome);
    durations
        .computeIfAbsent(handler, h -> new Recorder(HIGHEST, 2))
        .recordValue(Math.max(0, Math.min(durationNanos, HIGHEST)));
  }

  /**
   * An invocation refused before it started (draining, not ready, request too large): counted with
   * its outcome, usually {@link InvocationOutcome#INVOCATION_OUTCOME_REJECTED}, but never in flight
   * and without a duration.
   */
  public void refused(String handler, InvocationOutcome outcome) {
    count(handler, outcome);
  }

  private void count(String handler, InvocationOutcome outcome) {
    totals.computeIfAbsent(new Key(handler, outcome), k -> new LongAdder()).increment();
  }

  /** Invocations started and not yet finished. */
  public int inFlight() {
    return inFlight.get();
  }

  /** One entry per (handler, outcome) seen so far, ordered by handler then outcome. */
  public List<Count> totals() {
    List<Count> counts = new ArrayList<>(totals.size());
    totals.forEach((k, v) -> counts.add(new Count(k.handler(), k.outcome(), v.sum())));
    counts.sort(Comparator.comparing(Count::handler).thenComparing(c -> c.outcome().getNumber()));
    return counts;
  }

  /** Total of one handler and outcome (0 when never seen). */
  public long total(String handler, InvocationOutcome outcome) {
    LongAdder n = totals.get(new Key(handler, outcome));
    return n == null ? 0 : n.sum();
  }

  /**
   * Invocation durations (nanoseconds) per handler since the previous call, handlers without
   * invocations in the interval left out. One reader (the stats window) should own this. The
   * histograms are the reader's until it hands them back with {@link #recycle}.
   */
  public synchronized Map<String, Histogram> intervalDurations() {
    Map<String, Histogram> out = new TreeMap<>();
    durations.forEach((handler, recorder) -> {
      Histogram h = recorder.getIntervalHistogram(spares.remove(handler));
      if (h.getTotalCount() > 0) out.put(handler, h);
      else spares.put(handler, h); // nothing to read: reuse it at once
    });
    return out;
  }

  /**
   * Hands back the histograms {@link #intervalDurations()} returned, once their reader is done with
   * them: later intervals reuse them instead of allocating new ones.
   */
  public synchronized void recycle(Map<String, Histogram> intervalDurations) {
    spares.putAll(intervalDurations);
  }
}
