package dev.loopd.cli.command;

import dev.loopd.cli.CliException;
import dev.loopd.cli.Loopctl;
import dev.loopd.cli.config.CliConfig;
import dev.loopd.cli.config.ConfigFile;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loopctl login}: checks a token with WhoAmI and saves server and token to the config file
 * (0600), so later commands need neither flag.
 */
@Command(
    name = "login",
    description = {
      "Check a token against the control plane and save server and token to $LOOPD_CONFIG or"
          + " ~/.config/loopd/config.json (mode 0600).",
      "The token comes from --token, --token-stdin, $LOOPD_TOKEN, or a prompt."
    })
public final class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--token-stdin", description = "Read the token from the first line of stdin.")
  boolean tokenStdin;

  @Override
  public Integer call() throws IOException {
    Loopctl root = (Loopctl) spec.root().userObject();
    String token = token(root);
    String server = root.server();
    WhoAmIResponse me;
    try (Connection api = root.connect(server, token)) {
      me = api.tenants().whoAmI(WhoAmIRequest.getDefaultInstance());
    }
    ConfigFile file = root.configFile();
    file.save(new CliConfig(server, token));
    root.printer()
        .print(
            me,
            () ->
                root.env()
                    .out()
                    .println(
                        "Logged in to "
                            + server
                            + " as "
                            + WhoAmICommand.describe(me)
                            + "; saved to "
                            + file.path()));
    return 0;
  }

  private String token(Loopctl root) throws IOException {
    if (tokenStdin && root.tokenFlag() != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--token and --token-stdin are mutually exclusive");
    }
    String token = root.tokenFlag();
    if (tokenStdin) {
      var reader =
          new BufferedReader(new InputStreamReader(root.env().in(), StandardCharsets.UTF_8));
      token = reader.readLine();
      if (token == null || token.isBlank()) {
        throw new CliException("--token-stdin: stdin is empty; pipe the token in");
      }
    }
    if (token == null) {
      token = root.env().variable("LOOPD_TOKEN");
    }
    if (token == null && root.env().terminal() && System.console() != null) {
      char[] typed = System.console().readPassword("Token: ");
      token = typed == null ? null : new String(typed);
    }
    if (token == null || token.isBlank()) {
      throw new CliException(
          "no token: pass --token T or --token-stdin (`bin/loopd up` prints one)");
    }
    return token.strip();
  }
}
