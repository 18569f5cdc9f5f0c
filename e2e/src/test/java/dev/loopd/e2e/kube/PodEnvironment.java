package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test scaffolding for {@link FakeKubelet}: a container's environment and the {@code $(VAR)}
 * expansion of its command and args, resolved the way a kubelet does: {@code envFrom} first, then
 * {@code env} in order, each value expanded against the variables defined before it; {@code
 * fieldRef} (name, namespace, uid, labels, annotations, node name, service account, pod and host
 * IP), {@code secretKeyRef} and {@code configMapKeyRef} (honouring {@code optional}). A missing
 * required reference is a {@link ConfigError}, which the kubelet reports as {@code
 * CreateContainerConfigError} and retries.
 */
final class PodEnvironment {

  /** Reads the data of Secrets (decoded) and ConfigMaps in the pod's namespace. */
  interface Lookup {
    Optional<Map<String, String>> secret(String namespace, String name);

    Optional<Map<String, String>> configMap(String namespace, String name);
  }

  /** A reference that cannot be resolved (the container cannot start yet). */
  static final class ConfigError extends Exception {
    ConfigError(String message) {
      super(message);
    }
  }

  private static final Pattern FIELD_KEY =
      Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private PodEnvironment() {}

  /** The container's own variables ({@code envFrom}, {@code env}), resolved and expanded. */
  static Map<String, String> resolve(Pod pod, Container container, String podIp, Lookup lookup)
      throws ConfigError {
    String ns = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      Optional<Map<String, String>> data;
      String what;
      boolean optional;
      if (from.getSecretRef() != null) {
        what = "secret " + from.getSecretRef().getName();
        data = lookup.secret(ns, from.getSecretRef().getName());
        optional = Boolean.TRUE.equals(from.getSecretRef().getOptional());
      } else if (from.getConfigMapRef() != null) {
        what = "configmap " + from.getConfigMapRef().getName();
        data = lookup.configMap(ns, from.getConfigMapRef().getName());
        optional = Boolean.TRUE.equals(from.getConfigMapRef().getOptional());
      } else {
        continue;
      }
      if (data.isEmpty() && !optional) {
        throw new ConfigError(what + " not found (envFrom)");
      }
      data.orElse(Map.of()).forEach((k, v) -> env.put(prefix + k, v));
    }
    for (EnvVar var : container.getEnv()) {
      if (var.getValueFrom() == null) {
        env.put(var.getName(), expand(var.getValue() == null ? "" : var.getValue(), env));
        continue;
      }
      Optional<String> value = valueFrom(pod, var, podIp, lookup);
      if (value.isPresent()) {
        env.put(var.getName(), value.get());
      }
    }
    return env;
  }

  private static Optional<String> valueFrom(Pod pod, EnvVar var, String podIp, Lookup lookup)
      throws ConfigError {
    String ns = pod.getMetadata().getNamespace();
    var from = var.getValueFrom();
    if (from.getFieldRef() != null) {
      return Optional.of(field(pod, from.getFieldRef(), podIp));
    }
    if (from.getSecretKeyRef() != null) {
      SecretKeySelector ref = from.getSecretKeyRef();
      return key(
          "secret",
          ref.getName(),
          ref.getKey(),
          ref.getOptional(),
          lookup.secret(ns, ref.getName()));
    }
    if (from.getConfigMapKeyRef() != null) {
      ConfigMapKeySelector ref = from.getConfigMapKeyRef();
      return key(
          "configmap",
          ref.getName(),
          ref.getKey(),
          ref.getOptional(),
          lookup.configMap(ns, ref.getName()));
    }
    throw new ConfigError(
        "env "
            + var.getName()
            + ": the fake kubelet does not resolve "
            + from
            + " (resourceFieldRef)");
  }

  private static Optional<String> key(
      String kind, String name, String key, Boolean optional, Optional<Map<String, String>> data)
      throws ConfigError {
    Optional<String> value = data.map(d -> d.get(key));
    if (value.isEmpty() && !Boolean.TRUE.equals(optional)) {
      throw new ConfigError(
          data.isEmpty()
              ? kind + " \"" + name + "\" not found"
              : "couldn't find key " + key + " in " + kind + " " + name);
    }
    return value;
  }

  private static String field(Pod pod, ObjectFieldSelector ref, String podIp) throws ConfigError {
    var meta = pod.getMetadata();
    String path = ref.getFieldPath();
    switch (path) {
      case "metadata.name":
        return meta.getName();
      case "metadata.namespace":
        return meta.getNamespace();
      case "metadata.uid":
        return meta.getUid();
      case "spec.nodeName":
        return pod.getSpec().getNodeName();
      case "spec.serviceAccountName":
        return pod.getSpec().getServiceAccountName();
      case "status.podIP":
        return podIp;
      case "status.hostIP":
        return "127.0.0.1";
      default:
        Matcher m = FIELD_KEY.matcher(path);
        if (m.matches()) {
          Map<String, String> map =
              m.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
          return map == null ? "" : map.getOrDefault(m.group(2), "");
        }
        throw new ConfigError("the fake kubelet does not resolve fieldRef " + path);
    }
  }

  /** {@code command} then {@code args}, each expanded against {@code env} like a kubelet. */
  static List<String> expandAll(List<String> values, Map<String, String> env) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add(expand(v, env));
    }
    return out;
  }

  /**
   * Kubernetes' expansion: {@code $(NAME)} becomes the value of NAME when it is defined and stays
   * as written when not; {@code $$} is an escaped {@code $}; any other {@code $} is literal.
   */
  static String expand(String input, Map<String, String> env) {
    StringBuilder out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 == input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(') {
        int close = input.indexOf(')', i + 2);
        if (close < 0) {
          out.append(input, i, input.length());
          break;
        }
        String name = input.substring(i + 2, close);
        String value = env.get(name);
        out.append(value != null ? value : input.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
