package dev.loopd.cli;

import dev.loopd.proto.control.v1.GetPoolHealthRequest;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.WatchPoolRequest;
import dev.loopd.proto.control.v1.WatchPoolResponse;
import io.grpc.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "watch",
    description =
        "A live table of a pool's nodes (lag, ELU, blocking pool saturation) and its scaling"
            + " decisions. Ctrl-C ends it.")
final class WatchCommand extends ApiCommand {

  @Parameters(paramLabel = "POOL")
  String pool;

  @Option(names = "--once", description = "Print one snapshot and exit.")
  boolean once;

  @Option(names = "--events", description = "Scaling events shown (default: 8).")
  int eventsShown = 8;

  @Override
  int run(Api api) throws Exception {
    if (once) {
      PoolHealth h =
          api.telemetry()
              .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
              .getPoolHealth(GetPoolHealthRequest.newBuilder().setPool(pool).build());
      if (!Output.structured(global.output, h, out())) {
        out().print(render(h, h.getRecentEventsList()));
      }
      return 0;
    }
    boolean terminal = System.console() != null && global.output == Global.Format.table;
    Deque<ScalingEvent> events = new ArrayDeque<>();
    Context.CancellableContext ctx = Context.current().withCancellation();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ctx.cancel(null)));
    return ctx.call(() -> {
      Iterator<WatchPoolResponse> stream =
          api.telemetry().watchPool(WatchPoolRequest.newBuilder().setPool(pool).build());
      boolean first = true;
      while (stream.hasNext()) {
        WatchPoolResponse r = stream.next();
        if (Output.structured(global.output, r, out())) {
          continue;
        }
        if (r.hasScalingEvent()) {
          events.addLast(r.getScalingEvent());
          continue;
        }
        PoolHealth h = r.getHealth();
        if (first) {
          events.addAll(h.getRecentEventsList());
          first = false;
        }
        while (events.size() > eventsShown) {
          events.removeFirst();
        }
        out().print((terminal ? "\033[H\033[2J" : "") + render(h, List.copyOf(events)));
        if (!terminal) {
          out().println();
        }
        out().flush();
      }
      return 0;
    });
  }

  static String render(PoolHealth h, List<ScalingEvent> events) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            java.util.Locale.ROOT,
            "pool %s  nodes %d ready / %d desired  panic %s  held %d  lag p99 %s ms  mean ELU %s  %s%n%n",
            h.getPool(),
            h.getReadyNodes(),
            h.getDesiredNodes(),
            h.getPanic() ? "YES" : "no",
            h.getHeldInvocations(),
            Output.ms(h.getMaxLagP99Seconds()),
            Output.percent(h.getMeanElu()),
            Output.time(h.getTime())));
    List<List<String>> rows = new ArrayList<>();
    for (NodeHealth n : h.getNodesList()) {
      var lag = n.getLoopLag();
      var pool = n.getBlockingPool();
      rows.add(
          List.of(
              n.getNodeId(),
              n.getState().name().replace("STATE_", ""),
              Output.ms(lag.getP50Seconds())
                  + "/"
                  + Output.ms(lag.getP99Seconds())
                  + "/"
                  + Output.ms(lag.getMaxSeconds()),
              Output.percent(n.getElu()),
              pool.getSize() + "/" + pool.getActive() + "/" + pool.getQueued(),
              Output.percent(n.getPoolSaturation()),
              Integer.toString(n.getInFlight()),
              Long.toString(n.getInvocationsTotal())));
    }
    sb.append(
        Output.table(
            List.of(
                "NODE",
                "STATE",
                "LAG p50/p99/max ms",
                "ELU",
                "POOL size/active/queued",
                "SAT",
                "IN-FLIGHT",
                "INVOCATIONS"),
            rows));
    sb.append("\nscaling events:\n");
    if (events.isEmpty()) {
      sb.append("  (none yet)\n");
    }
    for (ScalingEvent e : events) {
      sb.append("  ").append(event(e)).append('\n');
    }
    return sb.toString();
  }

  static String event(ScalingEvent e) {
    return Output.time(e.getTime())
        + "  "
        + e.getFromNodes()
        + " -> "
        + e.getToNodes()
        + "  "
        + e.getReason().name().replace("REASON_", "")
        + "  "
        + e.getMessage();
  }
}
