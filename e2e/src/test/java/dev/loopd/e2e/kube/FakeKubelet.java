package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * <b>Test scaffolding, not a kubelet.</b> A stand-in for the kubelet of one node, so end-to-end
 * tests can run loopd's pods on a real API server without containers: it registers a Node
 * (capacity, allocatable, a Ready condition renewed every 10 s), and for every Pod the scheduler
 * binds to it starts real processes on this machine, one per container, chosen by the image's last
 * path segment without tag ({@code loop-node} is {@code bin/loop-node}; other images get the
 * commands the test passes in). Each pod gets its own loopback address {@code 127.x.y.z} (Linux
 * routes all of 127/8 to {@code lo}) as its IP.
 *
 * <p>Like a kubelet it resolves the containers' environment (values, {@code fieldRef}, {@code
 * secretKeyRef}, {@code configMapKeyRef}, {@code envFrom}) and {@code $(VAR)} in command and args;
 * gives pods with a mounted service-account token {@code KUBERNETES_MASTER}, {@code
 * KUBERNETES_AUTH_TOKEN} and {@code KUBERNETES_TRUST_CERTIFICATES=true} (what Fabric8 reads); runs
 * readiness and liveness probes ({@code httpGet}, {@code tcpSocket}) and patches the Pod's status
 * so Deployments count it available; restarts exited containers per {@code restartPolicy} with
 * back-off; and on deletion runs {@code preStop}, sends SIGTERM, waits the grace period, sends
 * SIGKILL and deletes the Pod with grace 0. Service names resolve through per-pod hosts files
 * ({@link ServiceHosts}).
 *
 * <p>Not done (processes share this machine's file system and network): volumes, init containers,
 * {@code exec} probes and hooks other than {@code sleep}, resource limits, Service port mapping,
 * cluster IPs.
 */
public final class FakeKubelet implements AutoCloseable {

  /** How one container was stopped because its pod was deleted. */
  public record Termination(
      String namespace,
      String pod,
      String container,
      long pid,
      int exitCode,
      boolean killed,
      Duration took) {}

  private static final Path ROOT =
      Path.of(System.getProperty("loopd.root", "..")).toAbsolutePath().normalize();

  private final String nodeName;
  private final Path dir;
  private final KubeletContext ctx;
  private final Map<String, PodRunner> pods = new ConcurrentHashMap<>();
  private final int subnet = ThreadLocalRandom.current().nextInt(100, 200);
  private final AtomicInteger nextHost = new AtomicInteger(2);
  private SharedIndexInformer<Pod> informer;

  private FakeKubelet(String nodeName, Path dir, KubeletContext ctx) {
    this.nodeName = nodeName;
    this.dir = dir;
    this.ctx = ctx;
  }

  /**
   * Registers node {@code fake-node} on {@code cluster} and runs the pods bound to it. {@code
   * images} maps image names (such as {@code control-api}, {@code operator}) to the command that
   * stands for them; {@code loop-node} is {@code <repo>/bin/loop-node} unless given.
   */
  public static FakeKubelet start(KubeCluster cluster, Map<String, List<String>> images)
      throws IOException {
    Map<String, List<String>> commands = new HashMap<>();
    commands.put("loop-node", List.of(ROOT.resolve("bin/loop-node").toString()));
    commands.putAll(images);
    if (!images.containsKey("loop-node")) {
      buildLoopNode();
    }
    Path dir = Files.createDirectories(cluster.dir().resolve("fake-kubelet"));
    KubernetesClient client = cluster.newClient();
    KubeletContext ctx =
        new KubeletContext(
            client,
            Executors.newScheduledThreadPool(
                2, Thread.ofPlatform().name("fake-kubelet-", 0).daemon().factory()),
            new Journal(dir.resolve("kubelet.log")),
            new ServiceHosts(client),
            Map.copyOf(commands),
            cluster.apiServerUrl(),
            cluster.caCertFile(),
            new CopyOnWriteArrayList<>(),
            Files.createDirectories(dir.resolve("pods")));
    FakeKubelet kubelet = new FakeKubelet("fake-node", dir, ctx);
    kubelet.register();
    kubelet.watchPods();
    return kubelet;
  }

  /**
   * {@code bin/loop-node} builds loop-node on first use; do it once here, so that pods starting
   * together do not race to build it.
   */
  private static void buildLoopNode() throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(ROOT.resolve("bin/loop-node").toString(), "version")
            .redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("bin/loop-node version failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building loop-node", e);
    }
  }

  public String nodeName() {
    return nodeName;
  }

  /** Its folder: {@code kubelet.log} and {@code pods/<ns>_<pod>/} (logs, hosts file). */
  public Path dir() {
    return dir;
  }

  /** The containers stopped because their pods were deleted, in order. */
  public List<Termination> terminations() {
    return List.copyOf(ctx.terminations());
  }

  /** The pod IP that {@code <service>.<namespace>} resolves to in the pods now, if any. */
  public Optional<String> serviceAddress(String namespace, String service) {
    return ctx.hosts().address(namespace, service);
  }

  /** The log file of a container of a pod (all its runs, restarts included). */
  public Path log(String namespace, String pod, String container) {
    return ctx.podsDir().resolve(namespace + "_" + pod).resolve(container + ".log");
  }

  /** The hosts file the pod's JVMs resolve names with. */
  public Path hostsFile(String namespace, String pod) {
    return ctx.podsDir().resolve(namespace + "_" + pod).resolve("hosts");
  }

  private void register() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(nodeName)
            .addToLabels("kubernetes.io/hostname", nodeName)
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("kubernetes.io/arch", "amd64")
            .endMetadata()
            .withStatus(nodeStatus())
            .build();
    ctx.client().nodes().resource(node).create();
    heartbeat();
    ctx.timers().scheduleWithFixedDelay(this::heartbeat, 10, 10, TimeUnit.SECONDS);
    ctx.journal().log("node %s registered", nodeName);
  }

  private void heartbeat() {
    try {
      String json =
          ctx.client().getKubernetesSerialization().asJson(Map.of("status", nodeStatus()));
      ctx.client()
          .nodes()
          .withName(nodeName)
          .status()
          .patch(PatchContext.of(PatchType.JSON_MERGE), json);
    } catch (KubernetesClientException e) {
      ctx.journal().log("node heartbeat failed: %s", e.getMessage());
    }
  }

  private NodeStatus nodeStatus() {
    Map<String, Quantity> resources =
        Map.of(
            "cpu", new Quantity("32"),
            "memory", new Quantity("128Gi"),
            "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("100Gi"));
    String now = ContainerRunner.time(Instant.now());
    List<NodeCondition> conditions = new ArrayList<>();
    conditions.add(condition("Ready", "True", "KubeletReady", now));
    for (String pressure : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
      conditions.add(condition(pressure, "False", "KubeletHasNo" + pressure, now));
    }
    return new NodeStatusBuilder()
        .withCapacity(resources)
        .withAllocatable(resources)
        .withConditions(conditions)
        .addNewAddress("127.0.0.1", "InternalIP")
        .addNewAddress(nodeName, "Hostname")
        .withNewNodeInfo()
        .withKubeletVersion("v1.20.2")
        .withKubeProxyVersion("v1.20.2")
        .withOperatingSystem("linux")
        .withArchitecture("amd64")
        .withContainerRuntimeVersion("fake-kubelet://1")
        .withOsImage("loopd e2e fake kubelet")
        .endNodeInfo()
        .build();
  }

  private static NodeCondition condition(String type, String status, String reason, String now) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .build();
  }

  private void watchPods() {
    informer =
        ctx.client()
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", nodeName)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    sync(pod);
                  }

                  @Override
                  public void onUpdate(Pod before, Pod after) {
                    sync(after);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknown) {
                    PodRunner runner = pods.remove(pod.getMetadata().getUid());
                    if (runner != null) {
                      Thread.ofVirtual().start(() -> runner.kill(2));
                    }
                  }
                },
                0);
  }

  private void sync(Pod pod) {
    String uid = pod.getMetadata().getUid();
    PodRunner runner = pods.get(uid);
    if (runner != null) {
      runner.update(pod);
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return;
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      ctx.client().pods().resource(pod).withGracePeriod(0).delete();
      return;
    }
    try {
      PodRunner created = new PodRunner(ctx, pod, nextIp());
      pods.put(uid, created);
      Thread.ofVirtual().start(created::start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String nextIp() {
    int n = nextHost.getAndIncrement();
    return "127." + subnet + "." + (n / 250) + "." + (n % 250 + 2);
  }

  /** The end of the kubelet's journal and of every container's log. */
  public String logs() {
    StringBuilder out = new StringBuilder("--- fake kubelet in ").append(dir).append('\n');
    out.append(LoggedProcess.tail(ctx.journal().file(), 40));
    try (Stream<Path> podDirs = Files.list(ctx.podsDir())) {
      for (Path pod : podDirs.sorted().toList()) {
        try (Stream<Path> logs = Files.list(pod)) {
          logs.filter(f -> f.toString().endsWith(".log"))
              .sorted()
              .forEach(f -> out.append(LoggedProcess.tail(f, 15)));
        }
      }
    } catch (IOException ignored) {
      // no pods yet
    }
    return out.toString();
  }

  /** Stops every pod's processes (5 s grace), the watches and the heartbeat. */
  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    List<Thread> stops = new ArrayList<>();
    for (PodRunner runner : pods.values()) {
      stops.add(Thread.ofVirtual().start(() -> runner.kill(5)));
    }
    for (Thread t : stops) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pods.clear();
    ctx.timers().shutdownNow();
    ctx.hosts().close();
    ctx.client().close();
  }
}
