package dev.loopd.k8s.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real kube-apiserver and etcd (v1.20.2, built by {@code tools/k8s-test-env.sh}) for tests,
 * started through Fabric8's kube-api-test, with the loopd CRDs from {@code k8s/crds} applied.
 *
 * <pre>{@code
 * static KubeApi kube;
 * @BeforeAll static void start() { kube = KubeApi.start(); }
 * @AfterAll static void stop() { kube.close(); }
 * ... kube.client(), kube.kubeconfig() (for kubectl --kubeconfig or a child process)
 * }</pre>
 *
 * <p>The binaries are found through the system property {@value #DIR_PROPERTY} or the environment
 * variable {@value #DIR_ENV}: the folder ABOVE {@code k8s/1.20.2-linux-amd64}. The CRDs through
 * {@value #CRDS_PROPERTY}, else the nearest {@code k8s/crds} above the working directory.
 */
public final class KubeApi implements AutoCloseable {

  public static final String DIR_PROPERTY = "loopd.kube.dir";
  public static final String DIR_ENV = "KUBE_API_TEST_DIR";
  public static final String CRDS_PROPERTY = "loopd.crds.dir";
  public static final String VERSION = "1.20.2";

  private final KubeAPIServer server;
  private final KubernetesClient client;
  private final String kubeconfigYaml;
  private final Path kubeconfig;

  private KubeApi(KubeAPIServer server) throws IOException {
    this.server = server;
    this.kubeconfigYaml = server.getKubeConfigYaml();
    this.kubeconfig = Files.createTempFile("loopd-kubeconfig-", ".yaml");
    Files.writeString(kubeconfig, kubeconfigYaml);
    this.client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
  }

  /** Starts an API server with the loopd CRDs installed and Established. */
  public static KubeApi start() {
    KubeApi api = startWithoutCrds();
    try {
      api.applyCrds();
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
    return api;
  }

  /** Starts an API server without any CRD. */
  public static KubeApi startWithoutCrds() {
    Path dir = binariesDir();
    KubeAPIServer server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir.toString())
                .withApiServerVersion(VERSION)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withStartupTimeout(120_000)
                .build());
    server.start();
    try {
      return new KubeApi(server);
    } catch (IOException e) {
      server.stop();
      throw new UncheckedIOException(e);
    }
  }

  /** The folder above {@code k8s/1.20.2-linux-amd64}; fails saying how to build it. */
  public static Path binariesDir() {
    String dir = System.getProperty(DIR_PROPERTY, System.getenv(DIR_ENV));
    String hint =
        " Build the binaries with `tools/k8s-test-env.sh` (it prints .../k8s/"
            + VERSION
            + "-linux-amd64) and pass the folder above k8s/ as -D"
            + DIR_PROPERTY
            + "=... or "
            + DIR_ENV
            + "=... (Maven passes ~/.cache/loopd/kube by default).";
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "no Kubernetes binaries: neither "
              + DIR_PROPERTY
              + " nor "
              + DIR_ENV
              + " is set."
              + hint);
    }
    Path bin = Path.of(dir, "k8s", VERSION + "-linux-amd64");
    for (String b : List.of("kube-apiserver", "etcd")) {
      if (!Files.isExecutable(bin.resolve(b))) {
        throw new IllegalStateException("no " + bin.resolve(b) + "." + hint);
      }
    }
    return Path.of(dir);
  }

  /** The committed CRDs: {@value #CRDS_PROPERTY}, else the nearest {@code k8s/crds} upwards. */
  public static Path crdsDir() {
    String prop = System.getProperty(CRDS_PROPERTY);
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("k8s/crds"))) {
        return p.resolve("k8s/crds");
      }
    }
    throw new IllegalStateException(
        "cannot find k8s/crds above " + Path.of("").toAbsolutePath() + "; set -D" + CRDS_PROPERTY);
  }

  /** Creates (or updates) every CRD of {@code k8s/crds} and waits until each is Established. */
  public List<CustomResourceDefinition> applyCrds() {
    List<Path> files;
    try (Stream<Path> s = Files.list(crdsDir())) {
      files =
          s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CustomResourceDefinition> out = new ArrayList<>();
    for (Path f : files) {
      CustomResourceDefinition crd;
      try (InputStream in = Files.newInputStream(f)) {
        crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      client.resource(crd).createOr(NonDeletingOperation::update);
      out.add(awaitEstablished(crd.getMetadata().getName()));
    }
    return out;
  }

  /** Waits (30 s at most) until the CRD {@code name} is Established. */
  public CustomResourceDefinition awaitEstablished(String name) {
    return client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(name)
        .waitUntilCondition(
            crd ->
                crd != null
                    && crd.getStatus() != null
                    && crd.getStatus().getConditions() != null
                    && crd.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> c.getType().equals("Established") && c.getStatus().equals("True")),
            30,
            TimeUnit.SECONDS);
  }

  /** A client with cluster-admin rights (system:masters). */
  public KubernetesClient client() {
    return client;
  }

  /** A kubeconfig file for this API server (for kubectl and child processes). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public String kubeconfigYaml() {
    return kubeconfigYaml;
  }

  /** Creates {@code o} (or replaces it when it exists), e.g. a namespace. */
  public <T extends HasMetadata> T apply(T o) {
    return client.resource(o).createOr(NonDeletingOperation::update);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.stop();
      try {
        Files.deleteIfExists(kubeconfig);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }
}
