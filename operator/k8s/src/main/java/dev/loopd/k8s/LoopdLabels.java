package dev.loopd.k8s;

/** Labels and annotations loopd puts on the Kubernetes objects it stores (ADR 004). */
public final class LoopdLabels {

  /** {@code "true"} on a Secret that holds a token record (hashes only). */
  public static final String TOKEN = "loopd.dev/token";

  /** The tenant a token Secret or a version ConfigMap belongs to. */
  public static final String TENANT = "loopd.dev/tenant";

  /** The handler a version ConfigMap belongs to. */
  public static final String HANDLER = "loopd.dev/handler";

  /** The version number of a version ConfigMap ({@code "1"}, {@code "2"}, ...). */
  public static final String VERSION = "loopd.dev/version";

  /** {@code app.kubernetes.io/managed-by} value on the objects the store creates. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String MANAGED_BY_VALUE = "loopd";

  // Annotations.

  /** Lowercase hex SHA-256 of a version's source. */
  public static final String SHA256 = "loopd.dev/sha256";

  /** A version's limits, as the JSON of a {@code LimitsSpec}. */
  public static final String LIMITS = "loopd.dev/limits";

  public static final String DESCRIPTION = "loopd.dev/description";

  /**
   * RFC 3339 create time that the control plane gave a tenant, pool, handler or version (its clock,
   * to the nanosecond); objects made with kubectl use metadata.creationTimestamp.
   */
  public static final String CREATE_TIME = "loopd.dev/create-time";

  /** RFC 3339 time of the last change made through the store (pools, handlers). */
  public static final String UPDATE_TIME = "loopd.dev/update-time";

  /**
   * On a LoopHandler: the version a rollback chose. Honoured only while that version's source and
   * limits equal the spec's; otherwise the newest such version is active.
   */
  public static final String ACTIVE_VERSION = "loopd.dev/active-version";

  private LoopdLabels() {}
}
