package dev.loopd.k8s.operator.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolStatus;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolStatusAggregatorTest {

  static final Clock T0 = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
  static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);

  @Test
  void conditionsComeFromTheCoreStampedWithTheGeneration() {
    LoopPoolStatus s = aggregate(pool(3, null), core(2, 1, "False"), T0).build();

    assertThat(s.getObservedGeneration()).isEqualTo(3);
    assertThat(s.getDesiredNodes()).isEqualTo(2);
    assertThat(s.getReadyNodes()).isEqualTo(1);
    assertThat(s.getLagP99()).isEqualTo("12ms");
    assertThat(s.getElu()).isEqualTo("0.42");
    assertThat(s.getSelector()).isEqualTo("app.kubernetes.io/name=loop-node,loopd.dev/pool=web");
    assertThat(s.getConditions())
        .extracting(Condition::getType)
        .containsExactly("Ready", "Scaling", "Degraded");
    assertThat(s.getConditions())
        .allSatisfy(c -> {
          assertThat(c.getObservedGeneration()).isEqualTo(3);
          assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        });
  }

  @Test
  void aConditionThatKeepsItsStatusKeepsItsTransitionTime() {
    LoopPoolStatus first = aggregate(pool(1, null), core(2, 1, "False"), T0).build();

    LoopPoolStatus second = aggregate(pool(2, first), core(2, 2, "True"), T1).build();

    assertThat(condition(second, "Ready").getLastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z"); // True both times
    assertThat(condition(second, "Degraded").getStatus()).isEqualTo("True");
    assertThat(condition(second, "Degraded").getLastTransitionTime())
        .isEqualTo("2026-01-01T11:00:00Z"); // False -> True
    assertThat(condition(second, "Ready").getObservedGeneration()).isEqualTo(2);
  }

  @Test
  void anUnchangedStatusIsNotWrittenAgain() {
    LoopPoolStatus first = aggregate(pool(1, null), core(2, 1, "False"), T0).build();
    PoolStatusAggregator again = aggregate(pool(1, first), core(2, 1, "False"), T1);

    assertThat(again.changed(again.build())).isFalse();
  }

  @Test
  void aKubernetesProblemMakesThePoolDegraded() {
    LoopPoolStatus s =
        aggregate(pool(1, null), core(2, 0, "False"), T0)
            .degraded("NodeFailed", "pod web-1: ImagePullBackOff")
            .build();

    Condition degraded = condition(s, "Degraded");
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("NodeFailed");
    assertThat(degraded.getMessage()).isEqualTo("pod web-1: ImagePullBackOff");
  }

  @Test
  void beforeTheCoreSeesThePoolItsConditionsAreUnknown() {
    LoopPoolStatus s =
        new PoolStatusAggregator(pool(1, null), T0)
            .core(Optional.empty(), Optional.empty())
            .build();

    assertThat(condition(s, "Ready").getStatus()).isEqualTo("Unknown");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("Pending");
    assertThat(condition(s, "Degraded").getStatus()).isEqualTo("False");
    assertThat(s.getDesiredNodes()).isEqualTo(4); // spec.replicas
  }

  @Test
  void repeatsOfADecisionShowOnce() {
    var up = event("ScaleUp", 1, 2, "10:00:01");
    var again = event("ScaleUp", 1, 2, "10:00:02");
    var down = event("ScaleDown", 2, 1, "10:05:00");
    var upLater = event("ScaleUp", 1, 2, "10:09:00");

    assertThat(PoolStatusAggregator.withoutRepeats(java.util.List.of(up, again, down, upLater)))
        .containsExactly(up, down, upLater);
  }

  static dev.loopd.k8s.crd.v1alpha1.ScalingEventStatus event(
      String reason, int from, int to, String time) {
    var e = new dev.loopd.k8s.crd.v1alpha1.ScalingEventStatus();
    e.setReason(reason);
    e.setFrom(from);
    e.setTo(to);
    e.setTime("2026-01-01T" + time + "Z");
    return e;
  }

  static PoolStatusAggregator aggregate(LoopPool pool, PoolStatus core, Clock clock) {
    PoolHealth health = PoolHealth.newBuilder().setMaxLagP99Seconds(0.012).setMeanElu(0.42).build();
    return new PoolStatusAggregator(pool, clock).core(Optional.of(core), Optional.of(health));
  }

  static LoopPool pool(long generation, LoopPoolStatus status) {
    LoopPool p = new LoopPool();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName("web")
            .withNamespace("loopd-acme")
            .withGeneration(generation)
            .build());
    LoopPoolSpec spec = new LoopPoolSpec();
    spec.setReplicas(4);
    p.setSpec(spec);
    p.setStatus(status);
    return p;
  }

  /** The core's status: {@code ready} of {@code desired} nodes; Degraded as given. */
  static PoolStatus core(int desired, int ready, String degraded) {
    var at = Timestamps.fromSeconds(1);
    return PoolStatus.newBuilder()
        .setDesiredNodes(desired)
        .setReadyNodes(ready)
        .setNodes(desired)
        .setObservedGeneration(1)
        .addConditions(cond("Ready", ready > 0 ? "True" : "False", at))
        .addConditions(cond("Scaling", ready == desired ? "False" : "True", at))
        .addConditions(cond("Degraded", degraded, at))
        .build();
  }

  static dev.loopd.proto.control.v1.Condition cond(
      String type, String status, com.google.protobuf.Timestamp at) {
    return dev.loopd.proto.control.v1.Condition.newBuilder()
        .setType(type)
        .setStatus(status)
        .setReason(type + status)
        .setLastTransitionTime(at)
        .build();
  }

  static Condition condition(LoopPoolStatus s, String type) {
    return s.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().get();
  }
}
