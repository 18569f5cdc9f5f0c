package dev.loopd.operator.core;

import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import dev.loopd.proto.node.v1.Limits;

/**
 * The defaults of a pool's spec, in one place: the control API stores specs with them filled in (so
 * a user reading a pool sees what is in effect) and the autoscaler reads them from there. The
 * values are those documented in {@code loopd/control/v1/types.proto}.
 */
public final class PoolDefaults {

  public static final int MIN_NODES = 1;
  public static final int MAX_NODES = 5;
  public static final double TARGET_ELU = 0.6;
  public static final double TARGET_POOL_UTILIZATION = 0.7;
  public static final Duration STABLE_WINDOW = Durations.fromSeconds(60);
  public static final Duration PANIC_WINDOW = Durations.fromSeconds(6);
  public static final double PANIC_THRESHOLD = 2.0;
  public static final double MAX_SCALE_UP_RATE = 2.0;
  public static final Duration SCALE_DOWN_DELAY = Durations.fromSeconds(0);
  public static final Duration SCALE_TO_ZERO_GRACE = Durations.fromSeconds(60);
  public static final Duration LAG_LIMIT = Durations.fromMillis(50);
  public static final Duration LAG_MONITOR_RESOLUTION = Durations.fromMillis(10);
  public static final long CPU_BUDGET_MS = 1000;

  private PoolDefaults() {}

  /** {@code spec} with every unset field set to its default; set fields are kept. */
  public static PoolSpec withDefaults(PoolSpec spec) {
    PoolSpec.Builder b = spec.toBuilder();
    if (!b.hasMinNodes()) {
      b.setMinNodes(MIN_NODES);
    }
    if (b.getMaxNodes() == 0) {
      b.setMaxNodes(Math.max(MAX_NODES, b.getMinNodes()));
    }
    AutoscalingPolicy.Builder a = b.getAutoscaling().toBuilder();
    if (a.getMode() == AutoscalingPolicy.Mode.MODE_UNSPECIFIED) {
      a.setMode(AutoscalingPolicy.Mode.MODE_AUTO);
    }
    if (a.getTargetElu() == 0) {
      a.setTargetElu(TARGET_ELU);
    }
    if (a.getTargetPoolUtilization() == 0) {
      a.setTargetPoolUtilization(TARGET_POOL_UTILIZATION);
    }
    if (!a.hasStableWindow()) {
      a.setStableWindow(STABLE_WINDOW);
    }
    if (!a.hasPanicWindow()) {
      a.setPanicWindow(PANIC_WINDOW);
    }
    if (a.getPanicThreshold() == 0) {
      a.setPanicThreshold(PANIC_THRESHOLD);
    }
    if (a.getMaxScaleUpRate() == 0) {
      a.setMaxScaleUpRate(MAX_SCALE_UP_RATE);
    }
    if (!a.hasScaleDownDelay()) {
      a.setScaleDownDelay(SCALE_DOWN_DELAY);
    }
    if (!a.hasScaleToZeroGrace()) {
      a.setScaleToZeroGrace(SCALE_TO_ZERO_GRACE);
    }
    b.setAutoscaling(a);
    if (a.getMode() == AutoscalingPolicy.Mode.MODE_MANUAL
        && b.getNodes() == 0
        && spec.hasMinNodes()) {
      b.setNodes(b.getMinNodes());
    }
    BlockingPoolSettings.Builder pool = b.getBlockingPool().toBuilder();
    if (pool.getTuning() == BlockingPoolSettings.Tuning.TUNING_UNSPECIFIED) {
      pool.setTuning(BlockingPoolSettings.Tuning.TUNING_FIXED);
    }
    b.setBlockingPool(pool);
    if (!b.hasLagLimit()) {
      b.setLagLimit(LAG_LIMIT);
    }
    if (!b.hasLagMonitorResolution()) {
      b.setLagMonitorResolution(LAG_MONITOR_RESOLUTION);
    }
    Limits.Builder limits = b.getDefaultLimits().toBuilder();
    if (limits.getCpuBudgetMs() == 0) {
      limits.setCpuBudgetMs(CPU_BUDGET_MS);
    }
    b.setDefaultLimits(limits);
    return b.build();
  }
}
