package dev.loopd.k8s.convert;

import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolStatus;
import dev.loopd.k8s.crd.v1alpha1.ScalingEventStatus;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.ScalingEvent;
import java.util.List;
import java.util.Locale;

/**
 * What the operator core observes ({@link PoolStatus}, {@link ScalingEvent}, {@code Condition}) as
 * custom resource status. One way only: status is written by the operator, never read back into the
 * store.
 */
public final class StatusConversions {

  private StatusConversions() {}

  /**
   * {@code status} as a LoopPool status. {@code replicas} is {@code status.nodes}; {@code
   * maxLagP99Seconds} and {@code meanElu} (from {@code PoolHealth}) become {@code lagP99} and
   * {@code elu}; {@code selector} is the pods' label selector.
   */
  public static LoopPoolStatus poolStatus(
      PoolStatus status, double maxLagP99Seconds, double meanElu, String selector) {
    LoopPoolStatus s = new LoopPoolStatus();
    s.setReplicas(status.getNodes());
    s.setReadyNodes(status.getReadyNodes());
    s.setDesiredNodes(status.getDesiredNodes());
    s.setPanic(status.getPanic());
    s.setLagP99(formatLag(maxLagP99Seconds));
    s.setElu(formatElu(meanElu));
    s.setSelector(selector);
    s.setObservedGeneration(status.getObservedGeneration());
    s.setConditions(status.getConditionsList().stream().map(StatusConversions::condition).toList());
    s.setRecentEvents(
        status.getRecentEventsList().stream().map(StatusConversions::scalingEvent).toList());
    return s;
  }

  public static Condition condition(dev.loopd.proto.control.v1.Condition c) {
    Condition out = new Condition();
    out.setType(c.getType());
    out.setStatus(c.getStatus());
    out.setReason(c.getReason().isEmpty() ? null : c.getReason());
    out.setMessage(c.getMessage().isEmpty() ? null : c.getMessage());
    out.setObservedGeneration(c.getObservedGeneration());
    out.setLastTransitionTime(
        c.hasLastTransitionTime() ? Times.format(c.getLastTransitionTime()) : null);
    return out;
  }

  public static List<Condition> conditions(List<dev.loopd.proto.control.v1.Condition> cs) {
    return cs.stream().map(StatusConversions::condition).toList();
  }

  public static ScalingEventStatus scalingEvent(ScalingEvent e) {
    ScalingEventStatus s = new ScalingEventStatus();
    s.setTime(e.hasTime() ? Times.format(e.getTime()) : null);
    s.setFrom(e.getFromNodes());
    s.setTo(e.getToNodes());
    s.setReason(reason(e.getReason()));
    s.setMessage(e.getMessage().isEmpty() ? null : e.getMessage());
    return s;
  }

  /** {@code REASON_SCALE_TO_ZERO} → {@code ScaleToZero}; unspecified → null. */
  public static String reason(ScalingEvent.Reason r) {
    if (r == ScalingEvent.Reason.REASON_UNSPECIFIED || r == ScalingEvent.Reason.UNRECOGNIZED) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String word : r.name().substring("REASON_".length()).split("_")) {
      out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /**
   * Seconds as milliseconds, e.g. {@code 0.0123} → {@code 12ms}, {@code 0.0004} → {@code 0.4ms}.
   */
  public static String formatLag(double seconds) {
    double ms = seconds * 1000;
    if (ms >= 10 || ms == 0) {
      return Math.round(ms) + "ms";
    }
    return String.format(Locale.ROOT, "%.1fms", ms);
  }

  /** ELU with two decimals, e.g. {@code 0.42}. */
  public static String formatElu(double elu) {
    return String.format(Locale.ROOT, "%.2f", elu);
  }
}
