package dev.loopd.cli.watch;

import dev.loopd.cli.command.PoolsCommand;
import dev.loopd.cli.output.Formats;
import dev.loopd.cli.output.Table;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.ScalingEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@code loopctl watch} shows: the latest health of a pool (a row per node, then the pool
 * line) and the latest scaling events, from health snapshots and streamed events alike.
 */
public final class HealthView {
  /** Scaling events kept and shown. */
  static final int EVENTS_SHOWN = 10;

  private PoolHealth health;
  private final Deque<ScalingEvent> events = new ArrayDeque<>();

  /** Takes a health snapshot; its recent events replace the ones known so far. */
  public void update(PoolHealth next) {
    health = next;
    events.clear();
    List<ScalingEvent> recent = next.getRecentEventsList();
    for (ScalingEvent e :
        recent.subList(Math.max(0, recent.size() - EVENTS_SHOWN), recent.size())) {
      events.addLast(e);
    }
  }

  /** Adds an event streamed between snapshots (ignored when already known). */
  public void add(ScalingEvent event) {
    if (events.contains(event)) {
      return;
    }
    events.addLast(event);
    while (events.size() > EVENTS_SHOWN) {
      events.removeFirst();
    }
  }

  /** The view as text; "waiting" before the first snapshot. */
  public String render() {
    if (health == null) {
      return "Waiting for the pool's health...\n";
    }
    StringBuilder s = new StringBuilder();
    Table nodes =
        new Table(
            "NODE",
            "STATE",
            "LAG p50/p99/max ms",
            "ELU",
            "POOL size/active/queued",
            "SAT",
            "IN-FLIGHT");
    for (NodeHealth n : health.getNodesList()) {
      nodes.row(
          n.getNodeId(),
          Formats.enumName(n.getState(), "STATE_"),
          Formats.millis(n.getLoopLag().getP50Seconds())
              + " / "
              + Formats.millis(n.getLoopLag().getP99Seconds())
              + " / "
              + Formats.millis(n.getLoopLag().getMaxSeconds()),
          Formats.percent(n.getElu()),
          n.getBlockingPool().getSize()
              + " / "
              + n.getBlockingPool().getActive()
              + " / "
              + n.getBlockingPool().getQueued(),
          Formats.percent(n.getPoolSaturation()),
          n.getInFlight());
    }
    s.append(nodes.size() == 0 ? "No nodes.\n" : nodes.render());
    s.append('\n')
        .append("Pool ")
        .append(health.getPool())
        .append(" at ")
        .append(Formats.dateTime(health.getTime()))
        .append(": ")
        .append(health.getReadyNodes())
        .append(" ready of ")
        .append(health.getDesiredNodes())
        .append(" desired, panic ")
        .append(health.getPanic() ? "YES" : "no")
        .append(", held ")
        .append(health.getHeldInvocations())
        .append(", lag p99 ")
        .append(Formats.millis(health.getMaxLagP99Seconds()))
        .append(" ms, mean ELU ")
        .append(Formats.percent(health.getMeanElu()))
        .append('\n');
    s.append('\n');
    if (events.isEmpty()) {
      s.append("No scaling events yet.\n");
    } else {
      s.append("Scaling events (newest last):\n");
      for (ScalingEvent e : new ArrayList<>(events)) {
        s.append("  ").append(PoolsCommand.eventLine(e)).append('\n');
      }
    }
    return s.toString();
  }
}
