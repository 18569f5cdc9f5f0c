package dev.loopd.operator.core;

import java.util.Objects;

/**
 * A pool's identity: tenant and pool name. On the node session it travels as {@code tenant/pool}
 * (the {@code pool} of a node's Hello and {@code --pool} of {@code loop-node serve}).
 */
public record PoolRef(String tenant, String name) implements Comparable<PoolRef> {

  public PoolRef {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
  }

  /** The session form, {@code tenant/pool}. */
  public String key() {
    return tenant + "/" + name;
  }

  /**
   * Parses the session form.
   *
   * @throws IllegalArgumentException when it is not {@code tenant/pool}
   */
  public static PoolRef parse(String key) {
    int slash = key.indexOf('/');
    if (slash <= 0 || slash == key.length() - 1 || key.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException(
          "pool \"" + key + "\" is not of the form tenant/pool, e.g. \"default/web\"");
    }
    return new PoolRef(key.substring(0, slash), key.substring(slash + 1));
  }

  @Override
  public int compareTo(PoolRef o) {
    return key().compareTo(o.key());
  }

  @Override
  public String toString() {
    return key();
  }
}
