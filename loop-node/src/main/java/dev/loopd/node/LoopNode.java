package dev.loopd.node;

import dev.loopd.node.cli.RunCommand;
import dev.loopd.node.cli.ServeCommand;
import dev.loopd.node.cli.VersionCommand;
import dev.loopd.node.js.JsRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code loop-node}: one event loop with Node.js semantics per process. */
@Command(
    name = "loop-node",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.class,
    description = "Runs JavaScript on an event loop with Node.js semantics.",
    subcommands = {RunCommand.class, ServeCommand.class, VersionCommand.class})
public final class LoopNode implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: try 'loop-node run FILE'");
  }

  /** A mistake in how the node was started gets one line and exit code 2, not a stack trace. */
  static int onError(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult)
      throws Exception {
    if (error instanceof JsRuntime.EngineOptionsException) {
      commandLine.getErr().println("loop-node: " + error.getMessage());
      return 2;
    }
    throw error;
  }

  public static void main(String[] args) {
    // Everything after the script is the script's: `run x.js --flag` passes --flag on.
    int code =
        new CommandLine(new LoopNode())
            .setStopAtPositional(true)
            .setExecutionExceptionHandler(LoopNode::onError)
            .execute(args);
    System.exit(code);
  }
}
