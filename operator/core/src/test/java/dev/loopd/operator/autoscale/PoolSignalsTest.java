package dev.loopd.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopd.proto.node.v1.BlockingPoolStats;
import dev.loopd.proto.node.v1.InvocationCount;
import dev.loopd.proto.node.v1.LoopLagStats;
import dev.loopd.proto.node.v1.NodeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolSignalsTest {

  static final AutoscalerPolicy POLICY = PoolSim.policy(1, 10); // target ELU 0.5, pool 0.7

  @Test
  void demandIsTheLargerOfLoopAndBlockingPoolDemandEachNodeByItsOwnPoolSize() {
    PoolSignals s =
        PoolSignals.of(
            List.of(
                new NodeSignal("a", 0.2, 2.8, 4, 0, 0, 0), // 2.8 / (4 x 0.7) = 1.0
                new NodeSignal("b", 0.1, 2.8, 8, 0, 0, 0)), // 2.8 / (8 x 0.7) = 0.5
            POLICY);
    assertThat(s.elu()).isCloseTo(0.3, within(1e-9));
    assertThat(s.busyThreads()).isCloseTo(5.6, within(1e-9));
    assertThat(s.demand())
        .as("1.5 from the pools beats 0.6 from the loops")
        .isCloseTo(1.5, within(1e-9));

    PoolSignals loops = PoolSignals.of(List.of(new NodeSignal("a", 0.9, 0, 4, 0, 0, 0)), POLICY);
    assertThat(loops.demand()).isCloseTo(1.8, within(1e-9));
  }

  @Test
  void lagOfAnIdleLoopIsReportedButDoesNotCountTowardPanic() {
    PoolSignals s =
        PoolSignals.of(
            List.of(
                new NodeSignal("idle", 0.05, 0, 4, 0.3, 0, 0),
                new NodeSignal("busy", 0.6, 0, 4, 0.08, 1, 0)),
            POLICY);
    assertThat(s.maxLagP99Seconds()).isEqualTo(0.3);
    assertThat(s.busyLagP99Seconds()).isEqualTo(0.08);
  }

  @Test
  void aNodesStatsBecomeItsSignal() {
    NodeStats stats =
        NodeStats.newBuilder()
            .setNodeId("n1")
            .setElu(0.4)
            .setBlockingPool(BlockingPoolStats.newBuilder().setSize(8).setUtilization(0.25))
            .setLoopLag(LoopLagStats.newBuilder().setP99Seconds(0.02))
            .setInFlight(3)
            .addInvocations(InvocationCount.newBuilder().setCountTotal(5))
            .addInvocations(InvocationCount.newBuilder().setCountTotal(7))
            .build();
    assertThat(NodeSignal.from(stats)).isEqualTo(new NodeSignal("n1", 0.4, 2.0, 8, 0.02, 3, 12));
  }
}
