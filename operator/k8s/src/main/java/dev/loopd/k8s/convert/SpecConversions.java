package dev.loopd.k8s.convert;

import dev.loopd.k8s.crd.v1alpha1.AutoscalingMode;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingSpec;
import dev.loopd.k8s.crd.v1alpha1.BlockingPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.BlockingPoolTuning;
import dev.loopd.k8s.crd.v1alpha1.LimitsSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.QuotasSpec;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import dev.loopd.proto.node.v1.Limits;

/**
 * Spec sections ⇄ their {@code loopd.control.v1} / {@code loopd.node.v1} messages.
 *
 * <p>Unset stays unset both ways: a proto scalar at 0 (which proto3 reads as "the default") is an
 * absent CR field, a message field that is not set is a null section, a set but empty one is {@code
 * {}}. Durations are strings ({@link Durations}).
 */
public final class SpecConversions {

  private SpecConversions() {}

  // PoolSpec.

  /**
   * {@code spec} as a {@link PoolSpec}. {@code spec.replicas} becomes {@code nodes} under Manual
   * only: under Auto it is the autoscaler's output, not what the tenant asked for.
   *
   * @throws InvalidResourceException when a duration does not parse
   */
  public static PoolSpec toProto(LoopPoolSpec spec) {
    PoolSpec.Builder b = PoolSpec.newBuilder();
    if (spec == null) {
      return b.build();
    }
    if (spec.getMinNodes() != null) {
      b.setMinNodes(spec.getMinNodes());
    }
    b.setMaxNodes(orZero(spec.getMaxNodes()));
    AutoscalingSpec a = spec.getAutoscaling();
    if (a != null && a.getMode() == AutoscalingMode.MANUAL) {
      b.setNodes(orZero(spec.getReplicas()));
    }
    if (a != null) {
      b.setAutoscaling(toProto(a));
    }
    if (spec.getBlockingPool() != null) {
      b.setBlockingPool(toProto(spec.getBlockingPool()));
    }
    setIfPresent(Durations.parse("spec.lagLimit", spec.getLagLimit()), b::setLagLimit);
    if (spec.getDefaultLimits() != null) {
      b.setDefaultLimits(toProto("spec.defaultLimits", spec.getDefaultLimits()));
    }
    setIfPresent(
        Durations.parse("spec.lagMonitorResolution", spec.getLagMonitorResolution()),
        b::setLagMonitorResolution);
    return b.build();
  }

  /**
   * {@code spec} as a {@link LoopPoolSpec}. Under Manual, {@code replicas} is {@code nodes}; under
   * Auto it is {@code currentReplicas} (what the autoscaler last wrote), 0 for a new pool (the
   * autoscaler raises it; the scale subresource fails on a LoopPool without spec.replicas).
   */
  public static LoopPoolSpec fromProto(PoolSpec spec, Integer currentReplicas) {
    LoopPoolSpec s = new LoopPoolSpec();
    if (spec.hasMinNodes()) {
      s.setMinNodes(spec.getMinNodes());
    }
    s.setMaxNodes(orNull(spec.getMaxNodes()));
    if (spec.hasAutoscaling()) {
      s.setAutoscaling(fromProto(spec.getAutoscaling()));
    }
    boolean manual = spec.getAutoscaling().getMode() == AutoscalingPolicy.Mode.MODE_MANUAL;
    s.setReplicas(
        manual ? Integer.valueOf(spec.getNodes()) : currentReplicas == null ? 0 : currentReplicas);
    if (spec.hasBlockingPool()) {
      s.setBlockingPool(fromProto(spec.getBlockingPool()));
    }
    s.setLagLimit(spec.hasLagLimit() ? Durations.format(spec.getLagLimit()) : null);
    if (spec.hasDefaultLimits()) {
      s.setDefaultLimits(fromProto(spec.getDefaultLimits()));
    }
    s.setLagMonitorResolution(
        spec.hasLagMonitorResolution() ? Durations.format(spec.getLagMonitorResolution()) : null);
    return s;
  }

  // AutoscalingPolicy.

  public static AutoscalingPolicy toProto(AutoscalingSpec a) {
    AutoscalingPolicy.Builder b = AutoscalingPolicy.newBuilder();
    if (a.getMode() != null) {
      b.setMode(
          switch (a.getMode()) {
            case AUTO -> AutoscalingPolicy.Mode.MODE_AUTO;
            case MANUAL -> AutoscalingPolicy.Mode.MODE_MANUAL;
          });
    }
    b.setTargetElu(orZero(a.getTargetElu()));
    b.setTargetPoolUtilization(orZero(a.getTargetPoolUtilization()));
    String p = "spec.autoscaling.";
    setIfPresent(Durations.parse(p + "stableWindow", a.getStableWindow()), b::setStableWindow);
    setIfPresent(Durations.parse(p + "panicWindow", a.getPanicWindow()), b::setPanicWindow);
    b.setPanicThreshold(orZero(a.getPanicThreshold()));
    b.setMaxScaleUpRate(orZero(a.getMaxScaleUpRate()));
    setIfPresent(
        Durations.parse(p + "scaleDownDelay", a.getScaleDownDelay()), b::setScaleDownDelay);
    setIfPresent(
        Durations.parse(p + "scaleToZeroGrace", a.getScaleToZeroGrace()), b::setScaleToZeroGrace);
    return b.build();
  }

