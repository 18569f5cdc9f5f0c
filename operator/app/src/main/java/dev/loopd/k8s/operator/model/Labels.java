package dev.loopd.k8s.operator.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels of the objects the operator makes for a pool. The selector ({@link #selector}) is part of
 * the Deployment's immutable spec: it never changes for a pool.
 */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String POOL = "loopd.dev/pool";
  public static final String TENANT = "loopd.dev/tenant";

  /** {@code app.kubernetes.io/name} of every loop-node pod. */
  public static final String NODE_NAME = "loop-node";

  /** {@code app.kubernetes.io/managed-by} of everything this operator makes. */
  public static final String MANAGER = "loopd-operator";

  /** Selects every object this operator manages (informers of the owned kinds use it). */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

  private Labels() {}

  /** The pods of one pool (a pool name is unique in its namespace). */
  public static Map<String, String> selector(String pool) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(NAME, NODE_NAME);
    m.put(POOL, pool);
    return m;
  }

  /** {@link #selector} as a label selector string, e.g. for the scale subresource. */
  public static String selectorString(String pool) {
    return NAME + "=" + NODE_NAME + "," + POOL + "=" + pool;
  }

  /** Every label of a pool's objects and pods. */
  public static Map<String, String> of(PoolModel pool) {
    Map<String, String> m = new LinkedHashMap<>(selector(pool.name()));
    m.put(INSTANCE, pool.name());
    m.put(COMPONENT, "node");
    m.put(PART_OF, "loopd");
    m.put(MANAGED_BY, MANAGER);
    m.put(TENANT, pool.tenant());
    return m;
  }
}
