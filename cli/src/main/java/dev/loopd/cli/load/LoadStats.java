package dev.loopd.cli.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies and errors of a load run, safe to record from the gRPC callback threads: per-second
 * intervals for the progress lines and the whole run for the summary. Latency is recorded in
 * microseconds for every answered invocation; errors are failed calls (by gRPC code) and HTTP
 * statuses of 500 and above.
 */
public final class LoadStats {
  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private final LongAdder intervalErrors = new LongAdder();
  private final LongAdder intervalFailedCalls = new LongAdder();
  private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
  private long totalErrors;
  private long totalFailedCalls;
  private Histogram reuse;

  /** An answered invocation that took {@code nanos} from its (intended) start. */
  public void answered(long nanos, int httpStatus) {
    recorder.recordValue(Math.max(1, nanos / 1_000));
    if (httpStatus >= 500) {
      intervalErrors.increment();
      errorsByKind.computeIfAbsent("HTTP " + httpStatus, k -> new LongAdder()).increment();
    }
  }

  /** A call that failed with a gRPC status code. */
  public void failed(String code) {
    intervalErrors.increment();
    intervalFailedCalls.increment();
    errorsByKind.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  /** Closes the current interval: its figures, which are also added to the run's. */
  public synchronized Interval interval() {
    reuse = recorder.getIntervalHistogram(reuse);
    total.add(reuse);
    long errors = intervalErrors.sumThenReset();
    long failed = intervalFailedCalls.sumThenReset();
    totalErrors += errors;
    totalFailedCalls += failed;
    return new Interval(
        reuse.getTotalCount() + failed,
        errors,
        reuse.getTotalCount() == 0 ? 0 : reuse.getValueAtPercentile(50) / 1000.0,
        reuse.getTotalCount() == 0 ? 0 : reuse.getValueAtPercentile(99) / 1000.0);
  }

  /** The whole run so far (call {@link #interval()} first to include the latest figures). */
  public synchronized Histogram total() {
    return total.copy();
  }

  public synchronized long requests() {
    return total.getTotalCount() + totalFailedCalls;
  }

  public synchronized long errors() {
    return totalErrors;
  }

  /** {@code UNAVAILABLE 3, HTTP 500 2}, sorted by kind. */
  public String errorsByKind() {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(errorsByKind)
        .forEach((kind, n) ->
            s.append(s.isEmpty() ? "" : ", ").append(kind).append(' ').append(n.sum()));
    return s.toString();
  }

  /** One interval: invocations answered or failed, errors among them, latency in ms. */
  public record Interval(long requests, long errors, double p50Millis, double p99Millis) {
    String line(long second, double seconds) {
      return String.format(
          Locale.ROOT,
          "%4ds  %8.1f req/s  errors %-5d  p50 %7.2f ms  p99 %7.2f ms",
          second,
          requests / seconds,
          errors,
          p50Millis,
          p99Millis);
    }
  }
}
