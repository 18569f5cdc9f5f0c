package dev.loopd.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.ScalingEvent.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A simulated pool driven tick by tick (1 s apart): the nodes the autoscaler asked for are ready at
 * the next tick and the load, in busy loops, is spread evenly over them (a node's ELU saturates at
 * 1), as the operator core and the nodes would. Checks on every tick that an event is present
 * exactly when the size changes and describes that change.
 */
final class PoolSim {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A default-filled spec with the given bounds and target ELU 0.5 (1 busy loop = 2 nodes). */
  static AutoscalerPolicy policy(int min, int max) {
    return policy(b -> b.setMinNodes(min).setMaxNodes(max));
  }

  /** A default-filled spec, target ELU 0.5 unless {@code edit} sets another, edited. */
  static AutoscalerPolicy policy(UnaryOperator<PoolSpec.Builder> edit) {
    PoolSpec.Builder b =
        PoolSpec.newBuilder().setAutoscaling(AutoscalingPolicy.newBuilder().setTargetElu(0.5));
    return AutoscalerPolicy.from(PoolDefaults.withDefaults(edit.apply(b).build()));
  }

  final Autoscaler autoscaler;
  int nodes;
  int second;
  double lagP99;
  int held;
  long invocations;
  Decision last;
  final List<ScalingEvent> events = new ArrayList<>();
  final List<Integer> sizes = new ArrayList<>();
  final List<Boolean> panics = new ArrayList<>();

  PoolSim(AutoscalerPolicy policy, int nodes) {
    this.autoscaler = new Autoscaler("p", policy);
    this.nodes = nodes;
  }

  /** Runs {@code seconds} ticks with the given total load, in busy loops, at each second. */
  PoolSim run(int seconds, IntToDoubleFunction busyLoops) {
    for (int i = 0; i < seconds; i++, second++) {
      double total = busyLoops.applyAsDouble(second);
      if (total > 0) {
        invocations += 10;
      }
      List<NodeSignal> ready = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        double elu = Math.min(1.0, total / nodes);
        ready.add(new NodeSignal("n" + n, elu, 0, 4, lagP99, total > 0 ? 1 : 0, invocations));
      }
      Instant now = T0.plusSeconds(second);
      Decision d = autoscaler.tick(new Tick(now, nodes, ready, held));
      assertThat(d.event().isPresent())
          .as(
              "an event at %s s exactly when the size changes (%d -> %d)",
              second, nodes, d.desiredNodes())
          .isEqualTo(d.desiredNodes() != nodes);
      if (d.event().isPresent()) {
        ScalingEvent e = d.event().get();
        assertThat(e.getFromNodes()).isEqualTo(nodes);
        assertThat(e.getToNodes()).isEqualTo(d.desiredNodes());
        assertThat(Timestamps.toMillis(e.getTime())).isEqualTo(now.toEpochMilli());
        assertThat(e.getPool()).isEqualTo("p");
        assertThat(e.getReason()).isNotEqualTo(Reason.REASON_UNSPECIFIED);
        assertThat(e.getMessage()).isNotBlank();
        events.add(e);
      }
      last = d;
      nodes = d.desiredNodes();
      sizes.add(nodes);
      panics.add(d.panic());
    }
    return this;
  }

  List<Reason> reasons() {
    return events.stream().map(ScalingEvent::getReason).toList();
  }

  /** Seconds since the start at which each event happened. */
  List<Long> eventSeconds() {
    return events.stream().map(e -> e.getTime().getSeconds() - T0.getEpochSecond()).toList();
  }

  /** Sizes from second {@code from} (inclusive) on. */
  List<Integer> sizesFrom(int from) {
    return sizes.subList(from, sizes.size());
  }
}
