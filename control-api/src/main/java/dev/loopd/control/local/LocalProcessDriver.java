package dev.loopd.control.local;

import dev.loopd.operator.core.NodeDriver;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.proto.control.v1.PoolSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs each node of local mode as a child process: {@code bin/loop-node serve} on loopback ports
 * the OS picks, dialing this control plane's node session. Each node's output goes to {@code
 * <data-dir>/logs/nodes/<node-id>.log}. Stopping a node sends SIGTERM (the node drains and exits 0)
 * and kills it if it is still there {@link #KILL_AFTER} later.
 */
public final class LocalProcessDriver implements NodeDriver, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LocalProcessDriver.class.getName());

  /** A node asked to stop gets this long before it is killed. */
  static final Duration KILL_AFTER = Duration.ofSeconds(40);

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final List<String> command;
  private final String controlPlane;
  private final Path logDir;
  private final Map<String, String> environment;
  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param command how to run a loop node, e.g. {@code [/opt/loopd/bin/loop-node]}
   * @param controlPlane host:port the nodes dial for their session
   * @param logDir where each node's output goes
   * @param environment added to each node's environment (e.g. LOOPD_JAVA_OPTS)
   */
  public LocalProcessDriver(
      List<String> command, String controlPlane, Path logDir, Map<String, String> environment) {
    this.command = List.copyOf(command);
    this.controlPlane = controlPlane;
    this.logDir = logDir;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Optional<String> startNode(PoolRef pool, PoolSpec spec) {
    String id = nodeId(pool);
    List<String> args = new ArrayList<>(command);
    args.addAll(
        List.of(
            "serve",
            "--host",
            "127.0.0.1",
            "--http-port",
            "0",
            "--grpc-port",
            "0",
            "--control-plane",
            controlPlane,
            "--pool",
            pool.key(),
            "--node-id",
            id,
            "--tenant",
            pool.tenant()));
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(id + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(args)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
      pb.environment().putAll(environment);
      Process p = pb.start();
      processes.put(id, p);
      LOG.log(
          System.Logger.Level.INFO,
          "started node {0} of pool {1} (pid {2,number,#}, log {3})",
          id,
          pool,
          p.pid(),
          log);
      return Optional.of(id);
    } catch (IOException e) {
      throw new NodeDriverException(
          "could not start a node for pool "
              + pool
              + " with "
              + String.join(" ", command)
              + ": "
              + e.getMessage()
              + " (is loop-node built? run ./mvnw -q -DskipTests install)",
          e);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private String nodeId(PoolRef pool) {
    StringBuilder id = new StringBuilder(pool.tenant()).append('-').append(pool.name()).append('-');
    for (int i = 0; i < 5; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  @Override
  public void stopNode(PoolRef pool, String nodeId) {
    Process p = processes.remove(nodeId);
    if (p == null || !p.isAlive()) {
      return;
    }
    p.toHandle().destroy(); // SIGTERM: the node drains and exits
    p.onExit()
        .orTimeout(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(timeout -> {
          LOG.log(System.Logger.Level.WARNING, "node {0} did not exit; killing it", nodeId);
          p.destroyForcibly();
          return p;
        });
  }

  @Override
  public boolean isRunning(String nodeId) {
    Process p = processes.get(nodeId);
    return p != null && p.isAlive();
  }

  /** Process id of a node this driver started, for tests and `loopd status`. */
  public Optional<Long> pid(String nodeId) {
    return Optional.ofNullable(processes.get(nodeId)).map(Process::pid);
  }

  /** Stops every node: SIGTERM, then waits up to {@code grace}, then kills what is left. */
  public void stopAll(Duration grace) {
    List<Process> all = List.copyOf(processes.values());
    processes.clear();
    all.forEach(p -> p.toHandle().destroy());
    long end = System.nanoTime() + grace.toNanos();
    for (Process p : all) {
      try {
        long left = Math.max(0, end - System.nanoTime());
        if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  @Override
  public void close() {
    stopAll(Duration.ofSeconds(15));
  }
}
