package dev.loopd.k8s.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Durations;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingMode;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingSpec;
import dev.loopd.k8s.crd.v1alpha1.BlockingPoolTuning;
import dev.loopd.k8s.crd.v1alpha1.LimitsSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import dev.loopd.proto.node.v1.Limits;
import org.junit.jupiter.api.Test;

class SpecConversionsTest {

  /** Every field of PoolSpec and of its sections set. */
  static PoolSpec fullSpec(AutoscalingPolicy.Mode mode) {
    return PoolSpec.newBuilder()
        .setMinNodes(0)
        .setMaxNodes(8)
        .setNodes(mode == AutoscalingPolicy.Mode.MODE_MANUAL ? 3 : 0)
        .setAutoscaling(
            AutoscalingPolicy.newBuilder()
                .setMode(mode)
                .setTargetElu(0.55)
                .setTargetPoolUtilization(0.75)
                .setStableWindow(Durations.fromSeconds(30))
                .setPanicWindow(Durations.fromMillis(3500))
                .setPanicThreshold(2.5)
                .setMaxScaleUpRate(3)
                .setScaleDownDelay(Durations.fromSeconds(0))
                .setScaleToZeroGrace(Durations.fromSeconds(120)))
        .setBlockingPool(
            BlockingPoolSettings.newBuilder()
                .setSize(4)
                .setMinSize(2)
                .setMaxSize(16)
                .setTuning(BlockingPoolSettings.Tuning.TUNING_ADAPTIVE)
                .setQueueCapacity(1000))
        .setLagLimit(Durations.fromMillis(50))
        .setDefaultLimits(
            Limits.newBuilder()
                .setCpuBudgetMs(1000)
                .setDeadlineMs(30_000)
                .setMaxRequestBytes(1 << 20)
                .setMaxResponseBytes(2 << 20))
        .setLagMonitorResolution(Durations.fromMillis(1))
        .build();
  }

  @Test
  void manualPoolSpecRoundTripsWithNodesAsReplicas() {
    PoolSpec spec = fullSpec(AutoscalingPolicy.Mode.MODE_MANUAL);
    LoopPoolSpec cr = SpecConversions.fromProto(spec, 7);
    assertThat(cr.getReplicas()).isEqualTo(3);
    assertThat(cr.getMinNodes()).isZero();
    assertThat(cr.getAutoscaling().getMode()).isEqualTo(AutoscalingMode.MANUAL);
    assertThat(cr.getAutoscaling().getStableWindow()).isEqualTo("30s");
    assertThat(cr.getAutoscaling().getPanicWindow()).isEqualTo("3500ms");
    assertThat(cr.getAutoscaling().getScaleDownDelay()).isEqualTo("0s");
    assertThat(cr.getAutoscaling().getScaleToZeroGrace()).isEqualTo("2m");
    assertThat(cr.getBlockingPool().getTuning()).isEqualTo(BlockingPoolTuning.ADAPTIVE);
    assertThat(cr.getLagLimit()).isEqualTo("50ms");
    assertThat(cr.getLagMonitorResolution()).isEqualTo("1ms");
    assertThat(cr.getDefaultLimits().getCpuBudget()).isEqualTo("1s");
    assertThat(cr.getDefaultLimits().getDeadline()).isEqualTo("30s");
    assertThat(SpecConversions.toProto(cr)).isEqualTo(spec);
  }

  @Test
  void underAutoReplicasAreTheAutoscalersAndNotPartOfTheStoredSpec() {
    PoolSpec spec = fullSpec(AutoscalingPolicy.Mode.MODE_AUTO);
    LoopPoolSpec cr = SpecConversions.fromProto(spec, 4);
    assertThat(cr.getReplicas()).isEqualTo(4);
    assertThat(SpecConversions.toProto(cr)).isEqualTo(spec);
    assertThat(SpecConversions.fromProto(spec, null).getReplicas()).isZero();
  }

  @Test
  void emptySpecStaysEmptyBothWays() {
    assertThat(SpecConversions.toProto(new LoopPoolSpec()))
        .isEqualTo(PoolSpec.getDefaultInstance());
    assertThat(SpecConversions.toProto((LoopPoolSpec) null))
        .isEqualTo(PoolSpec.getDefaultInstance());
    LoopPoolSpec cr = SpecConversions.fromProto(PoolSpec.getDefaultInstance(), null);
    LoopPoolSpec empty = new LoopPoolSpec();
    empty.setReplicas(0);
    assertThat(cr).isEqualTo(empty);
  }

  @Test
  void unsetMinNodesDiffersFromZero() {
    assertThat(SpecConversions.toProto(new LoopPoolSpec()).hasMinNodes()).isFalse();
    LoopPoolSpec zero = new LoopPoolSpec();
    zero.setMinNodes(0);
    assertThat(SpecConversions.toProto(zero).hasMinNodes()).isTrue();
  }

  @Test
  void setButEmptySectionsKeepTheirPresence() {
    PoolSpec spec =
        PoolSpec.newBuilder()
            .setAutoscaling(AutoscalingPolicy.getDefaultInstance())
            .setDefaultLimits(Limits.getDefaultInstance())
            .build();
    LoopPoolSpec cr = SpecConversions.fromProto(spec, null);
    assertThat(cr.getAutoscaling()).isEqualTo(new AutoscalingSpec());
    assertThat(cr.getDefaultLimits()).isEqualTo(new LimitsSpec());
    assertThat(SpecConversions.toProto(cr)).isEqualTo(spec);
  }

  @Test
  void badDurationNamesItsField() {
    LoopPoolSpec cr = new LoopPoolSpec();
    cr.setAutoscaling(new AutoscalingSpec());
    cr.getAutoscaling().setStableWindow("a minute");
    assertThatThrownBy(() -> SpecConversions.toProto(cr))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageStartingWith("spec.autoscaling.stableWindow: \"a minute\" is not a duration");
    LoopPoolSpec limits = new LoopPoolSpec();
    limits.setDefaultLimits(new LimitsSpec());
    limits.getDefaultLimits().setDeadline("5");
    assertThatThrownBy(() -> SpecConversions.toProto(limits))
        .hasMessageStartingWith("spec.defaultLimits.deadline: \"5\" is not a duration");
  }

  @Test
  void limitsAndQuotasRoundTrip() {
    Limits l =
        Limits.newBuilder()
            .setCpuBudgetMs(50)
            .setDeadlineMs(1500)
            .setMaxRequestBytes(10)
            .setMaxResponseBytes(20)
            .build();
    assertThat(SpecConversions.toProto("spec.limits", SpecConversions.fromProto(l))).isEqualTo(l);
    assertThat(SpecConversions.fromProtoOrNull(Limits.getDefaultInstance())).isNull();
    assertThat(SpecConversions.toProto("spec.limits", null)).isEqualTo(Limits.getDefaultInstance());
    Quotas q = Quotas.newBuilder().setMaxHandlers(3).setMaxPools(2).setMaxNodes(9).build();
    assertThat(SpecConversions.toProto(SpecConversions.fromProto(q))).isEqualTo(q);
    assertThat(SpecConversions.toProto(SpecConversions.fromProto(Quotas.getDefaultInstance())))
        .isEqualTo(Quotas.getDefaultInstance());
  }
}
