package dev.loopd.operator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AutoscalerPolicyTest {

  @Test
  void anEmptySpecFilledWithDefaultsGivesTheDocumentedPolicy() {
    AutoscalerPolicy p =
        AutoscalerPolicy.from(PoolDefaults.withDefaults(PoolSpec.getDefaultInstance()));
    assertThat(p)
        .isEqualTo(
            new AutoscalerPolicy(
                1,
                5,
                AutoscalingPolicy.Mode.MODE_AUTO,
                0,
                0.6,
                0.7,
                Duration.ofSeconds(60),
                Duration.ofSeconds(6),
                2.0,
                2.0,
                Duration.ZERO,
                Duration.ofSeconds(60),
                Duration.ofMillis(50)));
  }

  @Test
  void manualNodesComeFromTheSpecsNodes() {
    AutoscalerPolicy p =
        AutoscalerPolicy.from(
            PoolDefaults.withDefaults(
                PoolSpec.newBuilder()
                    .setNodes(3)
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder().setMode(AutoscalingPolicy.Mode.MODE_MANUAL))
                    .build()));
    assertThat(p.mode()).isEqualTo(AutoscalingPolicy.Mode.MODE_MANUAL);
    assertThat(p.manualNodes()).isEqualTo(3);
  }

  @Test
  void aSpecNotFilledWithDefaultsIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> AutoscalerPolicy.from(PoolSpec.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target_elu 0.0 must be in (0, 1]")
        .hasMessageContaining("PoolDefaults.withDefaults");
  }
}
