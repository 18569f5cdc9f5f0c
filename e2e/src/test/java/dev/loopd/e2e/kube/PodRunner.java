package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test scaffolding for {@link FakeKubelet}: one pod bound to the fake node. It owns the pod's
 * loopback address, folder and hosts file, builds its containers' environment and commands, keeps
 * the Pod's status subresource up to date (phase, podIP, conditions, containerStatuses), and ends
 * the pod like a kubelet when it is deleted: containers stopped within the grace period, then the
 * Pod deleted with grace 0.
 */
final class PodRunner {

  private static final String TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

  private final KubeletContext ctx;
  private final String ip;
  private final Path dir;
  private final Path hostsFile;
  private final String startTime = ContainerRunner.time(Instant.now());
  private final List<ContainerRunner> containers = new ArrayList<>();
  private final AtomicBoolean terminating = new AtomicBoolean();
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final Map<String, String[]> conditions = new HashMap<>();
  private volatile Pod pod;
  private String published;

  PodRunner(KubeletContext ctx, Pod pod, String ip) throws IOException {
    this.ctx = ctx;
    this.pod = pod;
    this.ip = ip;
    this.dir = Files.createDirectories(ctx.podsDir().resolve(namespace() + "_" + name()));
    this.hostsFile = ctx.hosts().register(key(), namespace(), name(), ip, dir.resolve("hosts"));
    for (Container c : pod.getSpec().getContainers()) {
      containers.add(new ContainerRunner(this, c, ctx));
    }
  }

  String namespace() {
    return pod.getMetadata().getNamespace();
  }

  String name() {
    return pod.getMetadata().getName();
  }

  String key() {
    return namespace() + "/" + name();
  }

  String ip() {
    return ip;
  }

  Path dir() {
    return dir;
  }

  void start() {
    ctx.journal().log("%s: admitted with IP %s, folder %s", key(), ip, dir);
    statusChanged();
    containers.forEach(ContainerRunner::start);
  }

  /** A newer version of the Pod: a deletion timestamp starts the graceful termination. */
  void update(Pod newer) {
    pod = newer;
    if (newer.getMetadata().getDeletionTimestamp() != null) {
      terminate();
    }
  }

  long gracePeriodSeconds() {
    Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (grace == null) {
      grace = pod.getSpec().getTerminationGracePeriodSeconds();
    }
    return grace == null ? 30 : grace;
  }

  boolean restarts(int exitCode) {
    String policy = pod.getSpec().getRestartPolicy();
    return policy == null
        || policy.equals("Always")
        || (policy.equals("OnFailure") && exitCode != 0);
  }

  /** Deleted through the API: stop within the grace period, then delete the Pod with grace 0. */
  void terminate() {
    if (!terminating.compareAndSet(false, true)) {
      return;
    }
    long grace = gracePeriodSeconds();
    ctx.journal().log("%s: deleted, stopping within %d s", key(), grace);
    statusChanged();
    Thread.ofVirtual()
        .start(() -> {
          stopContainers(Instant.now().plusSeconds(grace));
          publish();
          try {
            ctx.client()
                .pods()
                .inNamespace(namespace())
                .withName(name())
                .withGracePeriod(0)
                .delete();
            ctx.journal().log("%s: stopped, Pod deleted", key());
          } catch (KubernetesClientException e) {
            ctx.journal().log("%s: could not delete the Pod: %s", key(), e.getMessage());
          }
          ctx.hosts().unregister(key());
        });
  }

  /** The Pod is gone (or the kubelet stops): stop the processes now, with a short grace. */
  void kill(long graceSeconds) {
    terminating.set(true);
    stopContainers(Instant.now().plusSeconds(graceSeconds));
    ctx.hosts().unregister(key());
  }

