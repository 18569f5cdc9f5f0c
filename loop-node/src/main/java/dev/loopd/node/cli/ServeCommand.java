package dev.loopd.node.cli;

import dev.loopd.node.pool.PoolTuning;
import dev.loopd.node.pool.PoolTuning.Setting;
import dev.loopd.node.serve.ServingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code loop-node serve}: the node that pods run. One event loop serving many handlers over HTTP
 * ({@code ANY /h/{handler}/{path...}}) and gRPC (the node API), until SIGTERM drains it.
 */
@Command(
    name = "serve",
    description = {
      "Serves handlers on one event loop: HTTP at /h/{handler}/..., gRPC NodeService.",
      "Handlers come from --handler files, LoadHandler calls, or a control plane's session."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--http-port", description = "HTTP data plane port (default: 8080; 0: any).")
  int httpPort = 8080;

  @Option(names = "--grpc-port", description = "gRPC node API port (default: 9090; 0: any).")
  int grpcPort = 9090;

  @Option(names = "--host", description = "Address to listen on (default: 0.0.0.0).")
  String host = "0.0.0.0";

  @Option(
      names = "--pool-size",
      description = "Blocking pool threads, or threads at start when adaptive (default: CPUs).")
  String poolSize;

  @Option(
      names = "--pool-tuning",
      paramLabel = "fixed|adaptive",
      description =
          "fixed: --pool-size threads always; adaptive: grow and shrink between --pool-min and"
              + " --pool-max from queue wait and CPU use (default: LOOPD_POOL_TUNING, else fixed).")
  String poolTuning;

  @Option(names = "--pool-min", description = "Adaptive: fewest threads (default: 1).")
  String poolMin;

  @Option(names = "--pool-max", description = "Adaptive: most threads (default: 4 per CPU, >= 4).")
  String poolMax;

  @Option(names = "--pool-queue", description = "Blocking pool queue capacity (default: 1024).")
  int poolQueue = 1024;

  @Option(
      names = "--handler",
      paramLabel = "NAME=FILE",
      description = "Load an ES module file as handler NAME at start (repeatable).")
  List<String> handlers = new ArrayList<>();

  @Option(
      names = "--tenant",
      description = "Tenant the --handler files belong to (default: ${DEFAULT-VALUE}).")
  String tenant = "default";

  @Option(
      names = "--control-plane",
      paramLabel = "HOST:PORT",
      description = "Open the node session to this control plane (needs --pool).")
  String controlPlane;

  @Option(names = "--pool", description = "Pool this node belongs to (with --control-plane).")
  String pool;

  @Option(names = "--node-id", description = "Node identity (default: the host name and pid).")
  String nodeId;

  @Option(
      names = "--cpu-budget-ms",
      description = "Default CPU budget of a handler's task (default: ${DEFAULT-VALUE}).")
  long cpuBudgetMs = 1000;

  @Option(
      names = "--deadline-ms",
      description = "Default invocation deadline (default: ${DEFAULT-VALUE}).")
  long deadlineMs = 30_000;

  @Option(
      names = "--max-request-bytes",
      description = "Default request body limit (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes = 1 << 20;

  @Option(
      names = "--warn-blocked-ms",
      description = "Log a task blocking the loop longer than this (default: ${DEFAULT-VALUE}).")
  long warnBlockedMs = 200;

  @Option(
      names = "--lag-resolution-ms",
      description = "Lag monitor sampling interval (default: ${DEFAULT-VALUE}).")
  long lagResolutionMs = 10;

  @Option(
      names = "--grace-period-ms",
      description = "On SIGTERM, how long in-flight work may finish (default: ${DEFAULT-VALUE}).")
  long gracePeriodMs = 30_000;

  @Option(
      names = "--after-drain",
      description =
          "When the control plane drains this node: exit (a process of bin/loopd up) or wait, not"
              + " ready, until SIGTERM (a pod: its container must not exit and be restarted)."
              + " Default: ${DEFAULT-VALUE}.")
  ServingNode.AfterDrain afterDrain = ServingNode.AfterDrain.exit;

  @Option(
      names = "--otlp-endpoint",
      description =
          "Export metrics and traces over OTLP/gRPC (default: off, or $OTEL_EXPORTER_OTLP_ENDPOINT).")
  String otlpEndpoint;

  @Override
  public Integer call() throws Exception {
    PoolTuning tuning;
    try {
      tuning =
          PoolTuning.resolve(
              System.getenv(),
              new Setting("--pool-tuning", poolTuning),
              new Setting("--pool-size", poolSize),
              new Setting("--pool-min", poolMin),
              new Setting("--pool-max", poolMax));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if ((controlPlane == null) != (pool == null)) {
      throw new ParameterException(
          spec.commandLine(), "--control-plane and --pool go together: give both or neither");
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (String h : handlers) {
      int eq = h.indexOf('=');
      if (eq <= 0 || eq == h.length() - 1) {
        throw new ParameterException(
            spec.commandLine(),
            "--handler takes NAME=FILE, e.g. --handler hello=hello.mjs; got " + h);
      }
      Path file = Path.of(h.substring(eq + 1));
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(
            spec.commandLine(), "--handler " + h + ": no such file " + file.toAbsolutePath());
      }
      files.put(h.substring(0, eq), file);
    }
    String endpoint =
        otlpEndpoint != null ? otlpEndpoint : System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
    ServingNode.Config config =
        new ServingNode.Config(
            host,
            httpPort,
            grpcPort,
            tuning,
            poolQueue,
            files,
            tenant,
            controlPlane,
            pool,
            nodeId != null ? nodeId : defaultNodeId(),
            cpuBudgetMs,
            deadlineMs,
            maxRequestBytes,
            warnBlockedMs,
            lagResolutionMs,
            Duration.ofMillis(gracePeriodMs),
            afterDrain,
            endpoint == null || endpoint.isBlank() ? null : endpoint);
    return new ServingNode(config).run();
  }

  private static String defaultNodeId() {
    String hostName = System.getenv("HOSTNAME");
    if (hostName == null || hostName.isBlank()) {
      try {
        hostName = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        hostName = "node";
      }
    }
    return hostName + "-" + ProcessHandle.current().pid();
  }
}
