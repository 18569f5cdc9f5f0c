package dev.loopd.e2e.kube;

import dev.loopd.e2e.Await;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
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
import java.util.UUID;

/**
 * Test scaffolding: a real Kubernetes v1.20.2 control plane on this machine for one test class:
 * etcd, kube-apiserver, kube-controller-manager and kube-scheduler, each a real process with its
 * own folder and free ports (nothing listens on the default ports, so several clusters can run side
 * by side). The API server serves its own self-signed certificate and admits a static admin token
 * (group {@code system:masters}); service-account tokens are signed with a key made here, so the
 * controller manager creates the pods of Deployments. There is no kubelet: add a {@link
 * FakeKubelet} to run pods.
 *
 * <p>The binaries come from {@code tools/k8s-test-env.sh}: system property {@code loopd.kube.dir}
 * (or env {@code KUBE_API_TEST_DIR}) is the folder above {@code k8s/}. {@link #logs()} is the end
 * of every component's log; {@link #close()} stops them (SIGTERM, then SIGKILL).
 */
public final class KubeCluster implements AutoCloseable {

  static final String BINARIES = "k8s/1.20.2-linux-amd64";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path dir;
  private final Path bin;
  private final String token = UUID.randomUUID().toString();
  private final List<LoggedProcess> processes = new ArrayList<>();
  private String etcdUrl;
  private int apiPort;
  private KubernetesClient client;

  private KubeCluster(Path dir, Path bin) {
    this.dir = dir;
    this.bin = bin;
  }

  /** Starts the control plane; fails with the components' logs when a part does not come up. */
  public static KubeCluster start() throws Exception {
    KubeCluster cluster = new KubeCluster(Files.createTempDirectory("loopd-kube-"), binaries());
    try {
      cluster.startEtcd();
      cluster.startApiServer();
      cluster.startControllerManager();
      cluster.startScheduler();
      return cluster;
    } catch (Throwable e) {
      String logs = cluster.logs();
      cluster.close();
      throw new AssertionError("the Kubernetes control plane did not start: " + e + "\n" + logs, e);
    }
  }

  /** Where {@code tools/k8s-test-env.sh} put the binaries, or a failure saying how to get them. */
  static Path binaries() {
    String root = System.getProperty("loopd.kube.dir", System.getenv("KUBE_API_TEST_DIR"));
    String how =
        "run tools/k8s-test-env.sh (it prints .../"
            + BINARIES
            + ") and pass the folder above k8s/ as -Dloopd.kube.dir=... or KUBE_API_TEST_DIR";
    if (root == null || root.isBlank()) {
      throw new IllegalStateException("no Kubernetes binaries configured: " + how);
    }
    Path bin = Path.of(root).resolve(BINARIES);
    for (String b :
        List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
      if (!Files.isExecutable(bin.resolve(b))) {
        throw new IllegalStateException("no executable " + bin.resolve(b) + ": " + how);
      }
    }
    return bin;
  }

  private void startEtcd() throws Exception {
    int client = freePort();
    int peer = freePort();
    start(
        "etcd",
        bin.resolve("etcd").toString(),
        "--name=e2e",
        "--data-dir=" + dir.resolve("etcd/data"),
        "--listen-client-urls=http://127.0.0.1:" + client,
        "--advertise-client-urls=http://127.0.0.1:" + client,
        "--listen-peer-urls=http://127.0.0.1:" + peer,
        "--initial-advertise-peer-urls=http://127.0.0.1:" + peer,
        "--initial-cluster=e2e=http://127.0.0.1:" + peer);
    etcdUrl = "http://127.0.0.1:" + client;
    HttpClient http = HttpClient.newHttpClient();
    Await.until(
        "etcd to answer on " + etcdUrl + "/health",
        START_TIMEOUT,
        () -> running() && get(http, etcdUrl + "/health", null).contains("\"health\":\"true\""),
        this::logs);
  }

