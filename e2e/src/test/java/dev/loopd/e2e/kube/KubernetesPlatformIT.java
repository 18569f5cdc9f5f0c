package dev.loopd.e2e.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.e2e.Await;
import dev.loopd.e2e.ClosedLoopLoad;
import dev.loopd.proto.control.v1.CreateTokenRequest;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * loopd on Kubernetes end to end, nothing faked but the kubelet: {@code helm install} of the chart
 * on a real control plane, the operator and the control API as processes of their pods (their
 * {@code quarkus-app} builds), {@code kubectl apply} of a tenant, a pool and a handler, invocations
 * through the control API, and the autoscaler moving the pool's Deployment under load and back.
 *
 * <p>Needs {@code control-api/target/quarkus-app} and {@code operator/app/target/quarkus-app} (or
 * {@code -Dloopd.control-api.app=DIR}, {@code -Dloopd.operator.app=DIR}). Run it alone with {@code
 * -Dit.test=KubernetesPlatformIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesPlatformIT {

  @RegisterExtension static final KubeLogsOnFailure LOGS = new KubeLogsOnFailure();

  private static final Path ROOT =
      Path.of(System.getProperty("loopd.root", "..")).toAbsolutePath().normalize();
  private static final String RELEASE_NS = "loopd";
  private static final String TENANT_NS = "loopd-demo";
  private static final Duration START = Duration.ofSeconds(300);

  static KubeCluster cluster;
  static FakeKubelet kubelet;
  static KubernetesClient client;
  static ManagedChannel channel;
  static InvokeServiceGrpc.InvokeServiceBlockingStub invoke;
  static InvokeServiceGrpc.InvokeServiceFutureStub invokeAsync;

  @BeforeAll
  static void up() throws Exception {
    List<String> controlApi = quarkusApp("loopd.control-api.app", "control-api");
    List<String> operator = quarkusApp("loopd.operator.app", "operator/app");
    cluster = KubeCluster.start();
    LOGS.watch(cluster::logs);
    kubelet = FakeKubelet.start(cluster, Map.of("control-api", controlApi, "operator", operator));
    LOGS.watch(kubelet::logs);
    client = cluster.client();
    helm(
        "install",
        "loopd",
        ROOT.resolve("helm/loopd").toString(),
        "--namespace",
        RELEASE_NS,
        "--create-namespace",
        "--set",
        "image.tag=e2e");
    for (String app : List.of("loopd-operator", "loopd-control-api")) {
      Await.until(
          "Deployment " + app + " to be available", START, () -> available(RELEASE_NS, app) >= 1);
    }
  }

  @AfterAll
  static void down() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (kubelet != null) {
      kubelet.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** {@code java -jar <app>/quarkus-run.jar}, or a failure saying how to build it. */
  private static List<String> quarkusApp(String property, String module) {
    Path app =
        Path.of(
            System.getProperty(
                property, ROOT.resolve(module).resolve("target/quarkus-app").toString()));
    if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
      throw new IllegalStateException(
          "no "
              + app.resolve("quarkus-run.jar")
              + ": build it with ./mvnw -pl "
              + module
              + " -am package -DskipTests (or point -D"
              + property
              + " at a quarkus-app folder)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-jar", app.resolve("quarkus-run.jar").toString());
  }

  private static void helm(String... args) throws IOException, InterruptedException {
    Process which = new ProcessBuilder(ROOT.resolve("tools/helm.sh").toString()).start();
    String helm = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(which.waitFor()).as("tools/helm.sh").isZero();
    List<String> command =
        new ArrayList<>(List.of(helm, "--kubeconfig", cluster.kubeconfig().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("helm " + String.join(" ", args) + " failed:\n" + out);
    }
  }

  private static int available(String namespace, String deployment) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    return d == null || d.getStatus() == null || d.getStatus().getAvailableReplicas() == null
        ? 0
        : d.getStatus().getAvailableReplicas();
  }

  private static <S extends AbstractStub<S>> S bearer(S stub, String token) {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static InvokeResponse invoke(String handler) {
    return invoke
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .invoke(InvokeRequest.newBuilder().setHandler(handler).build());
  }

  @Test
  @Order(1)
  void aPoolAndHandlerAppliedWithKubectlAnswerThroughTheControlApi() throws Exception {
    cluster.kubectl("apply", "-f", ROOT.resolve("k8s/examples/00-tenant.yaml").toString());
    Await.until(
        "the operator to create the tenant's namespace " + TENANT_NS,
        Duration.ofSeconds(60),
        () -> client.namespaces().withName(TENANT_NS).get() != null);
    Path manifests = cluster.dir().resolve("burst.yaml");
    Files.writeString(
        manifests,
        POOL_AND_HANDLER.formatted(
            Files.readString(ROOT.resolve("examples/handlers/busy.mjs")).indent(4)));
    cluster.kubectl("apply", "-f", manifests.toString());

    String address =
        kubelet.serviceAddress(RELEASE_NS, "loopd-control-api").orElseThrow() + ":7070";
    channel = Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
    String admin =
        new String(
            Base64.getDecoder()
                .decode(
                    client
                        .secrets()
                        .inNamespace(RELEASE_NS)
                        .withName("loopd-admin-token")
                        .get()
                        .getData()
                        .get("token")),
            StandardCharsets.UTF_8);
    // The control API reads tenants from its informers: the one kubectl just applied shows up there
    // a moment later (NOT_FOUND until then), as with any Kubernetes controller.
    String[] token = new String[1];
    Await.until(
        "the control API to know tenant demo and make it a token",
        Duration.ofSeconds(60),
        () -> {
          token[0] =
              bearer(TenantServiceGrpc.newBlockingStub(channel), admin)
                  .withDeadlineAfter(30, TimeUnit.SECONDS)
                  .createToken(
                      CreateTokenRequest.newBuilder()
                          .setTenant("demo")
                          .setDescription("e2e")
                          .build())
                  .getSecret();
          return true;
        });
    invoke = bearer(InvokeServiceGrpc.newBlockingStub(channel), token[0]);
    invokeAsync = bearer(InvokeServiceGrpc.newFutureStub(channel), token[0]);

    Await.until(
        "busy to answer through the control API", START, () -> invoke("busy").getStatus() == 200);
    InvokeResponse response = invoke("busy");
    assertThat(response.getBody().toStringUtf8()).contains("busyMs");
    List<String> pods =
        client.pods().inNamespace(TENANT_NS).list().getItems().stream()
            .map(p -> p.getMetadata().getName())
            .toList();
    assertThat(pods).contains(response.getNodeId());
  }

  @Test
  @Order(2)
  void loadRaisesTheReplicasWithNoFailedRequest() throws Exception {
    InvokeRequest request = InvokeRequest.newBuilder().setHandler("busy").build();
    ClosedLoopLoad load = ClosedLoopLoad.start(invokeAsync, request, 7, Duration.ofMillis(80));
    try (load) {
      Await.until(
          "the pool's Deployment to have 2 available nodes under load",
          START,
          () -> available(TENANT_NS, "burst") >= 2);
    }
    assertThat(load.failures()).as("failed requests (of %d ok)", load.succeeded()).isEmpty();
  }

  @Test
  @Order(3)
  void theReplicasComeBackDownAfterTheLoad() throws Exception {
    Await.until(
        "the pool to come back to 1 node after the load",
        START,
        () -> {
          Deployment d = client.apps().deployments().inNamespace(TENANT_NS).withName("burst").get();
          List<Pod> pods = client.pods().inNamespace(TENANT_NS).list().getItems();
          return d.getSpec().getReplicas() == 1 && pods.size() == 1;
        });
    assertThat(invoke("busy").getStatus()).isEqualTo(200);
  }

  private static final String POOL_AND_HANDLER =
      """
      apiVersion: loopd.dev/v1alpha1
      kind: LoopPool
      metadata:
        name: burst
        namespace: loopd-demo
      spec:
        minNodes: 1
        maxNodes: 3
        autoscaling:
          mode: Auto
          targetElu: 0.5
          stableWindow: 10s
          panicWindow: 2s
          scaleDownDelay: 0s
      ---
      apiVersion: loopd.dev/v1alpha1
      kind: LoopHandler
      metadata:
        name: busy
        namespace: loopd-demo
      spec:
        pool: burst
        source: |
      %s
      """;
}
