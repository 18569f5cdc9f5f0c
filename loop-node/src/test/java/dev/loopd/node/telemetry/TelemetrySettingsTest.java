package dev.loopd.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {

  @Test
  void otlpIsOffByDefault() {
    TelemetrySettings s = TelemetrySettings.of("n", "p", null, Map.of());
    assertThat(s.otlpEnabled()).isFalse();
    assertThat(s.exportInterval()).isEqualTo(TelemetrySettings.DEFAULT_EXPORT_INTERVAL);
  }

  @Test
  void flagWinsOverTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://from-env:4317",
            "OTEL_METRIC_EXPORT_INTERVAL", "5000");
    assertThat(TelemetrySettings.of("n", "p", "http://from-flag:4317", env).otlpEndpoint())
        .isEqualTo(URI.create("http://from-flag:4317"));
    TelemetrySettings fromEnv = TelemetrySettings.of("n", "p", null, env);
    assertThat(fromEnv.otlpEndpoint()).isEqualTo(URI.create("http://from-env:4317"));
    assertThat(fromEnv.exportInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void bareHostAndPortMeansPlaintext() {
    assertThat(TelemetrySettings.otlpEndpoint("collector:4317"))
        .isEqualTo(URI.create("http://collector:4317"));
  }

  @Test
  void malformedEndpointsFailWithTheExpectedForm() {
    for (String bad : new String[] {"grpc://collector:4317", "http://collector", "http://:4317"}) {
      assertThatThrownBy(() -> TelemetrySettings.otlpEndpoint(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad)
          .hasMessageContaining("http://HOST:PORT");
    }
    assertThatThrownBy(
            () -> TelemetrySettings.of("n", "p", null, Map.of("OTEL_METRIC_EXPORT_INTERVAL", "5s")))
        .hasMessageContaining("OTEL_METRIC_EXPORT_INTERVAL");
  }
}
