package dev.loopd.cli.command;

import dev.loopd.cli.parse.Durations;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The pool spec flags of {@code pools create} and {@code pools update}. Only the flags given change
 * the spec; the others keep its value (the API's defaults on create).
 */
public final class PoolSpecOptions {
  /** {@code --pool-tuning}. */
  public enum Tuning {
    FIXED,
    ADAPTIVE
  }

  @Option(
      names = "--min",
      paramLabel = "N",
      description = "Fewest nodes (0 allows scale to zero; default 1).")
  Integer min;

  @Option(names = "--max", paramLabel = "N", description = "Most nodes (default 5).")
  Integer max;

  @Option(names = "--pool-size", paramLabel = "N", description = "Blocking pool threads per node.")
  Integer poolSize;

  @Option(
      names = "--pool-tuning",
      paramLabel = "fixed|adaptive",
      description = "Blocking pool tuning.")
  Tuning poolTuning;

  @Option(
      names = "--target-elu",
      paramLabel = "X",
      description = "ELU per node to aim for, in (0, 1] (default 0.6).")
  Double targetElu;

  @Option(
      names = "--lag-limit",
      paramLabel = "DURATION",
      description = "Lag p99 that triggers panic (default 50ms).")
  Duration lagLimit;

  @Option(
      names = "--cpu-budget-ms",
      paramLabel = "N",
      description = "Default CPU budget per task of the pool's handlers (default 1000).")
  Long cpuBudgetMs;

  @Option(
      names = "--scale-to-zero-grace",
      paramLabel = "DURATION",
      description = "Idle time before the last node stops, with --min 0 (default 60s).")
  Duration scaleToZeroGrace;

  @Option(
      names = "--stable-window",
      paramLabel = "DURATION",
      description = "Averaging window of normal decisions (default 60s).")
  Duration stableWindow;

  @Option(
      names = "--panic-window",
      paramLabel = "DURATION",
      description = "Averaging window of panic decisions (default 6s).")
  Duration panicWindow;

  @Option(
      names = "--scale-down-delay",
      paramLabel = "DURATION",
      description = "How long a lower desire persists before nodes go (default 0s).")
  Duration scaleDownDelay;

  /** True when no flag was given. */
  boolean isEmpty() {
    return min == null
        && max == null
        && poolSize == null
        && poolTuning == null
        && targetElu == null
        && lagLimit == null
        && cpuBudgetMs == null
        && scaleToZeroGrace == null
        && stableWindow == null
        && panicWindow == null
        && scaleDownDelay == null;
  }

  /** {@code spec} with the given flags applied. */
  PoolSpec applyTo(PoolSpec spec) {
    PoolSpec.Builder b = spec.toBuilder();
    if (min != null) {
      b.setMinNodes(min);
    }
    if (max != null) {
      b.setMaxNodes(max);
    }
    if (poolSize != null || poolTuning != null) {
      BlockingPoolSettings.Builder pool = b.getBlockingPoolBuilder();
      if (poolSize != null) {
        pool.setSize(poolSize);
      }
      if (poolTuning != null) {
        pool.setTuning(
            poolTuning == Tuning.ADAPTIVE
                ? BlockingPoolSettings.Tuning.TUNING_ADAPTIVE
                : BlockingPoolSettings.Tuning.TUNING_FIXED);
      }
    }
    if (lagLimit != null) {
      b.setLagLimit(Durations.toProto(lagLimit));
    }
    if (cpuBudgetMs != null) {
      b.getDefaultLimitsBuilder().setCpuBudgetMs(cpuBudgetMs);
    }
    if (targetElu != null
        || scaleToZeroGrace != null
        || stableWindow != null
        || panicWindow != null
        || scaleDownDelay != null) {
      applyAutoscaling(b.getAutoscalingBuilder());
    }
    return b.build();
  }

  private void applyAutoscaling(AutoscalingPolicy.Builder auto) {
    if (targetElu != null) {
      auto.setTargetElu(targetElu);
    }
    if (scaleToZeroGrace != null) {
      auto.setScaleToZeroGrace(Durations.toProto(scaleToZeroGrace));
    }
    if (stableWindow != null) {
      auto.setStableWindow(Durations.toProto(stableWindow));
    }
    if (panicWindow != null) {
      auto.setPanicWindow(Durations.toProto(panicWindow));
    }
    if (scaleDownDelay != null) {
      auto.setScaleDownDelay(Durations.toProto(scaleDownDelay));
    }
  }
}
