package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import java.util.List;
import java.util.Map;

/**
 * Test scaffolding for {@link FakeKubelet}: the service-account token a container would find at
 * {@code /var/run/secrets/kubernetes.io/serviceaccount/token}, or null when none is mounted there
 * (the pod or its service account turned automounting off). In v1.20 that is a Secret volume of
 * type {@code kubernetes.io/service-account-token}; a projected {@code serviceAccountToken} source
 * is served through the TokenRequest API, as a kubelet does.
 */
final class ServiceAccountToken {

  private ServiceAccountToken() {}

  static String mounted(Pod pod, Container container, String path, KubeletContext ctx)
      throws PodEnvironment.ConfigError {
    String volumeName =
        container.getVolumeMounts().stream()
            .filter(m -> path.equals(m.getMountPath()))
            .map(m -> m.getName())
            .findFirst()
            .orElse(null);
    if (volumeName == null) {
      return null;
    }
    Volume volume =
        pod.getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals(volumeName))
            .findFirst()
            .orElseThrow(
                () -> new PodEnvironment.ConfigError("no volume " + volumeName + " in the pod"));
    String ns = pod.getMetadata().getNamespace();
    if (volume.getSecret() != null) {
      String secret = volume.getSecret().getSecretName();
      Map<String, String> data =
          ctx.lookup()
              .secret(ns, secret)
              .orElseThrow(
                  () -> new PodEnvironment.ConfigError("secret \"" + secret + "\" not found"));
      String token = data.get("token");
      if (token == null) {
        throw new PodEnvironment.ConfigError("secret " + secret + " has no token yet");
      }
      return token;
    }
    if (volume.getProjected() != null) {
      for (VolumeProjection source : volume.getProjected().getSources()) {
        ServiceAccountTokenProjection projection = source.getServiceAccountToken();
        if (projection != null) {
          return request(pod, projection, ctx);
        }
      }
    }
    throw new PodEnvironment.ConfigError(
        "volume " + volumeName + " at " + path + " is neither a token secret nor projected");
  }

  private static String request(
      Pod pod, ServiceAccountTokenProjection projection, KubeletContext ctx) {
    String account = pod.getSpec().getServiceAccountName();
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withAudiences(
                projection.getAudience() == null ? List.of() : List.of(projection.getAudience()))
            .withExpirationSeconds(
                projection.getExpirationSeconds() == null
                    ? 3600L
                    : projection.getExpirationSeconds())
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    return ctx.client()
        .serviceAccounts()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(account == null ? "default" : account)
        .tokenRequest(request)
        .getStatus()
        .getToken();
  }
}
