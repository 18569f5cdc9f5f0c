package dev.loopd.k8s.crd.v1alpha1;

/** API group and version of the loopd custom resources, and the patterns their schemas share. */
public final class LoopdGroup {

  public static final String GROUP = "loopd.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /**
   * A duration as Go and kubectl write them: one or more decimal numbers with a unit, e.g. {@code
   * 500ms}, {@code 60s}, {@code 1m30s}, {@code 1.5s}.
   */
  public static final String DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

  /** A DNS-1123 label: tenant, pool and handler names. */
  public static final String DNS_LABEL_PATTERN = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  /** Largest handler source, in bytes (UTF-8); the CRD bounds its length in characters. */
  public static final int MAX_SOURCE_BYTES = 1024 * 1024;

  private LoopdGroup() {}
}
