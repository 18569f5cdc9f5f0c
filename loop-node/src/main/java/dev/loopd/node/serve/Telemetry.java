package dev.loopd.node.serve;

import dev.loopd.node.health.InvocationStats;
import dev.loopd.node.health.LagMonitor;
import dev.loopd.node.health.StatsWindows;
import dev.loopd.node.health.TaskStats;
import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.node.telemetry.InvocationSpan;
import dev.loopd.node.telemetry.NodeTelemetry;
import dev.loopd.node.telemetry.TelemetrySettings;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.InvokeRequest;
import java.time.Instant;

/**
 * The serving node's measurements, wired together: lag, ELU and task durations attributed to the
 * handler whose realm ran them, invocation counts, the one-second {@code NodeStats} windows that
 * the node session and WatchStats send, and the OpenTelemetry metrics and spans.
 */
final class Telemetry implements AutoCloseable, HandlerHost.InvocationListener {
  final LagMonitor lag;
  final TaskStats tasks = new TaskStats("");
  final InvocationStats invocations = new InvocationStats();
  final StatsWindows windows;
  final NodeTelemetry metrics;

  Telemetry(
      EventLoop loop,
      HandlerHost host,
      BlockingPool pool,
      ServingNode.Config config,
      HandlerLog log) {
    this.lag = new LagMonitor(loop, config.lagResolutionMs());
    // Attribute every task to the handler version whose realm runs it (before TaskStats sees it).
    loop.addObserver(
        new EventLoop.TaskObserver() {
          @Override
          public void taskStarted(EventLoop.TaskKind kind, long startNanos) {
            EventLoop.Realm realm = loop.runningRealm();
            if (realm != null && realm.owner() instanceof HandlerVersion v) {
              tasks.setOwner(v.name(), v.version());
            } else {
              tasks.clearOwner();
            }
          }

          @Override
          public void taskEnded(EventLoop.TaskKind kind, long startNanos, long endNanos) {}
        });
    loop.addObserver(tasks);
    this.windows =
        new StatsWindows(
            loop,
            lag,
            pool,
            invocations,
            tasks,
            new StatsWindows.NodeInfo(
                config.nodeId(),
                config.pool() == null ? "" : config.pool(),
                Instant.now(),
                host::handlerSetVersion,
                host::ready),
            StatsWindows.DEFAULT_INTERVAL);
    this.metrics =
        new NodeTelemetry(
            TelemetrySettings.of(
                config.nodeId(),
                config.pool() == null ? "" : config.pool(),
                config.otlpEndpoint(),
                System.getenv()));
    windows.addListener(metrics.windowListener());
    windows.addListener(w -> host.publishStats(w.stats()));
    host.setStatsSource(windows::latestStats);
    host.setInvocationListener(this);
    if (metrics.settings().otlpEnabled()) {
      log.node("info", "exporting metrics and traces over OTLP to " + metrics.settings());
    }
  }

  /**
   * Starts sampling lag and closing stats windows; call on the loop thread, once the node has
   * warmed up: nothing before counts.
   */
  void start() {
    lag.start();
    windows.start();
  }

  @Override
  public Tracker started(
      HandlerHost.HandlerVersionInfo version, InvokeRequest request, String invocationId) {
    InvocationSpan span =
        metrics.startInvocation(
            version.name(),
            version.version(),
            version.tenant(),
            invocationId,
            request.getTraceparent(),
            request.getTracestate());
    invocations.started(version.name());
    return (outcome, status, nanos) -> {
      invocations.finished(version.name(), outcome, nanos);
      span.end(outcome, status);
    };
  }

  @Override
  public void refused(String handler, InvocationOutcome outcome) {
    invocations.refused(handler, outcome);
  }

  @Override
  public void close() {
    windows.close();
    metrics.close();
  }
}
