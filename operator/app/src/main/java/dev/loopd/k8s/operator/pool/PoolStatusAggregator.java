package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.convert.StatusConversions;
import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolStatus;
import dev.loopd.k8s.crd.v1alpha1.ScalingEventStatus;
import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.model.PoolModels;
import dev.loopd.k8s.operator.status.ConditionTimes;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a LoopPool's status from what the operator core observes (nodes, autoscaling, its Ready,
 * Scaling and Degraded conditions) and what Kubernetes reports about the pool's pods, in the manner
 * of Keycloak's {@code KeycloakStatusAggregator}: a condition keeps its {@code lastTransitionTime}
 * while its status does not change, every condition and the status carry the generation they were
 * computed from, and {@link #changed} says whether there is anything to write.
 */
final class PoolStatusAggregator {

  static final String READY = "Ready";
  static final String SCALING = "Scaling";
  static final String DEGRADED = "Degraded";

  private final LoopPool pool;
  private final Clock clock;
  private final Map<String, Condition> conditions = new LinkedHashMap<>();
  private PoolStatus core;
  private PoolHealth health;
  private String degradedReason;
  private String degradedMessage;

  PoolStatusAggregator(LoopPool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** What the core observes of the pool; absent while the core has not picked the pool up. */
  PoolStatusAggregator core(Optional<PoolStatus> status, Optional<PoolHealth> health) {
    this.core = status.orElse(null);
    this.health = health.orElse(null);
    return this;
  }

  /**
   * A problem Kubernetes reports (pods that cannot start, a tenant that does not exist): the pool
   * is Degraded with this reason whatever the core says. The first one given wins.
   */
  PoolStatusAggregator degraded(String reason, String message) {
    if (degradedReason == null) {
      degradedReason = reason;
      degradedMessage = message;
    }
    return this;
  }

  LoopPoolStatus build() {
    long generation = generation();
    LoopPoolStatus s;
    if (core != null) {
      s =
          StatusConversions.poolStatus(
              core,
              health == null ? 0 : health.getMaxLagP99Seconds(),
              health == null ? 0 : health.getMeanElu(),
              Labels.selectorString(pool.getMetadata().getName()));
      s.getConditions().forEach(c -> conditions.put(c.getType(), copy(c)));
      s.setRecentEvents(withoutRepeats(s.getRecentEvents()));
    } else {
      s = new LoopPoolStatus();
      s.setReplicas(0);
      s.setReadyNodes(0);
      s.setDesiredNodes(pool.getSpec() == null ? 0 : PoolModels.replicas(pool.getSpec()));
      s.setPanic(false);
      s.setSelector(Labels.selectorString(pool.getMetadata().getName()));
      s.setRecentEvents(List.of());
      set(READY, "Unknown", "Pending", "the operator core has not picked up the pool yet");
      set(SCALING, "Unknown", "Pending", "the operator core has not picked up the pool yet");
      set(DEGRADED, "False", "AsExpected", null);
    }
    if (degradedReason != null) {
      set(DEGRADED, "True", degradedReason, degradedMessage);
    }
    List<Condition> out = new ArrayList<>();
    for (Condition c : conditions.values()) {
      c.setObservedGeneration(generation);
      c.setLastTransitionTime(transitionTime(c));
      out.add(c);
    }
    s.setConditions(out);
    s.setObservedGeneration(generation);
    return s;
  }

  /** True when {@code next} differs from the pool's current status. */
  boolean changed(LoopPoolStatus next) {
    return !Objects.equals(pool.getStatus(), next);
  }

  private long generation() {
    Long g = pool.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }

  private void set(String type, String status, String reason, String message) {
    Condition c = new Condition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    conditions.put(type, c);
  }

  private String transitionTime(Condition next) {
    return ConditionTimes.transitionTime(
        pool.getStatus() == null ? null : pool.getStatus().getConditions(), next, clock);
  }

  /**
   * The events without consecutive repeats (same reason and sizes): the core repeats a decision
   * every tick until the pods it asked for say Hello. The first of a run is kept.
   */
  static List<ScalingEventStatus> withoutRepeats(List<ScalingEventStatus> events) {
    List<ScalingEventStatus> out = new ArrayList<>();
    for (ScalingEventStatus e : events) {
      ScalingEventStatus prev = out.isEmpty() ? null : out.getLast();
      if (prev != null
          && Objects.equals(prev.getReason(), e.getReason())
          && Objects.equals(prev.getFrom(), e.getFrom())
          && Objects.equals(prev.getTo(), e.getTo())) {
        continue;
      }
      out.add(e);
    }
    return out;
  }

  private static Condition copy(Condition c) {
    Condition out = new Condition();
    out.setType(c.getType());
    out.setStatus(c.getStatus());
    out.setReason(c.getReason());
    out.setMessage(c.getMessage());
    return out;
  }
}
