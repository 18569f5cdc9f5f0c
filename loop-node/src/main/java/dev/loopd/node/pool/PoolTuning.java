package dev.loopd.node.pool;

import java.util.Locale;
import java.util.Map;

/**
 * How the blocking pool is sized over time: a fixed number of threads, or adaptive between a
 * minimum and a maximum (see {@link AdaptiveTuner}), starting at {@code size}.
 *
 * <p>Each value comes from the first of: a setting the caller names (a command-line flag or a pool
 * spec field), the environment, a default. The environment:
 *
 * <ul>
 *   <li>{@code LOOPD_POOL_TUNING} = {@code fixed} (default) or {@code adaptive};
 *   <li>{@code LOOPD_POOL_SIZE} (alias {@code UV_THREADPOOL_SIZE}): the size, or the starting size
 *       when adaptive; default the CPUs available to the process (see {@link PoolSizing});
 *   <li>{@code LOOPD_POOL_MIN}: the fewest threads when adaptive; default 1;
 *   <li>{@code LOOPD_POOL_MAX}: the most threads when adaptive; default {@code max(4, 4 × CPUs)}.
 * </ul>
 *
 * <p>Why these defaults. libuv accepts up to 1024 threads ({@code UV_THREADPOOL_SIZE}), so that is
 * the hard ceiling here too ({@link PoolSizing#MAX_SIZE}). Node's guidance is to raise the pool
 * past its default of 4 when blocking work is I/O-like (file system, DNS) and waits rather than
 * computes: such work gains from more threads than cores, CPU-bound work (crypto, zlib) does not.
 * Four threads per CPU leaves room for the first kind, while the tuner's CPU check keeps the second
 * kind near the core count; the floor of 4 keeps libuv's own default reachable on a one-CPU pod.
 * The minimum of 1 lets an idle node give back its threads; blocking work then waits at most one
 * tuner interval for the pool to grow again.
 *
 * <p>Range rules, each failing with a message naming the setting: min and max from 1 to {@value
 * PoolSizing#MAX_SIZE}, min ≤ max, and an explicitly set size within min..max (a defaulted size is
 * moved into the range instead). A default max below an explicit min is raised to that min. In
 * fixed mode, min and max given as settings are an error (they would do nothing); in the
 * environment they are ignored, since the environment may be shared by nodes of both kinds.
 *
 * @param mode fixed or adaptive
 * @param size threads (fixed), or threads at start (adaptive)
 * @param min fewest threads; equal to {@code size} when fixed
 * @param max most threads; equal to {@code size} when fixed
 */
public record PoolTuning(Mode mode, int size, int min, int max) {

  /**
   * Fixed: {@code size} threads always. Adaptive: between min and max, see {@link AdaptiveTuner}.
   */
  public enum Mode {
    FIXED,
    ADAPTIVE
  }

  /**
   * A value as the user gave it, with the name they know it by ({@code --pool-min}, {@code
   * min_size}) so errors can name it. A null value means "not given".
   */
  public record Setting(String name, String value) {
    public static Setting of(String name, Object value) {
      return new Setting(name, value == null ? null : value.toString());
    }

    boolean given() {
      return value != null && !value.isBlank();
    }
  }

  public PoolTuning {
    if (min < 1 || max > PoolSizing.MAX_SIZE || min > max || size < min || size > max) {
      throw new IllegalArgumentException(
          "pool tuning needs 1 <= min <= size <= max <= "
              + PoolSizing.MAX_SIZE
              + ", got min "
              + min
              + ", size "
              + size
              + ", max "
              + max);
    }
  }

  public static PoolTuning fixed(int size) {
    return new PoolTuning(Mode.FIXED, size, size, size);
  }

  /** Default max when adaptive: four threads per CPU, at least 4, at most libuv's 1024. */
  public static int defaultMax(int cpus) {
    return Math.min(PoolSizing.MAX_SIZE, Math.max(4, 4 * cpus));
  }

  /** Settings not given (null, or a null value) fall back to {@code env}, then to the defaults. */
  public static PoolTuning resolve(
      Map<String, String> env, Setting tuning, Setting size, Setting min, Setting max) {
    Setting mode = pick(tuning, env, "LOOPD_POOL_TUNING");
    Mode m = mode == null ? Mode.FIXED : parseMode(mode);
    boolean sizeGiven =
        given(size) || given(env, "LOOPD_POOL_SIZE") || given(env, "UV_THREADPOOL_SIZE");
    int start =
        given(size)
            ? PoolSizing.parse(size.name(), size.value().trim())
            : PoolSizing.defaultSize(env);
    if (m == Mode.FIXED) {
      for (Setting s : new Setting[] {min, max}) {
        if (given(s)) {
          throw new IllegalArgumentException(
              s.name()
                  + " applies only to adaptive tuning; set "
                  + (tuning == null ? "the tuning" : tuning.name())
                  + " to adaptive, or drop "
                  + s.name());
        }
      }
      return fixed(start);
    }
    Setting minSetting = pick(min, env, "LOOPD_POOL_MIN");
    Setting maxSetting = pick(max, env, "LOOPD_POOL_MAX");
    int lo =
        minSetting == null ? 1 : PoolSizing.parse(minSetting.name(), minSetting.value().trim());
    int hi;
    if (maxSetting != null) {
      hi = PoolSizing.parse(maxSetting.name(), maxSetting.value().trim());
      if (lo > hi) {
        throw new IllegalArgumentException(
            (minSetting == null ? "the default min" : minSetting.name())
                + "="
                + lo
                + " is above "
                + maxSetting.name()
                + "="
                + hi
                + "; the pool's min must not exceed its max");
      }
    } else {
      hi = Math.max(lo, defaultMax(Runtime.getRuntime().availableProcessors()));
    }
    if (sizeGiven && (start < lo || start > hi)) {
      String name = given(size) ? size.name() : sizeSourceInEnv(env);
      throw new IllegalArgumentException(
          name
              + "="
              + start
              + " is outside the adaptive range "
              + lo
              + ".."
              + hi
              + " (min..max); the starting size must lie within it");
    }
    return new PoolTuning(Mode.ADAPTIVE, Math.clamp(start, lo, hi), lo, hi);
  }

  private static Mode parseMode(Setting s) {
    return switch (s.value().trim().toLowerCase(Locale.ROOT)) {
      case "fixed" -> Mode.FIXED;
      case "adaptive" -> Mode.ADAPTIVE;
      default ->
          throw new IllegalArgumentException(
              s.name() + "='" + s.value() + "' is not a pool tuning; use fixed or adaptive");
    };
  }

  private static Setting pick(Setting given, Map<String, String> env, String envName) {
    if (given(given)) return given;
    return given(env, envName) ? new Setting(envName, env.get(envName)) : null;
  }

  private static boolean given(Setting s) {
    return s != null && s.given();
  }

  private static boolean given(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  private static String sizeSourceInEnv(Map<String, String> env) {
    return given(env, "LOOPD_POOL_SIZE") ? "LOOPD_POOL_SIZE" : "UV_THREADPOOL_SIZE";
  }
}
