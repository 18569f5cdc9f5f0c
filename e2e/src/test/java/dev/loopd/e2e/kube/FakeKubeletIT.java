package dev.loopd.e2e.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.e2e.Await;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kubernetes harness on its own, with no loopd operator: a plain Deployment of {@code
 * loopd/loop-node} on a real API server, controller manager and scheduler, its pods run by the
 * {@link FakeKubelet}. The tests run in order on one Deployment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeKubeletIT {

  @RegisterExtension static final KubeLogsOnFailure LOGS = new KubeLogsOnFailure();

  private static final Duration READY = Duration.ofSeconds(180);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static KubeCluster cluster;
  static FakeKubelet kubelet;
  static KubernetesClient client;

  @BeforeAll
  static void up() throws Exception {
    cluster = KubeCluster.start();
    LOGS.watch(cluster::logs);
    Path inPod = cluster.dir().resolve("InPod.java");
    try (var source = FakeKubeletIT.class.getResourceAsStream("InPod.java")) {
      Files.copy(source, inPod);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    kubelet =
        FakeKubelet.start(
            cluster,
            Map.of(
                "in-pod", List.of(java, inPod.toString()),
                "sleeper", List.of("/bin/sleep", "600"),
                "crasher", List.of("/bin/sh", "-c", "exit 3"),
                "stubborn",
                    List.of("/bin/sh", "-c", "trap '' TERM; while true; do sleep 1; done")));
    LOGS.watch(kubelet::logs);
    client = cluster.client();
    Path handler = Files.createDirectories(cluster.dir().resolve("handlers")).resolve("hello.mjs");
    Files.writeString(
        handler,
        "export default async (request, ctx) => ({ hello: request.query.name ?? 'world',"
            + " handler: ctx.handler });\n");
    client
        .configMaps()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("greeting")
                .endMetadata()
                .addToData("word", "hi")
                .build())
        .create();
    client.services().resource(TestObjects.helloService()).create();
    client.apps().deployments().resource(TestObjects.helloDeployment(handler)).create();
  }

  @AfterAll
  static void down() {
    if (kubelet != null) {
      kubelet.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static List<Pod> pods() {
    return client.pods().withLabel("app", "hello").list().getItems();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  private static List<Pod> readyPods() {
    return pods().stream().filter(FakeKubeletIT::ready).toList();
  }

  private static Integer available() {
    Deployment d = client.apps().deployments().withName("hello").get();
    return d.getStatus() == null ? null : d.getStatus().getAvailableReplicas();
  }

  private static ContainerStatus container(Pod pod) {
    return pod.getStatus().getContainerStatuses().getFirst();
  }

  private static long pid(Pod pod) {
    String id = container(pod).getContainerID();
    return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
  }

  private static HttpResponse<String> hello(String ip) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://" + ip + ":8080/h/hello?name=kube"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void aDeploymentScaledToTwoRunsTwoReadyPodsWithTheirOwnAddresses() throws Exception {
    Await.until("the Deployment to have 1 available replica", READY, () -> available() == 1);
    client.apps().deployments().withName("hello").scale(2);
    Await.until("2 pods Running and Ready", READY, () -> readyPods().size() == 2);
    Await.until("the Deployment to count 2 available", READY, () -> available() == 2);

    List<Pod> pods = readyPods();
    List<String> ips = pods.stream().map(p -> p.getStatus().getPodIP()).distinct().toList();
    assertThat(ips).hasSize(2).allMatch(ip -> ip.startsWith("127."));
    assertThat(cluster.kubectl("get", "pods", "-l", "app=hello", "-o", "wide"))
        .contains(ips.get(0))
        .contains(ips.get(1))
        .contains(kubelet.nodeName());
    assertThat(pods)
        .allSatisfy(p -> {
          assertThat(p.getSpec().getNodeName()).isEqualTo(kubelet.nodeName());
          assertThat(container(p).getReady()).isTrue();
          assertThat(container(p).getStarted()).isTrue();
          assertThat(container(p).getState().getRunning()).isNotNull();
        });
  }

  @Test
  @Order(2)
  void eachPodAnswersOnItsOwnAddress() throws Exception {
    for (Pod pod : readyPods()) {
      HttpResponse<String> response = hello(pod.getStatus().getPodIP());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"hello\":\"kube\"").contains("\"handler\":\"hello\"");
    }
  }

  @Test
  @Order(3)
  void argsEnvironmentAndServiceNamesAreResolvedLikeAKubelet() throws Exception {
    Pod pod = readyPods().getFirst();
    String name = pod.getMetadata().getName();
    String ip = pod.getStatus().getPodIP();
    String commandLine =
        Files.readString(Path.of("/proc/" + pid(pod) + "/cmdline")).replace('\0', ' ');
    assertThat(commandLine)
        .contains("serve --host " + ip + " ")
        .contains("--node-id " + name + "-hi");

    String environ =
        new String(Files.readAllBytes(Path.of("/proc/" + pid(pod) + "/environ")))
            .replace('\0', '\n');
    assertThat(environ)
        .contains("HOSTNAME=" + name + "\n")
        .contains("KUBERNETES_MASTER=" + cluster.apiServerUrl() + "\n")
        .contains("KUBERNETES_TRUST_CERTIFICATES=true\n")
        .contains("KUBERNETES_AUTH_TOKEN=ey")
        .contains("-Djdk.net.hosts.file=" + kubelet.hostsFile("default", name));

    List<String> readyIps = readyPods().stream().map(p -> p.getStatus().getPodIP()).toList();
    Await.until(
        "the Service hello to resolve to a ready pod",
        Duration.ofSeconds(30),
        () -> kubelet.serviceAddress("default", "hello").filter(readyIps::contains).isPresent());
    String target = kubelet.serviceAddress("default", "hello").orElseThrow();
    assertThat(Files.readString(kubelet.hostsFile("default", name)))
        .contains(
            target + " hello.default.svc.cluster.local hello.default.svc hello.default hello\n")
        .contains(ip + " " + name + "\n");
  }

  @Test
  @Order(4)
  void aJvmInAPodResolvesServiceNamesAndCallsTheApiServerWithItsToken() throws Exception {
    client
        .pods()
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("in-pod")
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("check")
                .withImage("example.org/loopd/in-pod:1")
                .withArgs("hello", "hello.default.svc.cluster.local")
                .endContainer()
                .endSpec()
                .build())
        .create();
    Await.until(
        "pod in-pod to succeed",
        Duration.ofSeconds(90),
        () -> "Succeeded".equals(client.pods().withName("in-pod").get().getStatus().getPhase()));

    String service = kubelet.serviceAddress("default", "hello").orElseThrow();
    String out = Files.readString(kubelet.log("default", "in-pod", "check"));
    assertThat(out)
        .contains("resolved hello " + service + "\n")
        .contains("resolved hello.default.svc.cluster.local " + service + "\n")
        // a real service-account token: authenticated, then refused by RBAC
        .contains("api 403 ")
        .contains("system:serviceaccount:default:default");
    assertThat(container(client.pods().withName("in-pod").get()).getRestartCount()).isZero();
  }

  @Test
  @Order(5)
  void aKilledProcessIsRestarted() throws Exception {
    Pod victim = readyPods().getFirst();
    String name = victim.getMetadata().getName();
    long pid = pid(victim);
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    Await.until(
        "pod " + name + " to run again after kill -9 of pid " + pid,
        READY,
        () -> {
          Pod pod = client.pods().withName(name).get();
          return ready(pod) && container(pod).getRestartCount() >= 1 && pid(pod) != pid;
        });
    Pod restarted = client.pods().withName(name).get();
    assertThat(container(restarted).getLastState().getTerminated().getExitCode()).isEqualTo(137);
    assertThat(hello(restarted.getStatus().getPodIP()).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void scalingDownStopsOnePodGracefullyAndThePodGoes() throws Exception {
    client.apps().deployments().withName("hello").scale(1);
    Await.until("1 pod left", Duration.ofSeconds(60), () -> pods().size() == 1);

    List<FakeKubelet.Termination> terminations = kubelet.terminations();
    assertThat(terminations).hasSize(1);
    FakeKubelet.Termination stopped = terminations.getFirst();
    assertThat(stopped.killed()).as("stopped by SIGTERM within the grace period").isFalse();
    assertThat(stopped.exitCode()).isZero();
    assertThat(Files.readString(kubelet.log("default", stopped.pod(), "node")))
        .contains("draining on a signal");
    assertThat(ProcessHandle.of(stopped.pid())).isEmpty();
    assertThat(available()).isEqualTo(1);
  }

  @Test
  @Order(7)
  void aMissingConfigMapHoldsTheContainerUntilItExists() throws Exception {
    client
        .pods()
        .resource(
            TestObjects.sleeper(
                "waits",
                c ->
                    c.addNewEnv()
                        .withName("LATER")
                        .withNewValueFrom()
                        .withNewConfigMapKeyRef("x", "later", false)
                        .endValueFrom()
                        .endEnv()))
        .create();
    Await.until(
        "pod waits to report CreateContainerConfigError",
        Duration.ofSeconds(30),
        () -> {
          Pod pod = client.pods().withName("waits").get();
          var waiting = container(pod).getState().getWaiting();
          return "Pending".equals(pod.getStatus().getPhase())
              && waiting != null
              && "CreateContainerConfigError".equals(waiting.getReason())
              && waiting.getMessage().contains("later");
        });
    client
        .configMaps()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("later")
                .endMetadata()
                .addToData("x", "1")
                .build())
        .create();
    Await.until(
        "pod waits to run once its ConfigMap exists",
        Duration.ofSeconds(30),
        () -> ready(client.pods().withName("waits").get()));
  }

  @Test
  @Order(8)
  void aFailingLivenessProbeRestartsTheContainer() throws Exception {
    client
        .pods()
        .resource(
            TestObjects.sleeper(
                "unhealthy",
                c ->
                    c.withNewLivenessProbe()
                        .withNewTcpSocket()
                        .withPort(new IntOrString(1))
                        .endTcpSocket()
                        .withPeriodSeconds(1)
                        .withFailureThreshold(2)
                        .endLivenessProbe()))
        .create();
    Await.until(
        "pod unhealthy to be restarted by its liveness probe",
        Duration.ofSeconds(30),
        () -> container(client.pods().withName("unhealthy").get()).getRestartCount() >= 1);
    ContainerStatus status = container(client.pods().withName("unhealthy").get());
    assertThat(status.getLastState().getTerminated().getExitCode()).as("SIGTERM").isEqualTo(143);
    assertThat(Files.readString(kubelet.dir().resolve("kubelet.log")))
        .contains("default/unhealthy/main: liveness probe failed 2 times");
  }

  @Test
  @Order(9)
  void aCrashingContainerIsRestartedOnceAtOnceThenBacksOff() throws Exception {
    client.pods().resource(TestObjects.pod("crashes", "loopd/crasher", c -> c)).create();
    Await.until(
        "pod crashes to back off after its second exit",
        Duration.ofSeconds(30),
        () -> {
          ContainerStatus s = container(client.pods().withName("crashes").get());
          return s.getState().getWaiting() != null
              && "CrashLoopBackOff".equals(s.getState().getWaiting().getReason());
        });
    ContainerStatus status = container(client.pods().withName("crashes").get());
    assertThat(status.getRestartCount()).isEqualTo(1);
    assertThat(status.getState().getWaiting().getMessage()).startsWith("back-off 10s");
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(status.getReady()).isFalse();
  }

  @Test
  @Order(10)
  void aProcessIgnoringSigtermIsKilledWhenTheGracePeriodEnds() throws Exception {
    client.pods().resource(TestObjects.pod("stubborn", "loopd/stubborn", c -> c)).create();
    Await.until(
        "pod stubborn to run",
        Duration.ofSeconds(30),
        () -> ready(client.pods().withName("stubborn").get()));
    client.pods().withName("stubborn").delete();
    Await.until(
        "pod stubborn to be gone",
        Duration.ofSeconds(30),
        () -> client.pods().withName("stubborn").get() == null);

    FakeKubelet.Termination stopped =
        kubelet.terminations().stream()
            .filter(t -> t.pod().equals("stubborn"))
            .findFirst()
            .orElseThrow();
    assertThat(stopped.killed()).isTrue();
    assertThat(stopped.exitCode()).as("SIGKILL").isEqualTo(137);
    assertThat(stopped.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }
}
