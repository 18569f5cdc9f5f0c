package dev.loopd.node.telemetry;

import dev.loopd.node.health.StatsWindows.Window;
import dev.loopd.proto.node.v1.InvocationCount;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.NodeStats;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The metrics of DESIGN.md ("Loop health"), fed from the node's stats windows.
 *
 * <p>Why from windows and not on the hot path: the loop thread already records every lag sample and
 * task duration into HdrHistogram recorders (a few nanoseconds each). Recording into OTel
 * histograms too would add an attribute lookup and a lock per task on the loop thread. Instead,
 * once per window, the stats thread replays each window's HdrHistogram into the OTel histogram
 * (each distinct value with its count), so the loop thread pays nothing extra. The cost moves to
 * the stats thread and is linear in the window's sample count (e.g. 1000 lag samples a second at 1
 * ms resolution). Gauges and the invocation counter are observed from the latest window when a
 * reader collects, so Prometheus, OTLP and NodeStats always agree.
 */
final class NodeMetrics {
  static final AttributeKey<String> HANDLER = AttributeKey.stringKey("handler");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

  /** Bucket bounds in seconds, from 100 µs (a quiet loop) to 10 s (a badly blocked one). */
  static final List<Double> SECONDS_BUCKETS =
      List.of(
          0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
          2.5, 5.0, 10.0);

  private final DoubleHistogram loopDelay;
  private final DoubleHistogram taskDuration;
  private final DoubleHistogram poolQueueWait;
  private final DoubleHistogram poolRunTime;
  private final DoubleHistogram invocationDuration;
  private volatile NodeStats latest; // the latest window's message; its histograms are lent

  NodeMetrics(Meter meter) {
    loopDelay =
        histogram(meter, "loopd.eventloop.delay", "Lateness of the loop's lag monitor timer");
    taskDuration =
        histogram(
            meter,
            "loopd.eventloop.task.duration",
            "Duration of each macrotask: a callback plus its microtask drain");
    poolQueueWait =
        histogram(meter, "loopd.pool.queue.wait", "Time blocking-pool work waited for a thread");
    poolRunTime =
        histogram(meter, "loopd.pool.run.time", "Time blocking-pool work ran on a thread");
    invocationDuration =
        histogram(meter, "loopd.invocation.duration", "Invocations from receipt to response");

    gauge(
        meter,
        "loopd.eventloop.utilization",
        "1",
        "Share of wall time the loop was not " + "waiting in poll, over the last window",
        s -> s.getElu());
    longGauge(
        meter,
        "loopd.pool.size",
        "{thread}",
        "Blocking-pool threads",
        s -> s.getBlockingPool().getSize());
    longGauge(
        meter,
        "loopd.pool.active",
        "{thread}",
        "Blocking-pool threads running a task",
        s -> s.getBlockingPool().getActive());
    longGauge(
        meter,
        "loopd.pool.queued",
        "{task}",
        "Tasks waiting in the blocking-pool queue",
        s -> s.getBlockingPool().getQueued());
    gauge(
        meter,
        "loopd.pool.utilization",
        "1",
        "Busy thread time / (size x wall time) over the last window",
        s -> s.getBlockingPool().getUtilization());

    meter
        .counterBuilder("loopd.invocations")
        .setUnit("{invocation}")
        .setDescription("Invocations that ended, by handler and outcome")
        .buildWithCallback(this::observeInvocations);
  }

  private static DoubleHistogram histogram(Meter meter, String name, String description) {
    return meter
        .histogramBuilder(name)
        .setUnit("s")
        .setDescription(description)
        .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS)
        .build();
  }

  private void gauge(
      Meter meter, String name, String unit, String description, ToDoubleFunction<NodeStats> read) {
    meter
        .gaugeBuilder(name)
        .setUnit(unit)
        .setDescription(description)
        .buildWithCallback(
            observeLatest(
                (ObservableDoubleMeasurement m, NodeStats s) -> m.record(read.applyAsDouble(s))));
  }

  private void longGauge(
      Meter meter, String name, String unit, String description, ToLongFunction<NodeStats> read) {
    meter
        .gaugeBuilder(name)
        .ofLongs()
        .setUnit(unit)
        .setDescription(description)
        .buildWithCallback(
            observeLatest(
                (ObservableLongMeasurement m, NodeStats s) -> m.record(read.applyAsLong(s))));
  }

  private interface Observation<M> {
    void observe(M measurement, NodeStats stats);
  }

  /** A gauge callback that reports the latest window, and nothing before the first. */
  private <M> Consumer<M> observeLatest(Observation<M> observation) {
    return m -> {
      NodeStats s = latest;
      if (s != null) observation.observe(m, s);
    };
  }

  private void observeInvocations(ObservableLongMeasurement m) {
    NodeStats s = latest;
    if (s == null) return;
    for (InvocationCount c : s.getInvocationsList()) {
      m.record(
          c.getCountTotal(),
          Attributes.of(HANDLER, c.getHandler(), OUTCOME, outcome(c.getOutcome())));
    }
  }

  /** The {@code outcome} attribute: the enum name, lowercase, without its prefix ("ok"). */
  static String outcome(InvocationOutcome outcome) {
    String name = outcome.name();
    String prefix = "INVOCATION_OUTCOME_";
    if (name.startsWith(prefix)) name = name.substring(prefix.length());
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  /** Feeds one closed window; called on the stats thread. */
  void record(Window window) {
    replay(window.lag(), loopDelay, Attributes.empty());
    replay(window.taskDurations(), taskDuration, Attributes.empty());
    replay(window.poolQueueWait(), poolQueueWait, Attributes.empty());
    replay(window.poolRunTime(), poolRunTime, Attributes.empty());
    for (Map.Entry<String, Histogram> e : window.invocationDurations().entrySet()) {
      replay(e.getValue(), invocationDuration, Attributes.of(HANDLER, e.getKey()));
    }
    latest = window.stats();
  }

  /** Records every sample of an HdrHistogram (nanoseconds) into an OTel histogram (seconds). */
  private static void replay(Histogram h, DoubleHistogram into, Attributes attributes) {
    if (h == null || h.getTotalCount() == 0) return;
    for (HistogramIterationValue v : h.recordedValues()) {
      double seconds = h.medianEquivalentValue(v.getValueIteratedTo()) / 1e9;
      for (long i = v.getCountAtValueIteratedTo(); i > 0; i--) into.record(seconds, attributes);
    }
  }
}
