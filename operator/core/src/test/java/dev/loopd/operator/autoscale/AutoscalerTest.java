package dev.loopd.operator.autoscale;

import static dev.loopd.operator.autoscale.PoolSim.T0;
import static dev.loopd.operator.autoscale.PoolSim.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.ScalingEvent.Reason;
import dev.loopd.proto.control.v1.ScalingInputs;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenarios of DESIGN.md "Autoscaling" on a {@link PoolSim}: 1 s ticks, target ELU 0.5 (so 1 busy
 * loop of load is 2 nodes of demand), stable window 60 s, panic window 6 s, panic threshold 2, max
 * scale-up rate 2, unless a test says otherwise.
 */
class AutoscalerTest {

  // Steady load.

  @Test
  void steadyLoadWithinTheTargetMakesNoDecisions() {
    PoolSim sim = new PoolSim(policy(1, 10), 2).run(300, s -> 0.9); // 1.8 nodes of demand
    assertThat(sim.events).isEmpty();
    assertThat(sim.panics).containsOnly(false);
    assertThat(sim.last.stableDesired()).isCloseTo(1.8, within(1e-9));
  }

  // Step up.

  @Test
  void aStepPastThePanicThresholdPanicsUpAtOnceAndSettles() {
    // 2.5 nodes of demand on 1 node: the node saturates (ELU 1 = 2 nodes), which is already 2x.
    PoolSim sim = new PoolSim(policy(1, 10), 1).run(120, s -> 1.25);
    assertThat(sim.sizes.subList(0, 3))
        .as("rate 2 per decision: 1 -> 2 -> 3")
        .containsExactly(2, 3, 3);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_PANIC, Reason.REASON_PANIC);
    assertThat(sim.nodes).isEqualTo(3);
    ScalingEvent first = sim.events.getFirst();
    assertThat(first.getMessage())
        .isEqualTo("panic: panic-window demand 2.0 nodes over 6 s on 1 node ready");
    assertThat(first.getInputs().getPanic()).isTrue();
    assertThat(first.getInputs().getReadyNodes()).isEqualTo(1);
    assertThat(first.getInputs().getTotalElu()).isEqualTo(1.0);
  }

  @Test
  void aStepBelowThePanicThresholdScalesUpWhenTheStableWindowCrossesTheNextNode() {
    PoolSim sim = new PoolSim(policy(1, 10), 2).run(60, s -> 0.8); // 1.6 nodes
    sim.run(120, s -> 1.2); // 2.4 nodes: not 2x of 2, so no panic
    assertThat(sim.reasons()).containsExactly(Reason.REASON_SCALE_UP);
    assertThat(sim.events.getFirst().getToNodes()).isEqualTo(3);
    // The 60 s mean of 1.6 and 2.4 passes 2.05 nodes with the 34th second of the new load.
    assertThat(sim.eventSeconds()).containsExactly(93L);
    assertThat(sim.events.getFirst().getMessage())
        .isEqualTo("scale up: stable-window demand 2.1 nodes over 60 s");
    assertThat(sim.panics).containsOnly(false);
  }

  // Spike.

  @Test
  void aShortSpikePanicsWithinThePanicWindowAndHoldsUntilAStableWindowIsCalm() {
    PoolSim sim = new PoolSim(policy(1, 10), 2).run(60, s -> 0.8); // 1.6 nodes
    sim.run(5, s -> 3.2); // 4x for 5 s
    assertThat(sim.reasons())
        .as("the spike panics, before the stable window moves")
        .containsExactly(Reason.REASON_PANIC);
    int peak = sim.nodes;
    assertThat(peak).isGreaterThanOrEqualTo(4);
    long panicAt = sim.eventSeconds().getFirst();

    sim.run(200, s -> 0.8);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_PANIC, Reason.REASON_SCALE_DOWN);
    int down = sim.eventSeconds().getLast().intValue();
    assertThat(down)
        .as("no scale-down until a stable window after the panic")
        .isGreaterThanOrEqualTo((int) panicAt + 60);
    assertThat(sim.sizes.subList((int) panicAt, down)).containsOnly(peak);
    assertThat(sim.panics.subList((int) panicAt, down)).containsOnly(true);
    assertThat(sim.panics.get(down)).isFalse();
    assertThat(sim.nodes).isEqualTo(2);
  }

  // Ramp.

  @Test
  void aRampScalesUpStepwiseNeverFasterThanTheRate() {
    PoolSim sim = new PoolSim(policy(1, 20), 1).run(300, s -> Math.min(6, s / 30.0));
    assertThat(sim.events.size()).as("stepwise").isGreaterThanOrEqualTo(5);
    for (ScalingEvent e : sim.events) {
      assertThat(e.getToNodes()).as("%s", e.getMessage()).isGreaterThan(e.getFromNodes());
      int ready = e.getInputs().getReadyNodes();
      assertThat(e.getToNodes()).isLessThanOrEqualTo((int) Math.ceil(ready * 2.0));
    }
    assertThat(sim.sizes).isSorted();
    assertThat(sim.nodes).isEqualTo(12);
  }

  @Test
  void aScaleUpRateOfOneStillAddsOneNodeAtATime() {
    PoolSim sim =
        new PoolSim(
            policy(b -> {
              b.setMaxNodes(10).getAutoscalingBuilder().setMaxScaleUpRate(1.0);
              return b;
            }),
            1);
    sim.run(30, s -> 2.0); // 4 nodes of demand
    assertThat(sim.sizes.subList(0, 3)).containsExactly(2, 3, 4);
  }

  // Flapping.

  @Test
  void demandAlternatingAroundTwoNodesDoesNotFlapThePool() {
    PoolSim sim = new PoolSim(policy(1, 10), 2).run(60, s -> 0.95);
    sim.run(600, s -> s % 2 == 0 ? 0.95 : 1.05); // 1.9 and 2.1 nodes
    assertThat(sim.events).isEmpty();
  }

  @ParameterizedTest(name = "{0} and {1}+0.2 nodes")
  @ValueSource(doubles = {1.95, 2.0, 2.04})
  void demandHoveringAtTheRoundingBoundaryAddsANodeAtMostOnce(double low) {
    PoolSim sim = new PoolSim(policy(1, 10), 2);
    sim.run(900, s -> (s % 2 == 0 ? low : low + 0.2) / 2);
    assertThat(sim.events.size()).as("%s", sim.eventSeconds()).isLessThanOrEqualTo(1);
    assertThat(sim.events).allSatisfy(e -> assertThat(e.getToNodes()).isEqualTo(3));
  }

  @ParameterizedTest(name = "period {0} s")
  @ValueSource(ints = {10, 30, 45, 70, 90, 130})
  void aSquareWaveAcrossABoundaryAddsANodeAtMostOnce(int period) {
    PoolSim sim = new PoolSim(policy(1, 10), 2);
    sim.run(900, s -> (s / (period / 2)) % 2 == 0 ? 0.95 : 1.1); // 1.9 and 2.2 nodes
    assertThat(sim.events.size()).as("%s", sim.eventSeconds()).isLessThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "around {0} nodes")
  @ValueSource(doubles = {2.05, 3.0, 4.05, 6.5})
  void noisyDemandNeverReversesADecisionWithinAStableWindow(double mean) {
    Random random = new Random(7);
    double[] demand = new double[900];
    for (int i = 0; i < demand.length; i++) {
      demand[i] = Math.max(0, mean + 0.8 * random.nextGaussian());
    }
    PoolSim sim = new PoolSim(policy(1, 20), (int) Math.ceil(mean));
    sim.run(900, s -> demand[s] / 2);
    List<Long> at = sim.eventSeconds();
    for (int i = 1; i < sim.events.size(); i++) {
      boolean up = sim.events.get(i).getToNodes() > sim.events.get(i).getFromNodes();
      boolean wasUp = sim.events.get(i - 1).getToNodes() > sim.events.get(i - 1).getFromNodes();
      if (up != wasUp) {
        assertThat(at.get(i) - at.get(i - 1)).as("reversal at %s", at).isGreaterThanOrEqualTo(60);
      }
    }
    assertThat(sim.events.size()).as("%s", at).isLessThanOrEqualTo(3);
  }

  // Lag.

  @Test
  void lagOverTheLimitOnABusyLoopPanicsEvenWhenDemandIsLow() {
    PoolSim sim = new PoolSim(policy(1, 10), 1);
    sim.lagP99 = 0.18;
    sim.run(1, s -> 0.3); // ELU 0.3: 0.6 nodes of demand
    assertThat(sim.reasons()).containsExactly(Reason.REASON_PANIC);
    assertThat(sim.events.getFirst().getMessage())
        .isEqualTo("panic: lag p99 180 ms over the 50 ms limit");
    assertThat(sim.events.getFirst().getInputs().getMaxLagP99Seconds()).isEqualTo(0.18);
    assertThat(sim.nodes).isEqualTo(2);

    sim.lagP99 = 0;
    sim.run(120, s -> 0.3);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_PANIC, Reason.REASON_SCALE_DOWN);
    assertThat(sim.eventSeconds().getLast()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void lagOnAnIdleLoopIsNotTheLoadsFault() {
    PoolSim sim = new PoolSim(policy(1, 10), 1);
    sim.lagP99 = 0.2;
    sim.run(60, s -> 0.05);
    assertThat(sim.events).isEmpty();
    assertThat(sim.panics).containsOnly(false);
  }

  @Test
  void aLagPanicCountsANodeThatIsStillStarting() {
    Autoscaler a = new Autoscaler("p", policy(1, 10));
    NodeSignal lagging = new NodeSignal("n0", 0.6, 0, 4, 0.2, 1, 1);
    Decision d = a.tick(new Tick(T0, 2, List.of(lagging), 0));
    assertThat(d.panic()).isTrue();
    assertThat(d.desiredNodes())
        .as("one node beyond the ready one is already starting")
        .isEqualTo(2);
    assertThat(d.event()).isEmpty();
  }

  // Bounds.

  @Test
  void maxNodesCapsTheDemandAndMinNodesHoldsWithoutLoad() {
    PoolSim sim = new PoolSim(policy(2, 3), 2).run(120, s -> 5.0);
    assertThat(sim.sizes).allSatisfy(n -> assertThat(n).isBetween(2, 3));
    assertThat(sim.nodes).isEqualTo(3);
    sim.run(300, s -> 0.0);
    assertThat(sim.nodes).isEqualTo(2);
    assertThat(sim.sizes).allSatisfy(n -> assertThat(n).isBetween(2, 3));
  }

  // Scale down.

  @Test
  void afterTheLoadStopsThePoolScalesDownOnlyAsTheStableWindowEmpties() {
    PoolSim sim = new PoolSim(policy(1, 10), 4).run(120, s -> 2.0); // 4 nodes
    assertThat(sim.events).isEmpty();
    int stop = sim.second;
    sim.run(20, s -> 0.0);
    assertThat(sim.nodes).as("20 s into a 60 s window").isGreaterThan(1);
    sim.run(60, s -> 0.0);
    assertThat(sim.nodes).isEqualTo(1);
    assertThat(sim.sizesFrom(stop)).isSortedAccordingTo((a, b) -> b - a);
    assertThat(sim.reasons()).containsOnly(Reason.REASON_SCALE_DOWN);
    assertThat(sim.events.getLast().getMessage()).startsWith("scale down: stable-window demand");
  }

  @Test
  void aScaleDownDelayHoldsNodesThroughAShortLull() {
    AutoscalerPolicy p =
        policy(b -> {
          b.setMaxNodes(10)
              .getAutoscalingBuilder()
              .setStableWindow(Durations.fromSeconds(10))
              .setPanicWindow(Durations.fromSeconds(2))
              .setScaleDownDelay(Durations.fromSeconds(30));
          return b;
        });
    PoolSim sim = new PoolSim(p, 3).run(30, s -> 1.4);
    assertThat(sim.nodes).isEqualTo(3);
    sim.run(25, s -> 0.2);
    assertThat(sim.nodes).as("the lower demand has not held for 30 s yet").isEqualTo(3);
    sim.run(30, s -> 0.2);
    assertThat(sim.nodes).isEqualTo(1);
    assertThat(sim.events.getLast().getMessage()).endsWith("for the 30 s scale-down delay");
  }

  @Test
  void aFreshAutoscalerDoesNotScaleDownBeforeItsStableWindowHasFilled() {
    PoolSim sim = new PoolSim(policy(1, 10), 4).run(60, s -> 0.2);
    assertThat(sim.events).as("60 s of samples").isEmpty();
    sim.run(1, s -> 0.2);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_SCALE_DOWN);
    assertThat(sim.nodes).isEqualTo(1);
  }

  // Scale to and from zero.

  static AutoscalerPolicy scaleToZero() {
    return policy(b -> {
      b.setMinNodes(0)
          .setMaxNodes(3)
          .getAutoscalingBuilder()
          .setScaleToZeroGrace(Durations.fromSeconds(30));
      return b;
    });
  }

  @Test
  void anIdlePoolWithMinZeroScalesToZeroAfterTheGraceAndBackOnAHeldInvocation() {
    PoolSim sim = new PoolSim(scaleToZero(), 1).run(10, s -> 0.2);
    sim.run(29, s -> 0.0);
    assertThat(sim.nodes).as("still within the grace").isEqualTo(1);
    sim.run(1, s -> 0.0);
    assertThat(sim.nodes).isZero();
    assertThat(sim.reasons()).containsExactly(Reason.REASON_SCALE_TO_ZERO);
    assertThat(sim.events.getLast().getMessage())
        .isEqualTo("scale to zero: no invocations for 30 s (grace 30 s)");

    sim.run(100, s -> 0.0);
    assertThat(sim.nodes).as("stays at zero while nothing arrives").isZero();
    sim.held = 3;
    sim.run(1, s -> 0.0);
    assertThat(sim.nodes).isEqualTo(1);
    assertThat(sim.reasons()).endsWith(Reason.REASON_SCALE_FROM_ZERO);
    assertThat(sim.events.getLast().getMessage())
        .isEqualTo("scale from zero: 3 invocations waiting");
    assertThat(sim.events.getLast().getInputs().getHeldInvocations()).isEqualTo(3);

    sim.run(10, s -> 0.0); // the node is starting: not ready, invocations still held
    assertThat(sim.events.size()).isEqualTo(2);
  }

  @Test
  void anyInvocationRestartsTheGraceAndInFlightWorkKeepsTheLastNode() {
    Autoscaler a = new Autoscaler("p", scaleToZero());
    int nodes = 1;
    for (int s = 0; s < 120; s++) {
      // An invocation every 20 s (no measurable ELU), one long one in flight from 60 s to 100 s.
      NodeSignal n = new NodeSignal("n0", 0, 0, 4, 0, s >= 60 && s < 100 ? 1 : 0, s / 20);
      nodes = a.tick(new Tick(T0.plusSeconds(s), nodes, List.of(n), 0)).desiredNodes();
    }
    assertThat(nodes).isEqualTo(1);
    int stoppedAt = -1;
    for (int s = 120; s < 200 && nodes > 0; s++) {
      NodeSignal n = new NodeSignal("n0", 0, 0, 4, 0, 0, 5);
      nodes = a.tick(new Tick(T0.plusSeconds(s), nodes, List.of(n), 0)).desiredNodes();
      stoppedAt = s;
    }
    assertThat(nodes).isZero();
    assertThat(stoppedAt).as("30 s after the last change of the counter, at 100 s").isEqualTo(130);
  }

  @Test
  void aPoolAtZeroStartsOnlyWhenAnInvocationIsHeld() {
    Autoscaler a = new Autoscaler("p", scaleToZero());
    assertThat(a.tick(new Tick(T0, 0, List.of(), 0)).desiredNodes()).isZero();
    Decision d = a.tick(new Tick(T0.plusSeconds(1), 0, List.of(), 1));
    assertThat(d.desiredNodes()).isEqualTo(1);
    assertThat(d.event().orElseThrow().getReason()).isEqualTo(Reason.REASON_SCALE_FROM_ZERO);
  }

  // Manual mode.

  @Test
  void manualModeRunsExactlyTheRequestedNodesAndOnlyReportsTheDemand() {
    AutoscalerPolicy p =
        policy(b -> {
          b.setMinNodes(0)
              .setMaxNodes(5)
              .setNodes(4)
              .getAutoscalingBuilder()
              .setMode(AutoscalingPolicy.Mode.MODE_MANUAL);
          return b;
        });
    PoolSim sim = new PoolSim(p, 1);
    sim.lagP99 = 0.3;
    sim.run(60, s -> 4.0);
    assertThat(sim.sizes).containsOnly(4);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_MANUAL);
    assertThat(sim.events.getFirst().getMessage()).isEqualTo("manual: the pool is set to 4 nodes");
    assertThat(sim.last.stableDesired()).as("reported").isGreaterThan(7.0);
    assertThat(sim.panics).as("a manual pool does not panic").containsOnly(false);
  }

  // Policy changes.

  @Test
  void aLowerMaxNodesAppliesAtTheNextTick() {
    PoolSim sim = new PoolSim(policy(1, 10), 5).run(10, s -> 2.0);
    sim.autoscaler.setPolicy(policy(1, 3));
    sim.run(1, s -> 2.0);
    assertThat(sim.nodes).isEqualTo(3);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_MANUAL);
    assertThat(sim.events.getLast().getMessage()).isEqualTo("bounds: 5 nodes is above max_nodes 3");
  }

  @Test
  void aHigherMinNodesAppliesAtTheNextTickAndHolds() {
    PoolSim sim = new PoolSim(policy(1, 10), 1).run(10, s -> 0.1);
    sim.autoscaler.setPolicy(policy(3, 10));
    sim.run(200, s -> 0.1);
    assertThat(sim.sizesFrom(10)).containsOnly(3);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_MANUAL);
    assertThat(sim.events.getLast().getMessage()).isEqualTo("bounds: 1 node is below min_nodes 3");
  }

  @Test
  void switchingFromManualToAutoHandsTheSizeBackToTheDemand() {
    AutoscalerPolicy manual =
        policy(b -> {
          b.setMaxNodes(10)
              .setNodes(6)
              .getAutoscalingBuilder()
              .setMode(AutoscalingPolicy.Mode.MODE_MANUAL);
          return b;
        });
    PoolSim sim = new PoolSim(manual, 6).run(90, s -> 0.8); // 1.6 nodes of demand
    assertThat(sim.events).isEmpty();
    sim.autoscaler.setPolicy(policy(1, 10));
    sim.run(1, s -> 0.8);
    assertThat(sim.reasons()).containsExactly(Reason.REASON_SCALE_DOWN);
    assertThat(sim.nodes).isEqualTo(2);
  }

  // Event contents.

  @Test
  void anEventCarriesTheInputsItWasDecidedFrom() {
    Autoscaler a = new Autoscaler("web", policy(1, 10));
    List<NodeSignal> ready =
        List.of(
            new NodeSignal("a", 0.7, 1.0, 4, 0.012, 2, 100),
            new NodeSignal("b", 0.8, 3.0, 4, 0.030, 1, 50));
    Decision d = a.tick(new Tick(T0, 2, ready, 0));
    ScalingEvent e = d.event().orElseThrow();
    assertThat(e.getPool()).isEqualTo("web");
    assertThat(e.getReason()).isEqualTo(Reason.REASON_SCALE_UP);
    ScalingInputs in = e.getInputs();
    assertThat(in.getReadyNodes()).isEqualTo(2);
    assertThat(in.getTotalElu()).isCloseTo(1.5, within(1e-9));
    assertThat(in.getBusyThreads()).isCloseTo(4.0, within(1e-9));
    assertThat(in.getMaxLagP99Seconds()).isEqualTo(0.030);
    assertThat(in.getStableDesired()).isCloseTo(3.0, within(1e-9)).isEqualTo(d.stableDesired());
    assertThat(in.getPanicDesired()).isCloseTo(3.0, within(1e-9)).isEqualTo(d.panicDesired());
    assertThat(in.getPanic()).isFalse();
    assertThat(in.getHeldInvocations()).isZero();
    assertThat(e.getToNodes()).isEqualTo(d.desiredNodes()).isEqualTo(3);
  }
}
