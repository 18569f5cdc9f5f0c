package dev.loopd.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code loopctl}: the command-line client of the loopd control API. */
@Command(
    name = "loopctl",
    mixinStandardHelpOptions = true,
    version = "loopctl 0.1.0",
    description = "Submit and invoke handlers, manage pools and watch them scale on loopd.",
    subcommands = {
      LoginCommand.class,
      WhoAmICommand.class,
      HandlersCommand.class,
      InvokeCommand.class,
      PoolsCommand.class,
      WatchCommand.class,
      LoadCommand.class,
      TenantsCommand.class,
      TokensCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Loopctl implements Runnable {

  /** The environment loopctl reads; tests replace it. */
  static Map<String, String> env = System.getenv();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    // gRPC logs transport details at INFO through java.util.logging: not for a CLI's stderr.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    System.exit(commandLine().execute(args));
  }

  /** The command line with loopctl's error handling: gRPC errors are one line and exit 1. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Loopctl());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      PrintWriter err = line.getErr();
      boolean verbose = parsed.hasMatchedOption("--verbose");
      err.println(describe(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return 1;
    });
    return cl;
  }

  /** One line a person can act on, with a hint where there is an obvious one. */
  static String describe(Throwable e) {
    if (e instanceof StatusRuntimeException s) {
      Status status = s.getStatus();
      String message = status.getDescription() == null ? "" : status.getDescription();
      String line = "error: " + status.getCode() + ": " + message;
      String hint =
          switch (status.getCode()) {
            case UNAUTHENTICATED ->
                "hint: run `loopctl login --token <token>` (bin/loopd up prints one)";
            case UNAVAILABLE ->
                status.getCause() != null || message.contains("io exception")
                    ? "hint: is the control plane running? start it with `bin/loopd up`"
                    : null;
            case PERMISSION_DENIED -> "hint: check which token you are using: `loopctl whoami`";
            default -> null;
          };
      return hint == null ? line : line + "\n" + hint;
    }
    return "error: " + (e.getMessage() == null ? e.toString() : e.getMessage());
  }
}