  private void startApiServer() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("kube-apiserver"));
    Path tokens = certs.resolve("tokens.csv");
    Files.writeString(tokens, token + ",admin,admin,\"system:masters\"\n");
    Path key = ServiceAccountKey.write(certs.resolve("service-account.key"));
    apiPort = freePort();
    start(
        "kube-apiserver",
        bin.resolve("kube-apiserver").toString(),
        "--etcd-servers=" + etcdUrl,
        "--cert-dir=" + certs,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + apiPort,
        "--insecure-port=0",
        "--endpoint-reconciler-type=none",
        "--token-auth-file=" + tokens,
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + key,
        "--service-account-signing-key-file=" + key,
        "--service-cluster-ip-range=10.96.0.0/16",
        "--allow-privileged=true",
        "--enable-priority-and-fairness=false",
        "--profiling=false");
    Path ca = caCertFile();
    Await.until(
        "kube-apiserver to be ready on " + apiServerUrl() + "/readyz",
        START_TIMEOUT,
        () ->
            running()
                && Files.exists(ca)
                && get(Tls.trusting(ca), apiServerUrl() + "/readyz", token).equals("ok"),
        this::logs);
    Files.writeString(kubeconfig(), kubeconfigText());
    client = newClient();
  }

  private void startControllerManager() throws Exception {
    start(
        "kube-controller-manager",
        bin.resolve("kube-controller-manager").toString(),
        "--kubeconfig=" + kubeconfig(),
        "--leader-elect=false",
        "--service-account-private-key-file=" + dir.resolve("kube-apiserver/service-account.key"),
        "--root-ca-file=" + caCertFile(),
        "--cert-dir=" + Files.createDirectories(dir.resolve("kube-controller-manager")),
        "--bind-address=127.0.0.1",
        "--port=0",
        "--secure-port=0",
        // Endpoints refuse the fake kubelet's loopback pod IPs; ServiceHosts does their job.
        "--controllers=*,-endpoint,-endpointslice,-endpointslicemirroring",
        "--profiling=false");
    // Pods of Deployments need the namespace's service account and its token secret.
    Await.until(
        "kube-controller-manager to create the default service account's token",
        START_TIMEOUT,
        () -> {
          running();
          ServiceAccount sa =
              client.serviceAccounts().inNamespace("default").withName("default").get();
          return sa != null && !sa.getSecrets().isEmpty();
        },
        this::logs);
  }

  private void startScheduler() throws Exception {
    start(
        "kube-scheduler",
        bin.resolve("kube-scheduler").toString(),
        "--kubeconfig=" + kubeconfig(),
        "--leader-elect=false",
        "--cert-dir=" + Files.createDirectories(dir.resolve("kube-scheduler")),
        "--bind-address=127.0.0.1",
        "--port=0",
        "--secure-port=0",
        "--profiling=false");
  }

  /** True, or an AssertionError (which ends a wait at once) when a component has exited. */
  private boolean running() {
    for (LoggedProcess p : processes) {
      if (!p.alive()) {
        throw new AssertionError(p.name + " exited with " + p.process().exitValue());
      }
    }
    return true;
  }

  private void start(String name, String... command) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    processes.add(
        LoggedProcess.start(
            name, List.of(command), null, home, dir.resolve("logs/" + name + ".log")));
  }

  /** The folder holding every component's files and {@code logs/}. */
  public Path dir() {
    return dir;
  }

  public String apiServerUrl() {
    return "https://127.0.0.1:" + apiPort;
  }

  /** The static admin token (group {@code system:masters}). */
  public String adminToken() {
    return token;
  }

  /** The API server's self-signed certificate (and its CA), PEM. */
  public Path caCertFile() {
    return dir.resolve("kube-apiserver/apiserver.crt");
  }

  /** A kubeconfig for kubectl and helm: this cluster, the admin token, namespace default. */
  public Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  /**
   * Runs the {@code kubectl} next to the binaries with this cluster's kubeconfig and returns its
   * output (stdout and stderr); fails with that output when it exits non-zero or takes over 60 s.
   */
  public String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(bin.resolve("kubectl").toString()));
    command.add("--kubeconfig=" + kubeconfig());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
    if (p.isAlive() || p.exitValue() != 0) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " failed:\n" + text);
    }
    return text;
  }

  /** The admin client (closed with the cluster). */
  public KubernetesClient client() {
    return client;
  }

  /** A new admin client; the caller closes it. */
  public KubernetesClient newClient() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(apiServerUrl())
            .withOauthToken(token)
            .withCaCertFile(caCertFile().toString())
            .withNamespace("default")
            .withRequestTimeout(30_000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private String kubeconfigText() {
    return """
    apiVersion: v1
    kind: Config
    clusters:
    - name: loopd-e2e
      cluster:
        server: %s
        certificate-authority: %s
    users:
    - name: admin
      user:
        token: %s
    contexts:
    - name: loopd-e2e
      context:
        cluster: loopd-e2e
        user: admin
        namespace: default
    current-context: loopd-e2e
    """
        .formatted(apiServerUrl(), caCertFile(), token);
  }

  /** The end of every component's log, under a header naming the cluster's folder. */
  public String logs() {
    StringBuilder out =
        new StringBuilder("--- Kubernetes control plane in ").append(dir).append('\n');
    for (LoggedProcess p : processes) {
      out.append(p.alive() ? "" : "(" + p.name + " has exited)\n")
          .append(p.tail(p.name.equals("kube-apiserver") ? 30 : 20));
    }
    return out.toString();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    for (LoggedProcess p : processes.reversed()) {
      p.stop(Duration.ofSeconds(10));
    }
  }

  private static String get(HttpClient http, String url, String bearer) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
