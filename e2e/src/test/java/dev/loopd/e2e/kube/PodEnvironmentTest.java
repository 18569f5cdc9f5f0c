package dev.loopd.e2e.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodEnvironmentTest {

  private static final Pod POD =
      new PodBuilder()
          .withNewMetadata()
          .withName("web-1")
          .withNamespace("shop")
          .withUid("u-1")
          .addToLabels("app", "web")
          .endMetadata()
          .withNewSpec()
          .withNodeName("fake-node")
          .withServiceAccountName("runner")
          .endSpec()
          .build();

  private static final PodEnvironment.Lookup LOOKUP =
      new PodEnvironment.Lookup() {
        @Override
        public Optional<Map<String, String>> secret(String namespace, String name) {
          return namespace.equals("shop") && name.equals("db")
              ? Optional.of(Map.of("password", "s3cret", "user", "app"))
              : Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> configMap(String namespace, String name) {
          return name.equals("settings") ? Optional.of(Map.of("level", "debug")) : Optional.empty();
        }
      };

  @Test
  void expansionReplacesDefinedVariablesKeepsUnknownOnesAndUnescapesDollars() {
    Map<String, String> env = Map.of("IP", "127.0.0.5", "PORT", "8080");
    assertThat(PodEnvironment.expand("$(IP):$(PORT)", env)).isEqualTo("127.0.0.5:8080");
    assertThat(PodEnvironment.expand("$(MISSING)-x", env)).isEqualTo("$(MISSING)-x");
    assertThat(PodEnvironment.expand("$$(IP) costs $5 $", env)).isEqualTo("$(IP) costs $5 $");
    assertThat(PodEnvironment.expand("$(IP", env)).isEqualTo("$(IP");
  }

  @Test
  void envResolvesFieldsSecretsConfigMapsAndEarlierVariablesInOrder() throws Exception {
    Container c =
        new ContainerBuilder()
            .addNewEnvFrom()
            .withPrefix("CFG_")
            .withNewConfigMapRef("settings", false)
            .endEnvFrom()
            .addNewEnv()
            .withName("IP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("APP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.labels['app']")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef("password", "db", false)
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("URL")
            .withValue("http://$(IP):80/$(APP)/$(LATER)")
            .endEnv()
            .addNewEnv()
            .withName("LATER")
            .withValue("x")
            .endEnv()
            .build();

    Map<String, String> env = PodEnvironment.resolve(POD, c, "127.9.0.3", LOOKUP);

    assertThat(env)
        .containsEntry("CFG_level", "debug")
        .containsEntry("IP", "127.9.0.3")
        .containsEntry("APP", "web")
        .containsEntry("PASSWORD", "s3cret")
        .containsEntry("URL", "http://127.9.0.3:80/web/$(LATER)");
    assertThat(PodEnvironment.expandAll(List.of("--host", "$(IP)"), env))
        .containsExactly("--host", "127.9.0.3");
  }

  @Test
  void aMissingRequiredReferenceIsAConfigErrorAndAnOptionalOneIsLeftOut() throws Exception {
    Container required =
        new ContainerBuilder()
            .addNewEnv()
            .withName("TOKEN")
            .withNewValueFrom()
            .withNewSecretKeyRef("token", "absent", false)
            .endValueFrom()
            .endEnv()
            .build();
    assertThatThrownBy(() -> PodEnvironment.resolve(POD, required, "127.9.0.3", LOOKUP))
        .isInstanceOf(PodEnvironment.ConfigError.class)
        .hasMessage("secret \"absent\" not found");

    Container missingKey =
        new ContainerBuilder()
            .addNewEnv()
            .withName("X")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("nope", "settings", false)
            .endValueFrom()
            .endEnv()
            .build();
    assertThatThrownBy(() -> PodEnvironment.resolve(POD, missingKey, "127.9.0.3", LOOKUP))
        .hasMessage("couldn't find key nope in configmap settings");

    Container optional =
        new ContainerBuilder()
            .addNewEnv()
            .withName("TOKEN")
            .withNewValueFrom()
            .withNewSecretKeyRef("token", "absent", true)
            .endValueFrom()
            .endEnv()
            .build();
    assertThat(PodEnvironment.resolve(POD, optional, "127.9.0.3", LOOKUP))
        .doesNotContainKey("TOKEN");
  }

  @Test
  void imagesAreNamedByTheirLastPathSegmentWithoutTagOrDigest() {
    assertThat(KubeletContext.imageName("ghcr.io/loopd/loop-node:0.1.0")).isEqualTo("loop-node");
    assertThat(KubeletContext.imageName("localhost:5000/loopd/operator@sha256:ab"))
        .isEqualTo("operator");
    assertThat(KubeletContext.imageName("control-api")).isEqualTo("control-api");
  }
}