  private void stopContainers(Instant deadline) {
    List<Thread> stops = new ArrayList<>();
    for (ContainerRunner c : containers) {
      stops.add(Thread.ofVirtual().start(() -> c.stop(deadline)));
    }
    for (Thread t : stops) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The process environment of {@code container}, as its image would see it in a pod. */
  Map<String, String> environment(Container container) throws PodEnvironment.ConfigError {
    Map<String, String> env = new LinkedHashMap<>();
    for (String inherited : List.of("PATH", "HOME", "LANG", "USER", "TMPDIR")) {
      if (System.getenv(inherited) != null) {
        env.put(inherited, System.getenv(inherited));
      }
    }
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("HOSTNAME", name());
    // Fabric8 (and Quarkus' kubernetes-client) read these; never a developer's ~/.kube/config.
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    String token = ServiceAccountToken.mounted(pod, container, TOKEN_PATH, ctx);
    if (token != null) {
      env.put("KUBERNETES_MASTER", ctx.apiServerUrl());
      env.put("KUBERNETES_AUTH_TOKEN", token);
      env.put("KUBERNETES_TRUST_CERTIFICATES", "true");
      env.put("KUBERNETES_CERTS_CA_FILE", ctx.caCertFile().toString());
      env.put("KUBERNETES_NAMESPACE", namespace());
    }
    Map<String, String> own = PodEnvironment.resolve(pod, container, ip, ctx.lookup());
    env.putAll(own);
    String jvm =
        "-Djdk.net.hosts.file="
            + hostsFile
            + " -Dsun.net.inetaddr.ttl=1 -Dsun.net.inetaddr.negative.ttl=0"
            + " -Dvertx.disableDnsResolver=true";
    String podOptions = own.get("JAVA_TOOL_OPTIONS");
    env.put("JAVA_TOOL_OPTIONS", podOptions == null ? jvm : jvm + " " + podOptions);
    return env;
  }

  /**
   * The image's command, then the container's {@code command} without its first word (the image's
   * binary) and its {@code args}, expanded against {@code env}.
   */
  List<String> command(Container container, Map<String, String> env)
      throws KubeletContext.UnknownImage {
    List<String> argv = new ArrayList<>(ctx.entrypoint(container.getImage()));
    List<String> command = container.getCommand();
    if (!command.isEmpty()) {
      argv.addAll(PodEnvironment.expandAll(command.subList(1, command.size()), env));
    }
    argv.addAll(PodEnvironment.expandAll(container.getArgs(), env));
    return argv;
  }

  /** Something changed: patch the status soon (changes close together make one patch). */
  void statusChanged() {
    if (dirty.compareAndSet(false, true)) {
      ctx.timers().schedule(this::publish, 50, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void publish() {
    dirty.set(false);
    String json = ctx.client().getKubernetesSerialization().asJson(Map.of("status", status()));
    if (json.equals(published)) {
      return;
    }
    try {
      ctx.client()
          .pods()
          .inNamespace(namespace())
          .withName(name())
          .status()
          .patch(PatchContext.of(PatchType.JSON_MERGE), json);
      published = json;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        ctx.journal().log("%s: status patch failed, retrying: %s", key(), e.getMessage());
        ctx.timers().schedule(this::statusChanged, 1, TimeUnit.SECONDS);
      }
    }
  }

  private PodStatus status() {
    List<ContainerStatus> statuses = containers.stream().map(ContainerRunner::status).toList();
    boolean ready = !terminating.get() && containers.stream().allMatch(ContainerRunner::ready);
    String phase;
    if (containers.stream().allMatch(ContainerRunner::ended)) {
      phase = containers.stream().allMatch(c -> c.endedExitCode() == 0) ? "Succeeded" : "Failed";
    } else if (containers.stream().anyMatch(ContainerRunner::everStarted)) {
      phase = "Running";
    } else {
      phase = "Pending";
    }
    return new PodStatusBuilder()
        .withPhase(phase)
        .withHostIP("127.0.0.1")
        .withPodIP(ip)
        .withPodIPs(new PodIP(ip))
        .withStartTime(startTime)
        .withConditions(
            condition("Initialized", true),
            condition("Ready", ready),
            condition("ContainersReady", ready),
            condition("PodScheduled", true))
        .withContainerStatuses(statuses)
        .build();
  }

  /** A condition whose lastTransitionTime stays put while its status does not change. */
  private PodCondition condition(String type, boolean value) {
    String status = value ? "True" : "False";
    String[] known = conditions.get(type);
    if (known == null || !known[0].equals(status)) {
      known = new String[] {status, ContainerRunner.time(Instant.now())};
      conditions.put(type, known);
    }
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withLastTransitionTime(known[1])
        .build();
  }
}
