package dev.loopd.e2e.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One external command (helm, kubectl, a script of the repository), run to completion with a
 * deadline. Standard output and error are kept together, as a person would see them.
 */
final class Command {

  /** What a finished command left: its exit status and everything it printed. */
  record Result(List<String> argv, int exitCode, String output) {

    /** This result, when the command succeeded; otherwise an error quoting what it printed. */
    Result ok() {
      if (exitCode != 0) {
        throw new AssertionError(
            String.join(" ", argv) + " exited with " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  private final List<String> argv = new ArrayList<>();
  private final Map<String, String> env;
  private Path dir;
  private String stdin;
  private Duration timeout = Duration.ofMinutes(2);

  private Command(Map<String, String> env, List<String> argv) {
    this.env = env;
    this.argv.addAll(argv);
  }

  static Command of(Map<String, String> env, String... argv) {
    return new Command(env, List.of(argv));
  }

  static Command of(Map<String, String> env, List<String> argv) {
    return new Command(env, argv);
  }

  Command in(Path dir) {
    this.dir = dir;
    return this;
  }

  Command stdin(String text) {
    this.stdin = text;
    return this;
  }

  Command timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  Result run() {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    try {
      Process p = pb.start();
      if (stdin != null) {
        try (var in = p.getOutputStream()) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        reader.join(5_000);
        throw new AssertionError(
            String.join(" ", argv) + " did not finish within " + timeout + ":\n" + text(out));
      }
      reader.join();
      return new Result(List.copyOf(argv), p.exitValue(), text(out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", argv), e);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // the process was killed: keep what was read
    }
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
