package dev.loopd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the control API: resolves server and token, opens the connection. */
abstract class ApiCommand implements Callable<Integer> {

  @Mixin Global global;

  @Spec CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Config config() {
    return Config.resolve(global, Loopctl.env);
  }

  @Override
  public Integer call() throws Exception {
    try (Api api = new Api(config())) {
      int code = run(api);
      out().flush();
      return code;
    }
  }

  abstract int run(Api api) throws Exception;
}
