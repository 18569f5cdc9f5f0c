package dev.loopd.e2e.chart;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real kube-apiserver with etcd (Fabric8's kube-api-test on the binaries of
 * tools/k8s-test-env.sh), and kubectl and helm pointed at it through a kubeconfig of their own. No
 * controller manager, scheduler or kubelet: objects are stored and validated, pods never run.
 */
final class ApiServer implements AutoCloseable {

  private final KubeAPIServer server;
  private final Path home;
  private final Path kubeconfig;

  private ApiServer(KubeAPIServer server, Path home, Path kubeconfig) {
    this.server = server;
    this.home = home;
    this.kubeconfig = kubeconfig;
  }

  static ApiServer start() {
    Path dir = Repo.kubeDir();
    KubeAPIServer server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir.toString())
                .withApiServerVersion(Repo.KUBE_VERSION)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
    server.start();
    try {
      Path home = Files.createTempDirectory("loopd-chart-it-");
      Path kubeconfig = home.resolve("kubeconfig");
      Files.writeString(kubeconfig, server.getKubeConfigYaml());
      return new ApiServer(server, home, kubeconfig);
    } catch (IOException e) {
      server.stop();
      throw new UncheckedIOException(e);
    }
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** Environment for kubectl, helm and scripts: this server, and helm's state in a temp folder. */
  Map<String, String> env() {
    return Map.of(
        "KUBECONFIG", kubeconfig.toString(),
        "HELM_CACHE_HOME", home.resolve("helm/cache").toString(),
        "HELM_CONFIG_HOME", home.resolve("helm/config").toString(),
        "HELM_DATA_HOME", home.resolve("helm/data").toString(),
        "KUBECTL", Repo.kubectl().toString());
  }

  Command kubectl(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(Repo.kubectl().toString());
    argv.addAll(List.of(args));
    return Command.of(env(), argv).in(Repo.root());
  }

  Command helm(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(Repo.helm().toString());
    argv.addAll(List.of(args));
    return Command.of(env(), argv).in(Repo.root()).timeout(Duration.ofMinutes(3));
  }

  /** Creates a namespace unless it exists. */
  void namespace(String name) {
    Command.Result r = kubectl("create", "namespace", name).run();
    if (r.exitCode() != 0 && !r.output().contains("AlreadyExists")) {
      r.ok();
    }
  }

  /** Waits until the CustomResourceDefinitions are served. */
  void crdsEstablished(String... names) {
    List<String> args = new ArrayList<>(List.of("wait", "--for=condition=Established"));
    for (String n : names) {
      args.add("crd/" + n);
    }
    args.add("--timeout=60s");
    kubectl(args.toArray(String[]::new)).run().ok();
  }

  @Override
  public void close() {
    server.stop();
    try (var files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
