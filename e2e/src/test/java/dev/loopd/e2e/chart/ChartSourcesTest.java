package dev.loopd.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's generated files are what their scripts generate from the sources (values.yaml,
 * k8s/crds, the chart itself), so that nobody edits a generated file by hand or forgets to
 * regenerate one. Each failure names the script to run.
 */
class ChartSourcesTest {

  @Test
  void valuesSchemaIsGeneratedFromTheCommentedValues() {
    Command.of(Map.of(), "node", "helm/loopd/hack/gen-schema", "--check")
        .in(Repo.root())
        .run()
        .ok();
  }

  @Test
  void chartCrdsAreTheOnesGeneratedFromTheCustomResourceClasses() {
    Command.of(Map.of(), "helm/loopd/hack/sync-crds", "--check").in(Repo.root()).run().ok();
  }

  @Test
  void plainManifestsAreTheChartRenderedWithItsDefaults() {
    Command.of(Map.of("HELM", Repo.helm().toString()), "helm/loopd/hack/render-install", "--check")
        .in(Repo.root())
        .run()
        .ok();
  }

  @Test
  void chartAppVersionIsTheProjectVersion() throws IOException {
    JsonNode chart = Manifests.yaml(Files.readString(Repo.chart().resolve("Chart.yaml")));
    assertThat(chart.path("appVersion").asText())
        .as("appVersion in helm/loopd/Chart.yaml (the default image tag)")
        .isEqualTo(Repo.projectVersion());
  }

  @Test
  void exampleHandlersRunTheSourcesOfExamplesHandlers() throws IOException {
    List<JsonNode> handlers;
    try (Stream<Path> files = Files.list(Repo.k8s().resolve("examples"))) {
      handlers =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .sorted()
              .flatMap(f -> read(f).ofKind("LoopHandler").stream())
              .toList();
    }
    assertThat(handlers)
        .extracting(h -> h.path("metadata").path("name").asText())
        .contains("hello", "spin", "pbkdf2");
    for (JsonNode h : handlers) {
      String name = h.path("metadata").path("name").asText();
      Path source = Repo.root().resolve("examples/handlers/" + name + ".mjs");
      assertThat(h.path("spec").path("source").asText())
          .as("spec.source of k8s/examples LoopHandler %s (copy it from %s)", name, source)
          .isEqualTo(Files.readString(source));
    }
  }

  /** Skipped where shellcheck is not installed (Debian: apt-get install shellcheck). */
  @Test
  void chartAndClusterScriptsAreShellcheckClean() {
    boolean installed =
        Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "shellcheck")));
    assumeTrue(installed, "shellcheck is not installed");
    Command.of(
            Map.of(),
            "shellcheck",
            "e2e/kind.sh",
            "helm/loopd/hack/sync-crds",
            "helm/loopd/hack/render-install",
            "helm/loopd/files/helm-test.sh",
            "k8s/install/admin-token.sh")
        .in(Repo.root())
        .run()
        .ok();
  }

  private static Manifests read(Path file) {
    try {
      return Manifests.parse(Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
