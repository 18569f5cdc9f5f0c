package dev.loopd.k8s.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs committed under {@code k8s/crds} are the ones the build generates from the classes in
 * {@code dev.loopd.k8s.crd.v1alpha1}, and they stay within what Kubernetes 1.20 accepts.
 */
class CrdFilesTest {

  static final String REFRESH = "./mvnw -pl operator/k8s -am process-classes -Pupdate-crds";

  private static final List<String> CRDS =
      List.of(
          "looptenants.loopd.dev-v1.yml",
          "looppools.loopd.dev-v1.yml",
          "loophandlers.loopd.dev-v1.yml");

  private static Path dir(String property) {
    String v = System.getProperty(property);
    assertThat(v).as("system property %s (set by the module's pom)", property).isNotNull();
    return Path.of(v);
  }

  @Test
  void committedCrdsAreTheGeneratedOnes() throws IOException {
    Path committed = dir("loopd.crds.dir");
    Path generated = dir("loopd.crds.generated");
    assertThat(names(generated)).containsExactlyInAnyOrderElementsOf(CRDS);
    List<String> stale = new ArrayList<>();
    for (String name : CRDS) {
      Path c = committed.resolve(name);
      if (!Files.exists(c)
          || !Files.readString(c).equals(Files.readString(generated.resolve(name)))) {
        stale.add(name);
      }
    }
    TreeSet<String> extra = names(committed);
    CRDS.forEach(extra::remove);
    if (!stale.isEmpty() || !extra.isEmpty()) {
      fail(
          "k8s/crds is out of date with the custom resource classes (differs: "
              + stale
              + ", not generated: "
              + extra
              + "). Refresh it with `"
              + REFRESH
              + "` and commit the result.");
    }
  }

  @Test
  void crdsUseApiextensionsV1WithoutCelRules() throws IOException {
    for (String name : CRDS) {
      String yaml = Files.readString(dir("loopd.crds.generated").resolve(name));
      assertThat(yaml).as(name).doesNotContain("x-kubernetes-validations");
      CustomResourceDefinition crd = parse(yaml);
      assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
      assertThat(crd.getSpec().getGroup()).isEqualTo("loopd.dev");
      assertThat(crd.getSpec().getVersions()).hasSize(1);
      CustomResourceDefinitionVersion v = crd.getSpec().getVersions().getFirst();
      assertThat(v.getName()).isEqualTo("v1alpha1");
      assertThat(v.getSubresources().getStatus()).as(name + " status subresource").isNotNull();
    }
  }

  @Test
  void everySpecFieldIsDescribed() throws IOException {
    for (String name : CRDS) {
      CustomResourceDefinition crd =
          parse(Files.readString(dir("loopd.crds.generated").resolve(name)));
      JSONSchemaProps root =
          crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema();
      List<String> undescribed = new ArrayList<>();
      for (String part : List.of("spec", "status")) {
        undescribedFields(part, root.getProperties().get(part), undescribed);
      }
      assertThat(undescribed).as(name).isEmpty();
    }
  }

  @Test
  void loopPoolHasTheScaleSubresourceAndPrinterColumns() throws IOException {
    CustomResourceDefinition crd =
        parse(Files.readString(dir("loopd.crds.generated").resolve("looppools.loopd.dev-v1.yml")));
    CustomResourceDefinitionVersion v = crd.getSpec().getVersions().getFirst();
    var scale = v.getSubresources().getScale();
    assertThat(scale.getSpecReplicasPath()).isEqualTo(".spec.replicas");
    assertThat(scale.getStatusReplicasPath()).isEqualTo(".status.replicas");
    assertThat(scale.getLabelSelectorPath()).isEqualTo(".status.selector");
    assertThat(v.getAdditionalPrinterColumns())
        .extracting(c -> c.getName() + "=" + c.getJsonPath())
        .containsExactlyInAnyOrder(
            "Ready=.status.readyNodes",
            "Desired=.status.desiredNodes",
            "Lag-p99=.status.lagP99",
            "ELU=.status.elu",
            "Age=.metadata.creationTimestamp");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    CustomResourceDefinition tenants =
        parse(
            Files.readString(dir("loopd.crds.generated").resolve("looptenants.loopd.dev-v1.yml")));
    assertThat(tenants.getSpec().getScope()).isEqualTo("Cluster");
  }

  private static void undescribedFields(String path, JSONSchemaProps p, List<String> out) {
    if (p == null) {
      return;
    }
    for (Map.Entry<String, JSONSchemaProps> e : p.getProperties().entrySet()) {
      String at = path + "." + e.getKey();
      JSONSchemaProps child = e.getValue();
      if (child.getDescription() == null || child.getDescription().isBlank()) {
        out.add(at);
      }
      undescribedFields(at, child, out);
      if (child.getItems() != null && child.getItems().getSchema() != null) {
        undescribedFields(at + "[]", child.getItems().getSchema(), out);
      }
    }
  }

  private static CustomResourceDefinition parse(String yaml) {
    return new KubernetesSerialization().unmarshal(yaml, CustomResourceDefinition.class);
  }

  private static TreeSet<String> names(Path dir) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).forEach(names::add);
      }
    }
    return names;
  }
}
