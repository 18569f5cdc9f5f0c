package dev.loopd.cli;

import dev.loopd.cli.grpc.ChannelFactory;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything loopctl takes from the process it runs in: environment variables, standard streams,
 * the home folder, whether stdout is a terminal, and how to open a gRPC channel. Tests pass their
 * own to run commands in-process against fake services.
 */
public record Environment(
    Map<String, String> variables,
    InputStream in,
    PrintStream out,
    PrintStream err,
    Path home,
    boolean terminal,
    ChannelFactory channels) {

  /** The real process: {@code System.getenv()}, the standard streams, plaintext channels. */
  public static Environment system() {
    var console = System.console();
    return new Environment(
        System.getenv(),
        System.in,
        System.out,
        System.err,
        Path.of(System.getProperty("user.home")),
        console != null && console.isTerminal(),
        ChannelFactory.plaintext());
  }

  /** An environment variable, or null when unset or empty. */
  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
