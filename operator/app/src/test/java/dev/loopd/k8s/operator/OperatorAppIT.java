package dev.loopd.k8s.operator;

import static dev.loopd.k8s.operator.it.OperatorHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.operator.it.OperatorHarness;
import dev.loopd.k8s.testing.KubeApi;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.operator.v1.PoolKey;
import dev.loopd.proto.operator.v1.RuntimeServiceGrpc;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator ({@code target/quarkus-app}, production profile: Quarkus Operator SDK,
 * leader election, gRPC on its own port) run as a process against a real kube-apiserver 1.20.2.
 */
class OperatorAppIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String SYSTEM = "loopd-system";

  static KubeApi kube;
  static KubernetesClient client;
  static Process operator;
  static Path log;
  static int httpPort;
  static int grpcPort;
  static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    Path app = Path.of("target/quarkus-app/quarkus-run.jar");
    assertThat(app).as("the packaged operator (run the package phase first)").exists();
    kube = KubeApi.start();
    client = kube.client();
    kube.apply(new NamespaceBuilder().withNewMetadata().withName(SYSTEM).endMetadata().build());
    httpPort = freePort();
    grpcPort = freePort();
    log = Files.createTempFile(Path.of("target"), "operator-app-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                app.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    var env = pb.environment();
    env.put("KUBECONFIG", kube.kubeconfig().toString());
    env.put("POD_NAME", "loopd-operator-it-0");
    env.put("POD_NAMESPACE", SYSTEM);
    env.put("POD_IP", "127.0.0.1");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
    env.put("QUARKUS_GRPC_SERVER_PORT", Integer.toString(grpcPort));
    env.put("LOOPD_OPERATOR_NODE_IMAGE", "ghcr.io/loopd/loop-node:app-it");
    env.put("LOOPD_OPERATOR_NODE_LIMITS_CPU", "2");
    operator = pb.start();
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      await("the operator ready (/q/health/ready)", WAIT, OperatorAppIT::ready, r -> r);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\noperator log:\n" + Files.readString(log), e);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (operator != null) {
      operator.destroy();
      if (!operator.waitFor(30, TimeUnit.SECONDS)) {
        operator.destroyForcibly();
      }
      // SIGTERM gives the Lease up: a normal stop, not a lost leadership.
      assertThat(Files.readString(log)).doesNotContain("lost the leader Lease");
    }
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void theReplicaHoldsTheLeaderLease() {
    Lease lease =
        await(
            "the Lease",
            WAIT,
            () -> client.leases().inNamespace(SYSTEM).withName("loopd-operator").get(),
            l -> l != null && l.getSpec().getHolderIdentity() != null);
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("loopd-operator-it-0");
  }

  @Test
  void aTenantAndAPoolAppliedWithKubectlGetANamespaceAndADeployment() throws Exception {
    kubectlApply(
        """
        apiVersion: loopd.dev/v1alpha1
        kind: LoopTenant
        metadata:
          name: acme
        """);
    await(
        "the tenant's namespace",
        WAIT,
        () -> client.namespaces().withName("loopd-acme").get(),
        n -> n != null);
    kubectlApply(
        """
        apiVersion: loopd.dev/v1alpha1
        kind: LoopPool
        metadata:
          name: web
          namespace: loopd-acme
        spec:
          replicas: 2
          autoscaling:
            mode: Manual
        """);

    Deployment d =
        await(
            "the pool's Deployment",
            WAIT,
            () -> client.apps().deployments().inNamespace("loopd-acme").withName("web").get(),
            x -> x != null);
    var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("ghcr.io/loopd/loop-node:app-it");
    assertThat(c.getArgs())
        .containsSequence("--control-plane", "loopd-operator.loopd-system.svc:7071")
        .containsSequence("--pool-size", "2"); // from the default CPU limit
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    LoopPool pool =
        await(
            "the pool's status",
            WAIT,
            () -> client.resources(LoopPool.class).inNamespace("loopd-acme").withName("web").get(),
            p -> p.getStatus() != null && p.getStatus().getObservedGeneration() != null);
    assertThat(pool.getStatus().getDesiredNodes()).isEqualTo(2);
    assertThat(client.resources(LoopTenant.class).withName("acme").get().getStatus()).isNotNull();

    // The control API's view of the pool, over RuntimeService on the gRPC port.
    PoolHealth health =
        RuntimeServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .getPoolHealth(PoolKey.newBuilder().setTenant("acme").setPool("web").build());
    assertThat(health.getDesiredNodes()).isEqualTo(2);
  }

  @Test
  void theGrpcPortServesHealthAndReflection() throws Exception {
    HealthCheckResponse health =
        HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

    CompletableFuture<List<String>> services = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse r) {
                    List<String> names = new ArrayList<>();
                    for (ServiceResponse s : r.getListServicesResponse().getServiceList()) {
                      names.add(s.getName());
                    }
                    services.complete(names);
                  }

                  @Override
                  public void onError(Throwable t) {
                    services.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
    assertThat(services.get(10, TimeUnit.SECONDS))
        .contains("loopd.node.v1.NodeSessionService", "loopd.operator.v1.RuntimeService");
    requests.onCompleted();
  }

  static boolean ready() {
    if (!operator.isAlive()) {
      throw new IllegalStateException("the operator exited with " + operator.exitValue());
    }
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void kubectlApply(String yaml) throws Exception {
    Path bin =
        KubeApi.binariesDir().resolve("k8s").resolve(KubeApi.VERSION + "-linux-amd64/kubectl");
    Process p =
        new ProcessBuilder(
                bin.toString(),
                "--kubeconfig",
                kube.kubeconfig().toString(),
                "apply",
                "-f",
                OperatorHarness.writeTemp(yaml).toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
