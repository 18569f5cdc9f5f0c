package dev.loopd.operator.autoscale;

import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import java.time.Duration;

/** A pool's effective autoscaling settings, read from a spec filled by {@code PoolDefaults}. */
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

  public static AutoscalerPolicy from(PoolSpec spec) {
    AutoscalingPolicy a = spec.getAutoscaling();
    return new AutoscalerPolicy(
        spec.getMinNodes(),
        spec.getMaxNodes(),
        a.getMode(),
        spec.getNodes(),
        a.getTargetElu(),
        a.getTargetPoolUtilization(),
        duration(a.getStableWindow()),
        duration(a.getPanicWindow()),
        a.getPanicThreshold(),
        a.getMaxScaleUpRate(),
        duration(a.getScaleDownDelay()),
        duration(a.getScaleToZeroGrace()),
        duration(spec.getLagLimit()));
  }

  private static Duration duration(com.google.protobuf.Duration d) {
    return Duration.ofMillis(Durations.toMillis(d));
  }

  boolean manual() {
    return mode == AutoscalingPolicy.Mode.MODE_MANUAL;
  }

  int clamp(int nodes) {
    return Math.max(minNodes, Math.min(maxNodes, nodes));
  }
}