  public static AutoscalingSpec fromProto(AutoscalingPolicy p) {
    AutoscalingSpec a = new AutoscalingSpec();
    a.setMode(
        switch (p.getMode()) {
          case MODE_AUTO -> AutoscalingMode.AUTO;
          case MODE_MANUAL -> AutoscalingMode.MANUAL;
          default -> null;
        });
    a.setTargetElu(orNull(p.getTargetElu()));
    a.setTargetPoolUtilization(orNull(p.getTargetPoolUtilization()));
    a.setStableWindow(p.hasStableWindow() ? Durations.format(p.getStableWindow()) : null);
    a.setPanicWindow(p.hasPanicWindow() ? Durations.format(p.getPanicWindow()) : null);
    a.setPanicThreshold(orNull(p.getPanicThreshold()));
    a.setMaxScaleUpRate(orNull(p.getMaxScaleUpRate()));
    a.setScaleDownDelay(p.hasScaleDownDelay() ? Durations.format(p.getScaleDownDelay()) : null);
    a.setScaleToZeroGrace(
        p.hasScaleToZeroGrace() ? Durations.format(p.getScaleToZeroGrace()) : null);
    return a;
  }

  // BlockingPoolSettings.

  public static BlockingPoolSettings toProto(BlockingPoolSpec s) {
    BlockingPoolSettings.Builder b =
        BlockingPoolSettings.newBuilder()
            .setSize(orZero(s.getSize()))
            .setMinSize(orZero(s.getMinSize()))
            .setMaxSize(orZero(s.getMaxSize()))
            .setQueueCapacity(orZero(s.getQueueCapacity()));
    if (s.getTuning() != null) {
      b.setTuning(
          switch (s.getTuning()) {
            case FIXED -> BlockingPoolSettings.Tuning.TUNING_FIXED;
            case ADAPTIVE -> BlockingPoolSettings.Tuning.TUNING_ADAPTIVE;
          });
    }
    return b.build();
  }

  public static BlockingPoolSpec fromProto(BlockingPoolSettings p) {
    BlockingPoolSpec s = new BlockingPoolSpec();
    s.setSize(orNull(p.getSize()));
    s.setMinSize(orNull(p.getMinSize()));
    s.setMaxSize(orNull(p.getMaxSize()));
    s.setQueueCapacity(orNull(p.getQueueCapacity()));
    s.setTuning(
        switch (p.getTuning()) {
          case TUNING_FIXED -> BlockingPoolTuning.FIXED;
          case TUNING_ADAPTIVE -> BlockingPoolTuning.ADAPTIVE;
          default -> null;
        });
    return s;
  }

  // Limits.

  /**
   * {@code limits} (null: all unset) as {@link Limits}; {@code field} names it in errors, e.g.
   * {@code spec.limits}.
   */
  public static Limits toProto(String field, LimitsSpec limits) {
    if (limits == null) {
      return Limits.getDefaultInstance();
    }
    return Limits.newBuilder()
        .setCpuBudgetMs(Durations.parseMillis(field + ".cpuBudget", limits.getCpuBudget()))
        .setDeadlineMs(Durations.parseMillis(field + ".deadline", limits.getDeadline()))
        .setMaxRequestBytes(orZero(limits.getMaxRequestBytes()))
        .setMaxResponseBytes(orZero(limits.getMaxResponseBytes()))
        .build();
  }

  public static LimitsSpec fromProto(Limits p) {
    LimitsSpec s = new LimitsSpec();
    s.setCpuBudget(Durations.formatMillis(p.getCpuBudgetMs()));
    s.setDeadline(Durations.formatMillis(p.getDeadlineMs()));
    s.setMaxRequestBytes(orNull(p.getMaxRequestBytes()));
    s.setMaxResponseBytes(orNull(p.getMaxResponseBytes()));
    return s;
  }

  /** {@code limits} as a section of a spec: null when every limit is unset. */
  public static LimitsSpec fromProtoOrNull(Limits limits) {
    return limits.equals(Limits.getDefaultInstance()) ? null : fromProto(limits);
  }

  // Quotas.

  public static Quotas toProto(QuotasSpec q) {
    if (q == null) {
      return Quotas.getDefaultInstance();
    }
    return Quotas.newBuilder()
        .setMaxHandlers(orZero(q.getMaxHandlers()))
        .setMaxPools(orZero(q.getMaxPools()))
        .setMaxNodes(orZero(q.getMaxNodes()))
        .build();
  }

  public static QuotasSpec fromProto(Quotas p) {
    QuotasSpec q = new QuotasSpec();
    q.setMaxHandlers(orNull(p.getMaxHandlers()));
    q.setMaxPools(orNull(p.getMaxPools()));
    q.setMaxNodes(orNull(p.getMaxNodes()));
    return q;
  }

  // Helpers.

  private static <T> void setIfPresent(T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  static int orZero(Integer v) {
    return v == null ? 0 : v;
  }

  static long orZero(Long v) {
    return v == null ? 0 : v;
  }

  static double orZero(Double v) {
    return v == null ? 0 : v;
  }

  static Integer orNull(int v) {
    return v == 0 ? null : v;
  }

  static Long orNull(long v) {
    return v == 0 ? null : v;
  }

  static Double orNull(double v) {
    return v == 0 ? null : v;
  }
}
