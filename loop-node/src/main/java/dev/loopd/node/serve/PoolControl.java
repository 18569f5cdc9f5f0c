package dev.loopd.node.serve;

import dev.loopd.node.pool.AdaptiveTuner;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.node.pool.PoolTuning;
import dev.loopd.node.pool.PoolTuning.Setting;
import dev.loopd.proto.node.v1.BlockingPoolSettings;

/**
 * Owns how the serving node's blocking pool is sized: a fixed size, or an {@link AdaptiveTuner}
 * between a minimum and a maximum. Settings arrive at start (flags) and later from the pool's
 * PoolSettings on the node session; a change replaces the tuner rather than fighting it.
 */
final class PoolControl implements AutoCloseable {
  private final BlockingPool pool;
  private final HandlerLog log;
  private AdaptiveTuner tuner;
  private PoolTuning tuning;

  PoolControl(BlockingPool pool, HandlerLog log) {
    this.pool = pool;
    this.log = log;
  }

  synchronized void apply(PoolTuning next) {
    if (next.equals(tuning)) return;
    if (tuner != null) tuner.close();
    tuner = null;
    tuning = next;
    pool.resize(next.size());
    if (next.mode() == PoolTuning.Mode.ADAPTIVE) {
      tuner = new AdaptiveTuner(pool, next.min(), next.max());
      tuner.onDecision(d -> log.node("info", d.toString()));
      tuner.start();
    }
  }

  /** A pool's BlockingPoolSettings (fields at 0 keep the node's default). */
  void apply(BlockingPoolSettings settings) {
    String mode =
        switch (settings.getTuning()) {
          case TUNING_ADAPTIVE -> "adaptive";
          case TUNING_FIXED -> "fixed";
          default -> null;
        };
    PoolTuning next;
    try {
      next =
          PoolTuning.resolve(
              System.getenv(),
              Setting.of("blocking_pool.tuning", mode),
              Setting.of("blocking_pool.size", settings.getSize() > 0 ? settings.getSize() : null),
              Setting.of(
                  "blocking_pool.min_size",
                  settings.getMinSize() > 0 ? settings.getMinSize() : null),
              Setting.of(
                  "blocking_pool.max_size",
                  settings.getMaxSize() > 0 ? settings.getMaxSize() : null));
    } catch (IllegalArgumentException e) {
      log.node("error", "ignored the pool's blocking-pool settings: " + e.getMessage());
      return;
    }
    apply(next);
    log.node("info", "blocking pool now " + next);
  }

  @Override
  public synchronized void close() {
    if (tuner != null) tuner.close();
    tuner = null;
  }
}
