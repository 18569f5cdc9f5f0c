package dev.loopd.k8s.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolStatus;
import dev.loopd.proto.control.v1.Condition;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.ScalingEvent;
import org.junit.jupiter.api.Test;

class StatusConversionsTest {

  @Test
  void poolStatusCarriesNodesConditionsAndEvents() throws Exception {
    PoolStatus s =
        PoolStatus.newBuilder()
            .setDesiredNodes(3)
            .setReadyNodes(2)
            .setNodes(3)
            .setPanic(true)
            .setObservedGeneration(7)
            .addConditions(
                Condition.newBuilder()
                    .setType("Ready")
                    .setStatus("False")
                    .setReason("NodesStarting")
                    .setMessage("2 of 3 nodes ready")
                    .setObservedGeneration(7)
                    .setLastTransitionTime(Timestamps.parse("2025-03-01T10:00:00Z")))
            .addRecentEvents(
                ScalingEvent.newBuilder()
                    .setTime(Timestamps.parse("2025-03-01T10:00:01Z"))
                    .setFromNodes(1)
                    .setToNodes(3)
                    .setReason(ScalingEvent.Reason.REASON_SCALE_FROM_ZERO)
                    .setMessage("held 4 invocations"))
            .build();
    LoopPoolStatus out = StatusConversions.poolStatus(s, 0.0123, 0.4249, "app=x");
    assertThat(out.getReplicas()).isEqualTo(3);
    assertThat(out.getReadyNodes()).isEqualTo(2);
    assertThat(out.getDesiredNodes()).isEqualTo(3);
    assertThat(out.getLagP99()).isEqualTo("12ms");
    assertThat(out.getElu()).isEqualTo("0.42");
    assertThat(out.getSelector()).isEqualTo("app=x");
    assertThat(out.getConditions().getFirst().getLastTransitionTime())
        .isEqualTo("2025-03-01T10:00:00Z");
    assertThat(out.getRecentEvents().getFirst().getReason()).isEqualTo("ScaleFromZero");
    assertThat(out.getRecentEvents().getFirst().getTo()).isEqualTo(3);
  }

  @Test
  void lagIsWrittenInMilliseconds() {
    assertThat(StatusConversions.formatLag(0)).isEqualTo("0ms");
    assertThat(StatusConversions.formatLag(0.0004)).isEqualTo("0.4ms");
    assertThat(StatusConversions.formatLag(0.18)).isEqualTo("180ms");
    assertThat(StatusConversions.reason(ScalingEvent.Reason.REASON_NODE_REPLACED))
        .isEqualTo("NodeReplaced");
  }
}
