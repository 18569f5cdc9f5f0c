package dev.loopd.control.api;

import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import dev.loopd.control.errors.ApiException;
import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import dev.loopd.proto.node.v1.Limits;

/** Checks a pool spec and fills its defaults; every error names the field and the rule. */
final class PoolSpecs {

  private PoolSpecs() {}

  static PoolSpec validated(PoolSpec given) {
    PoolSpec spec = PoolDefaults.withDefaults(given);
    if (spec.getMinNodes() < 0) {
      throw ApiException.invalidArgument("spec.min_nodes", "must not be negative");
    }
    if (spec.getMaxNodes() < 1) {
      throw ApiException.invalidArgument("spec.max_nodes", "must be at least 1");
    }
    if (spec.getMinNodes() > spec.getMaxNodes()) {
      throw ApiException.invalidArgument(
          "spec.min_nodes", spec.getMinNodes() + " is more than max_nodes " + spec.getMaxNodes());
    }
    if (spec.getNodes() < 0 || spec.getNodes() > spec.getMaxNodes()) {
      throw ApiException.invalidArgument(
          "spec.nodes", "must be between 0 and max_nodes (" + spec.getMaxNodes() + ")");
    }
    AutoscalingPolicy a = spec.getAutoscaling();
    fraction("spec.autoscaling.target_elu", a.getTargetElu());
    fraction("spec.autoscaling.target_pool_utilization", a.getTargetPoolUtilization());
    positive("spec.autoscaling.stable_window", a.getStableWindow());
    positive("spec.autoscaling.panic_window", a.getPanicWindow());
    nonNegative("spec.autoscaling.scale_down_delay", a.getScaleDownDelay());
    nonNegative("spec.autoscaling.scale_to_zero_grace", a.getScaleToZeroGrace());
    if (Durations.compare(a.getPanicWindow(), a.getStableWindow()) >= 0) {
      throw ApiException.invalidArgument(
          "spec.autoscaling.panic_window",
          Durations.toString(a.getPanicWindow())
              + " must be shorter than stable_window "
              + Durations.toString(a.getStableWindow()));
    }
    if (a.getPanicThreshold() < 1) {
      throw ApiException.invalidArgument("spec.autoscaling.panic_threshold", "must be >= 1");
    }
    if (a.getMaxScaleUpRate() < 1) {
      throw ApiException.invalidArgument("spec.autoscaling.max_scale_up_rate", "must be >= 1");
    }
    positive("spec.lag_limit", spec.getLagLimit());
    if (Durations.toMillis(spec.getLagMonitorResolution()) < 1) {
      throw ApiException.invalidArgument("spec.lag_monitor_resolution", "must be at least 1ms");
    }
    BlockingPoolSettings pool = spec.getBlockingPool();
    if (pool.getSize() < 0
        || pool.getMinSize() < 0
        || pool.getMaxSize() < 0
        || pool.getQueueCapacity() < 0) {
      throw ApiException.invalidArgument(
          "spec.blocking_pool", "sizes and queue_capacity must not be negative (0 = default)");
    }
    if (pool.getTuning() == BlockingPoolSettings.Tuning.TUNING_ADAPTIVE
        && pool.getMaxSize() > 0
        && pool.getMinSize() > pool.getMaxSize()) {
      throw ApiException.invalidArgument(
          "spec.blocking_pool.min_size", "must not be more than max_size");
    }
    Limits l = spec.getDefaultLimits();
    if (l.getCpuBudgetMs() < 0
        || l.getDeadlineMs() < 0
        || l.getMaxRequestBytes() < 0
        || l.getMaxResponseBytes() < 0) {
      throw ApiException.invalidArgument(
          "spec.default_limits", "must not be negative (0 means the default)");
    }
    return spec;
  }

  private static void fraction(String field, double v) {
    if (!(v > 0 && v <= 1)) {
      throw ApiException.invalidArgument(field, v + " is not in (0, 1], e.g. 0.6");
    }
  }

  private static void positive(String field, Duration d) {
    if (Durations.toNanos(d) <= 0) {
      throw ApiException.invalidArgument(field, "must be positive, e.g. 10s");
    }
  }

  private static void nonNegative(String field, Duration d) {
    if (Durations.toNanos(d) < 0) {
      throw ApiException.invalidArgument(field, "must not be negative");
    }
  }
}
