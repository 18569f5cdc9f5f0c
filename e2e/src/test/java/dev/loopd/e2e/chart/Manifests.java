package dev.loopd.e2e.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Kubernetes objects read from YAML (what helm renders, the files under k8s/). */
record Manifests(List<JsonNode> objects) {

  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

  static Manifests parse(String yaml) {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          objects.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
    }
    return new Manifests(List.copyOf(objects));
  }

  /** One YAML document (not necessarily a Kubernetes object). */
  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
    }
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among " + summary()));
  }

  /** "Kind/name" of every object, for messages. */
  List<String> summary() {
    return objects.stream()
        .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
        .toList();
  }

  /** The environment variable {@code name} of a container, as "value" or "valueFrom" JSON. */
  static Optional<JsonNode> env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (name.equals(e.path("name").asText())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The first container of a Deployment's pod template. */
  static JsonNode container(JsonNode deployment) {
    return deployment.path("spec").path("template").path("spec").path("containers").path(0);
  }
}
