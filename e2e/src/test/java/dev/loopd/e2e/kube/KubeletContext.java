package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Test scaffolding for {@link FakeKubelet}: what its pod and container runners share: the API
 * client, timers, the journal, the hosts files, the image to command table, the API server's
 * address for in-cluster clients, and the record of terminations.
 */
record KubeletContext(
    KubernetesClient client,
    ScheduledExecutorService timers,
    Journal journal,
    ServiceHosts hosts,
    Map<String, List<String>> images,
    String apiServerUrl,
    Path caCertFile,
    List<FakeKubelet.Termination> terminations,
    Path podsDir) {

  /** A container image the kubelet has no command for. */
  static final class UnknownImage extends Exception {
    UnknownImage(String message) {
      super(message);
    }
  }

  /** The command that stands for {@code image}, chosen by its last path segment without tag. */
  List<String> entrypoint(String image) throws UnknownImage {
    List<String> command = images.get(imageName(image));
    if (command == null) {
      throw new UnknownImage(
          "the fake kubelet has no command for image "
              + image
              + " ("
              + imageName(image)
              + "); it runs "
              + images.keySet());
    }
    return command;
  }

  /** {@code ghcr.io/loopd/loop-node:0.1.0@sha256:...} → {@code loop-node}. */
  static String imageName(String image) {
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    s = s.substring(s.lastIndexOf('/') + 1);
    int colon = s.indexOf(':');
    return colon >= 0 ? s.substring(0, colon) : s;
  }

  /** Secrets (decoded) and ConfigMaps read from the API server. */
  PodEnvironment.Lookup lookup() {
    return new PodEnvironment.Lookup() {
      @Override
      public Optional<Map<String, String>> secret(String namespace, String name) {
        Secret s = client.secrets().inNamespace(namespace).withName(name).get();
        if (s == null) {
          return Optional.empty();
        }
        Map<String, String> data = new HashMap<>();
        if (s.getData() != null) {
          s.getData()
              .forEach((k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        return Optional.of(data);
      }

      @Override
      public Optional<Map<String, String>> configMap(String namespace, String name) {
        ConfigMap c = client.configMaps().inNamespace(namespace).withName(name).get();
        return c == null
            ? Optional.empty()
            : Optional.of(c.getData() == null ? Map.of() : Map.copyOf(c.getData()));
      }
    };
  }
}
