package dev.loopd.cli;

import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "login",
    description =
        "Check a token with the control API and save server and token to the loopctl config"
            + " ($LOOPD_CONFIG or ~/.config/loopd/config.json, mode 0600).")
final class LoginCommand extends ApiCommand {

  @Option(names = "--token-stdin", description = "Read the token from standard input.")
  boolean tokenStdin;

  @Override
  Config config() {
    Config c = super.config();
    if (tokenStdin) {
      try {
        String token =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        c = new Config(c.server(), token == null ? null : token.strip());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot read the token from stdin: " + e.getMessage());
      }
    }
    if (c.token() == null) {
      throw new IllegalArgumentException(
          "give a token with --token or --token-stdin (bin/loopd up prints one)");
    }
    return c;
  }

  @Override
  int run(Api api) throws Exception {
    WhoAmIResponse me = api.tenants().whoAmI(WhoAmIRequest.getDefaultInstance());
    api.config.save(Config.file(Loopctl.env));
    out()
        .println(
            "logged in to "
                + api.config.server()
                + " as "
                + (me.getAdmin() ? "an admin" : "tenant " + me.getTenant())
                + " (token "
                + me.getTokenId()
                + "); saved to "
                + Config.file(Loopctl.env));
    return 0;
  }
}
