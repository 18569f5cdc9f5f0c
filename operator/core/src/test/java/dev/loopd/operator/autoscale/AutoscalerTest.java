package dev.loopd.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.ScalingEvent.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler driven tick by tick (1 s apart) with synthetic node stats: a pool "runs" the nodes
 * the autoscaler asked for at the next tick, and the load is spread over them, as the operator core
 * and the nodes would.
 */
class AutoscalerTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Default policy with 1..10 nodes, target ELU 0.5, stable 60 s, panic 6 s. */
  static AutoscalerPolicy policy(int min, int max) {
    return AutoscalerPolicy.from(
        PoolDefaults.withDefaults(
            PoolSpec.newBuilder()
                .setMinNodes(min)
                .setMaxNodes(max)
                .setAutoscaling(AutoscalingPolicy.newBuilder().setTargetElu(0.5))
                .build()));
  }

  /** A simulated pool: total ELU demand (in busy loops) per second, spread over its nodes. */
  static final class Sim {
    final Autoscaler autoscaler;
    int nodes;
    int second;
    double lagP99;
    int held;
    long invocations;
    final List<ScalingEvent> events = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();

    Sim(AutoscalerPolicy policy, int nodes) {
      this.autoscaler = new Autoscaler("p", policy);
      this.nodes = nodes;
    }

    /** Runs {@code seconds} ticks with the given total busy-loop demand at each second. */
    Sim run(int seconds, IntToDoubleFunction busyLoops) {
      for (int i = 0; i < seconds; i++, second++) {
        double total = busyLoops.applyAsDouble(second);
        List<NodeSignal> ready = new ArrayList<>();
        if (total > 0) {
          invocations += 10;
        }
        for (int n = 0; n < nodes; n++) {
          double elu = Math.min(1.0, total / nodes);
          ready.add(new NodeSignal("n" + n, elu, 0, 4, lagP99, total > 0 ? 1 : 0, invocations));
        }
        Decision d = autoscaler.tick(new Tick(T0.plusSeconds(second), nodes, ready, held));
        d.event().ifPresent(events::add);
        nodes = d.desiredNodes();
        sizes.add(nodes);
      }
      return this;
    }

    List<Reason> reasons() {
      return events.stream().map(ScalingEvent::getReason).toList();
    }
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    AutoscalerPolicy p =
        AutoscalerPolicy.from(PoolDefaults.withDefaults(PoolSpec.getDefaultInstance()));
    assertThat(p.minNodes()).isEqualTo(1);
    assertThat(p.maxNodes()).isEqualTo(5);
    assertThat(p.mode()).isEqualTo(AutoscalingPolicy.Mode.MODE_AUTO);
    assertThat(p.targetElu()).isEqualTo(0.6);
    assertThat(p.targetPoolUtilization()).isEqualTo(0.7);
    assertThat(p.stableWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.panicWindow()).isEqualTo(Duration.ofSeconds(6));
    assertThat(p.panicThreshold()).isEqualTo(2.0);
    assertThat(p.maxScaleUpRate()).isEqualTo(2.0);
    assertThat(p.scaleDownDelay()).isZero();
    assertThat(p.scaleToZeroGrace()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.lagLimit()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void steadyLoadWithinTargetMakesNoDecisions() {
    Sim sim = new Sim(policy(1, 10), 2).run(300, s -> 0.9);
    assertThat(sim.events).isEmpty();
    assertThat(sim.nodes).isEqualTo(2);
  }

  @Test
  void aStepInLoadScalesUpToWhatTheLoadNeeds() {
    // 1.25 busy loops at target ELU 0.5 = 2.5 nodes of demand: 3 nodes.
    Sim sim = new Sim(policy(1, 10), 1).run(120, s -> 1.25);
    assertThat(sim.nodes).isEqualTo(3);
    assertThat(sim.events)
        .allSatisfy(e -> assertThat(e.getToNodes()).isGreaterThan(e.getFromNodes()));
    assertThat(sim.events.getFirst().getInputs().getTotalElu()).isPositive();
    assertThat(sim.events.getFirst().getMessage()).isNotEmpty();
  }

  @Test
  void aSpikePanicsAtOnceAndDoesNotScaleDownUntilAStableWindowIsCalm() {
    Sim sim = new Sim(policy(1, 10), 2).run(60, s -> 0.8);
    sim.run(5, s -> 3.5); // a short burst: 7 nodes of demand on 2
    assertThat(sim.reasons()).contains(Reason.REASON_PANIC);
    int peak = sim.nodes;
    assertThat(peak).isGreaterThanOrEqualTo(4);
    int panicAt = sim.second;
    sim.run(55, s -> 0.8);
    assertThat(sim.sizes.subList(panicAt, sim.sizes.size()))
        .as("no scale-down within a stable window of the last panic trigger")
        .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(peak));
    sim.run(120, s -> 0.8);
    assertThat(sim.nodes).isEqualTo(2);
    assertThat(sim.reasons()).contains(Reason.REASON_SCALE_DOWN);
  }

  @Test
  void aRampScalesStepwiseNeverFasterThanTheRate() {
    Sim sim = new Sim(policy(1, 20), 1).run(300, s -> Math.min(6, s / 30.0));
    for (ScalingEvent e : sim.events) {
      if (e.getToNodes() > e.getFromNodes()) {
        int ready = Math.max(1, e.getInputs().getReadyNodes());
        assertThat(e.getToNodes()).isLessThanOrEqualTo((int) Math.ceil(ready * 2.0));
      }
    }
    assertThat(sim.nodes).isBetween(11, 13);
  }

  @Test
  void demandFlappingAroundABoundaryDoesNotFlapThePool() {
    Sim sim = new Sim(policy(1, 10), 2).run(60, s -> 0.95);
    sim.events.clear();
    sim.run(300, s -> s % 2 == 0 ? 0.95 : 1.05); // 1.9 and 2.1 nodes of demand
    long downs = sim.events.stream().filter(e -> e.getToNodes() < e.getFromNodes()).count();
    long ups = sim.events.stream().filter(e -> e.getToNodes() > e.getFromNodes()).count();
    assertThat(ups + downs)
        .as("decisions while the demand flaps: %s", sim.events)
        .isLessThanOrEqualTo(1);
  }

  @Test
  void lagOverTheLimitOnABusyLoopPanicsEvenWhenELUDemandIsLow() {
    Sim sim = new Sim(policy(1, 10), 1);
    sim.lagP99 = 0.2;
    sim.run(1, s -> 0.3);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_PANIC);
    assertThat(sim.events.getFirst().getMessage()).contains("lag p99 200 ms over the 50 ms limit");
    assertThat(sim.nodes).isEqualTo(2);
  }

  @Test
  void lagOnAnIdleLoopIsNotTheLoadsFault() {
    Sim sim = new Sim(policy(1, 10), 1);
    sim.lagP99 = 0.2;
    sim.run(30, s -> 0.05);
    assertThat(sim.events).isEmpty();
  }

  @Test
  void boundsClampBothWays() {
    Sim sim = new Sim(policy(2, 3), 2).run(120, s -> 5.0);
    assertThat(sim.nodes).isEqualTo(3);
    sim.run(300, s -> 0.0);
    assertThat(sim.nodes).isEqualTo(2);
  }

  @Test
  void afterTheLoadStopsThePoolScalesDownOnlyAsTheStableWindowEmpties() {
    Sim sim = new Sim(policy(1, 10), 4).run(120, s -> 2.0);
    assertThat(sim.nodes).isEqualTo(4);
    int stop = sim.second;
    sim.run(20, s -> 0.0);
    assertThat(sim.nodes).as("20 s into a 60 s window").isGreaterThan(1);
    sim.run(60, s -> 0.0);
    assertThat(sim.nodes).isEqualTo(1);
    assertThat(sim.sizes.subList(stop, sim.sizes.size())).isSortedAccordingTo((a, b) -> b - a);
  }

  @Test
  void aScaleDownDelayHoldsNodesThroughAShortLull() {
    AutoscalerPolicy p =
        AutoscalerPolicy.from(
            PoolDefaults.withDefaults(
                PoolSpec.newBuilder()
                    .setMinNodes(1)
                    .setMaxNodes(10)
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder()
                            .setTargetElu(0.5)
                            .setStableWindow(Durations.fromSeconds(10))
                            .setPanicWindow(Durations.fromSeconds(2))
                            .setScaleDownDelay(Durations.fromSeconds(30)))
                    .build()));
    Sim sim = new Sim(p, 3).run(30, s -> 1.4);
    assertThat(sim.nodes).isEqualTo(3);
    sim.run(25, s -> 0.2);
    assertThat(sim.nodes).as("the lower demand has not held for 30 s yet").isEqualTo(3);
    sim.run(30, s -> 0.2);
    assertThat(sim.nodes).isEqualTo(1);
  }

  @Test
  void anIdlePoolWithMinZeroScalesToZeroAfterTheGraceAndBackOnAHeldInvocation() {
    AutoscalerPolicy p =
        AutoscalerPolicy.from(
            PoolDefaults.withDefaults(
                PoolSpec.newBuilder()
                    .setMinNodes(0)
                    .setMaxNodes(3)
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder()
                            .setScaleToZeroGrace(Durations.fromSeconds(30)))
                    .build()));
    Sim sim = new Sim(p, 1).run(10, s -> 0.2);
    sim.run(29, s -> 0.0);
    assertThat(sim.nodes).as("still within the grace").isEqualTo(1);
    sim.run(2, s -> 0.0);
    assertThat(sim.nodes).isZero();
    assertThat(sim.reasons()).containsExactly(Reason.REASON_SCALE_TO_ZERO);

    sim.run(10, s -> 0.0);
    assertThat(sim.nodes).as("stays at zero while nothing arrives").isZero();
    sim.held = 3;
    sim.run(1, s -> 0.0);
    assertThat(sim.nodes).isEqualTo(1);
    assertThat(sim.reasons()).endsWith(Reason.REASON_SCALE_FROM_ZERO);
    assertThat(sim.events.getLast().getInputs().getHeldInvocations()).isEqualTo(3);
  }

  @Test
  void manualModeRunsExactlyTheRequestedNodes() {
    AutoscalerPolicy p =
        AutoscalerPolicy.from(
            PoolDefaults.withDefaults(
                PoolSpec.newBuilder()
                    .setMinNodes(0)
                    .setMaxNodes(5)
                    .setNodes(4)
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder().setMode(AutoscalingPolicy.Mode.MODE_MANUAL))
                    .build()));
    Sim sim = new Sim(p, 1).run(60, s -> 4.0);
    assertThat(sim.nodes).isEqualTo(4);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_MANUAL);
  }

  @Test
  void aPolicyChangeAppliesAtTheNextTick() {
    Sim sim = new Sim(policy(1, 10), 5).run(10, s -> 2.0);
    sim.autoscaler.setPolicy(policy(1, 3));
    sim.run(1, s -> 2.0);
    assertThat(sim.nodes).isEqualTo(3);
    assertThat(sim.events.getLast().getMessage()).contains("max_nodes 3");
  }

  @Test
  void busyBlockingPoolThreadsCountAsDemand() {
    Autoscaler a = new Autoscaler("p", policy(1, 10));
    Decision d = null;
    for (int s = 0; s < 70; s++) {
      // ELU idle, but 4 of 4 pool threads busy: 4 / (4 x 0.7) = 1.4 nodes of demand per node.
      d =
          a.tick(
              new Tick(
                  T0.plusSeconds(s),
                  d == null ? 1 : d.desiredNodes(),
                  List.of(new NodeSignal("n", 0.05, 4, 4, 0, 1, s)),
                  0));
    }
    assertThat(d.desiredNodes()).isEqualTo(2);
  }
}
