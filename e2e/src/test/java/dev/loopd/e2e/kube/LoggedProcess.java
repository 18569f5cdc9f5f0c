package dev.loopd.e2e.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Test scaffolding: one real process whose output (stdout and stderr) is appended to a log file,
 * stopped the way Kubernetes stops things: SIGTERM, a grace period, then SIGKILL. Every process
 * started here is also killed by a JVM shutdown hook, so an aborted test run leaves nothing behind
 * on a shared machine.
 */
final class LoggedProcess {

  private static final List<Process> ALL = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> ALL.stream().filter(Process::isAlive).forEach(Process::destroyForcibly),
                "loopd-e2e-kube-reaper"));
  }

  final String name;
  final Path log;
  final List<String> command;
  private final Process process;

  private LoggedProcess(String name, Path log, List<String> command, Process process) {
    this.name = name;
    this.log = log;
    this.command = command;
    this.process = process;
  }

  /**
   * Starts {@code command} in {@code workDir}. With {@code environment} null the process inherits
   * this JVM's environment; otherwise it gets exactly {@code environment}, as a container does.
   */
  static LoggedProcess start(
      String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "--- " + java.time.Instant.now() + " starting: " + String.join(" ", command) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder pb =
          new ProcessBuilder(new ArrayList<>(command))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (environment != null) {
        pb.environment().clear();
        pb.environment().putAll(environment);
      }
      Process p = pb.start();
      ALL.add(p);
      return new LoggedProcess(name, log, List.copyOf(command), p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Process process() {
    return process;
  }

  /** SIGTERM. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL. */
  void kill() {
    process.destroyForcibly();
  }

  /** Waits up to {@code timeout} for the process to exit; true when it did. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * SIGTERM, up to {@code grace} to exit, then SIGKILL. Returns true when the process exited on its
   * own within the grace period.
   */
  boolean stop(Duration grace) {
    if (!process.isAlive()) {
      return true;
    }
    terminate();
    try {
      if (awaitExit(grace)) {
        return true;
      }
      kill();
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
    return false;
  }

  String tail(int lines) {
    return tail(log, lines);
  }

  /** The last {@code lines} lines of {@code file} under a {@code == name} header ("" if none). */
  static String tail(Path file, int lines) {
    try {
      List<String> all =
          new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .toList();
      StringBuilder out = new StringBuilder("== ").append(file).append('\n');
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(l -> out.append(l).append('\n'));
      return out.toString();
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
