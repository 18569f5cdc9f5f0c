package dev.loopd.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/loop-node} (or {@code node}) as a real process and captures what it printed. */
public final class LoopNodeProcess {
  /** What a finished process left behind. */
  public record Result(int exitCode, String stdout, String stderr, Duration elapsed) {}

  private LoopNodeProcess() {}

  public static Path root() {
    String root = System.getProperty("loopd.root");
    Path p = root != null ? Path.of(root) : Path.of("..");
    return p.toAbsolutePath().normalize();
  }

  public static Path launcher() {
    return root().resolve("bin/loop-node");
  }

  /** Runs {@code command} in {@code dir} with extra environment, killing it after the timeout. */
  public static Result run(
      List<String> command, Path dir, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("loopd-out", ".txt");
    Path err = Files.createTempFile("loopd-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
      pb.directory(dir.toFile());
      pb.environment().putAll(env);
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      long start = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        throw new AssertionError(
            "timed out after " + timeout + ": " + command + "\nstderr:\n" + Files.readString(err));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          elapsed);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
