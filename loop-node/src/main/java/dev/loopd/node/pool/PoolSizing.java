package dev.loopd.node.pool;

import java.util.Map;

/**
 * The blocking pool's size: CPUs available to this process unless the environment says otherwise.
 *
 * <p>{@link Runtime#availableProcessors()} already honours cgroup CPU quotas and affinity, so a pod
 * limited to 2 CPUs gets 2 threads. {@code LOOPD_POOL_SIZE} overrides it; libuv's {@code
 * UV_THREADPOOL_SIZE} is honoured as an alias so Node.js habits carry over.
 */
public final class PoolSizing {
  /** libuv's own ceiling for UV_THREADPOOL_SIZE. */
  public static final int MAX_SIZE = 1024;

  private PoolSizing() {}

  public static int defaultSize(Map<String, String> env) {
    for (String name : new String[] {"LOOPD_POOL_SIZE", "UV_THREADPOOL_SIZE"}) {
      String value = env.get(name);
      if (value == null || value.isBlank()) continue;
      return parse(name, value.trim());
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public static int parse(String name, String value) {
    int size;
    try {
      size = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name
              + "='"
              + value
              + "' is not a whole number; set it to a pool size from 1 to "
              + MAX_SIZE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          name + "=" + size + " is out of range; set it to a pool size from 1 to " + MAX_SIZE);
    }
    return size;
  }
}
