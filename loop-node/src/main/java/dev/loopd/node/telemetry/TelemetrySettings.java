package dev.loopd.node.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a node reports telemetry.
 *
 * @param nodeId the node's identity (resource attribute {@code loopd.node.id} and {@code
 *     service.instance.id})
 * @param pool the node's pool, empty for a standalone node (resource attribute {@code loopd.pool})
 * @param otlpEndpoint where to export metrics and spans over OTLP/gRPC, e.g. {@code
 *     http://collector:4317}; null for no export (the default: Prometheus text only)
 * @param exportInterval how often metrics are pushed over OTLP
 */
public record TelemetrySettings(
    String nodeId, String pool, URI otlpEndpoint, Duration exportInterval) {

  /** The OpenTelemetry default for OTEL_METRIC_EXPORT_INTERVAL. */
  public static final Duration DEFAULT_EXPORT_INTERVAL = Duration.ofSeconds(60);

  public TelemetrySettings {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(exportInterval, "exportInterval");
    if (exportInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "OTLP export interval must be at least 1 ms, got " + exportInterval);
    }
  }

  /**
   * Settings from the {@code --otlp-endpoint} flag (null when not given) and the standard
   * environment variables: OTEL_EXPORTER_OTLP_ENDPOINT when the flag is absent, and
   * OTEL_METRIC_EXPORT_INTERVAL (milliseconds).
   *
   * @throws IllegalArgumentException when the endpoint or the interval is malformed
   */
  public static TelemetrySettings of(
      String nodeId, String pool, String otlpEndpointFlag, Map<String, String> env) {
    String endpoint = blankToNull(otlpEndpointFlag);
    if (endpoint == null) endpoint = blankToNull(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
    Duration interval = DEFAULT_EXPORT_INTERVAL;
    String ms = blankToNull(env.get("OTEL_METRIC_EXPORT_INTERVAL"));
    if (ms != null) {
      try {
        interval = Duration.ofMillis(Long.parseLong(ms.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "OTEL_METRIC_EXPORT_INTERVAL must be a number of milliseconds, got '" + ms + "'");
      }
    }
    return new TelemetrySettings(
        nodeId, pool, endpoint == null ? null : otlpEndpoint(endpoint), interval);
  }

  /**
   * Parses an OTLP/gRPC endpoint: {@code http://host:port} or {@code https://host:port}; a bare
   * {@code host:port} means plaintext http.
   */
  public static URI otlpEndpoint(String text) {
    String withScheme = text.contains("://") ? text.trim() : "http://" + text.trim();
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(badEndpoint(text), e);
    }
    boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    if (!http || uri.getHost() == null || uri.getPort() < 1) {
      throw new IllegalArgumentException(badEndpoint(text));
    }
    return uri;
  }

  private static String badEndpoint(String text) {
    return "OTLP endpoint '"
        + text
        + "' is not of the form http://HOST:PORT or https://HOST:PORT"
        + " (e.g. http://otel-collector:4317)";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Whether metrics and spans are exported over OTLP. */
  public boolean otlpEnabled() {
    return otlpEndpoint != null;
  }
}
