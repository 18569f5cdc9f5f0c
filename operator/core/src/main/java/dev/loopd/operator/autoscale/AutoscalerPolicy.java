package dev.loopd.operator.autoscale;

import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import java.time.Duration;

/**
 * A pool's effective autoscaling settings, read from a spec filled by {@code
 * PoolDefaults.withDefaults} (the control API stores specs filled). The meaning of each field is
 * documented on {@code PoolSpec} and {@code AutoscalingPolicy} in {@code loopd/control/v1}.
 *
 * @param manualNodes the nodes a pool in {@code MODE_MANUAL} runs ({@code PoolSpec.nodes})
 * @throws IllegalArgumentException for settings the autoscaler cannot work with, such as the zeros
 *     of a spec that was not filled with its defaults
 */
public record AutoscalerPolicy(
    int minNodes,
    int maxNodes,
    AutoscalingPolicy.Mode mode,
    int manualNodes,
    double targetElu,
    double targetPoolUtilization,
    Duration stableWindow,
    Duration panicWindow,
    double panicThreshold,
    double maxScaleUpRate,
    Duration scaleDownDelay,
    Duration scaleToZeroGrace,
    Duration lagLimit) {

  public AutoscalerPolicy {
    check(minNodes >= 0 && minNodes <= maxNodes, "min_nodes " + minNodes, "0..max_nodes");
    check(targetElu > 0 && targetElu <= 1, "target_elu " + targetElu, "in (0, 1]");
    check(
        targetPoolUtilization > 0 && targetPoolUtilization <= 1,
        "target_pool_utilization " + targetPoolUtilization,
        "in (0, 1]");
    check(positive(panicWindow), "panic_window " + panicWindow, "positive");
    check(
        positive(stableWindow) && stableWindow.compareTo(panicWindow) >= 0,
        "stable_window " + stableWindow,
        "at least panic_window");
    check(panicThreshold >= 1, "panic_threshold " + panicThreshold, ">= 1");
    check(maxScaleUpRate >= 1, "max_scale_up_rate " + maxScaleUpRate, ">= 1");
    check(!scaleDownDelay.isNegative(), "scale_down_delay " + scaleDownDelay, "not negative");
    check(
        !scaleToZeroGrace.isNegative(), "scale_to_zero_grace " + scaleToZeroGrace, "not negative");
    check(positive(lagLimit), "lag_limit " + lagLimit, "positive");
  }

  /** The policy of a spec filled by {@code PoolDefaults.withDefaults}. */
  public static AutoscalerPolicy from(PoolSpec filledSpec) {
    AutoscalingPolicy a = filledSpec.getAutoscaling();
    return new AutoscalerPolicy(
        filledSpec.getMinNodes(),
        filledSpec.getMaxNodes(),
        a.getMode(),
        filledSpec.getNodes(),
        a.getTargetElu(),
        a.getTargetPoolUtilization(),
        duration(a.getStableWindow()),
        duration(a.getPanicWindow()),
        a.getPanicThreshold(),
        a.getMaxScaleUpRate(),
        duration(a.getScaleDownDelay()),
        duration(a.getScaleToZeroGrace()),
        duration(filledSpec.getLagLimit()));
  }

  boolean manual() {
    return mode == AutoscalingPolicy.Mode.MODE_MANUAL;
  }

  int clamp(int nodes) {
    return Math.max(minNodes, Math.min(maxNodes, nodes));
  }

  private static Duration duration(com.google.protobuf.Duration d) {
    return Duration.ofMillis(Durations.toMillis(d));
  }

  private static boolean positive(Duration d) {
    return d.compareTo(Duration.ZERO) > 0;
  }

  private static void check(boolean ok, String what, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(
          "autoscaling policy: "
              + what
              + " must be "
              + expected
              + " (build the policy from a spec filled by PoolDefaults.withDefaults and"
              + " validated by the control API)");
    }
  }
}
