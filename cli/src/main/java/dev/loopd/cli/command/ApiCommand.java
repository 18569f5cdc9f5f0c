package dev.loopd.cli.command;

import dev.loopd.cli.Loopctl;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.Printer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that calls the control API: opens a {@link Connection} with the resolved server and
 * token, runs, and closes it. Failed calls propagate to {@link Loopctl}'s error printing.
 */
public abstract class ApiCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  protected Loopctl root() {
    return (Loopctl) spec.root().userObject();
  }

  protected Printer printer() {
    return root().printer();
  }

  protected PrintStream out() {
    return root().env().out();
  }

  protected PrintStream err() {
    return root().env().err();
  }

  @Override
  public Integer call() throws Exception {
    try (Connection connection = root().connect()) {
      return run(connection);
    }
  }

  /** Does the command's work; returns the exit status. */
  protected abstract int run(Connection api) throws Exception;
}
