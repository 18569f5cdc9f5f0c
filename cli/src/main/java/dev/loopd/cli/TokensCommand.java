package dev.loopd.cli;

import dev.loopd.proto.control.v1.CreateTokenRequest;
import dev.loopd.proto.control.v1.CreateTokenResponse;
import dev.loopd.proto.control.v1.ListTokensRequest;
import dev.loopd.proto.control.v1.ListTokensResponse;
import dev.loopd.proto.control.v1.RevokeTokenRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tokens",
    description = "Create, list and revoke bearer tokens.",
    subcommands = {
      TokensCommand.Create.class,
      TokensCommand.ListTokens.class,
      TokensCommand.Revoke.class
    })
final class TokensCommand {

  @Command(name = "create", description = "Create a token and print it (shown once).")
  static final class Create extends ApiCommand {
    @Option(names = "--tenant", description = "With an admin token: the tenant it is for.")
    String tenant = "";

    @Option(names = "--description")
    String description = "";

    @Override
    int run(Api api) {
      CreateTokenResponse r =
          api.tenants()
              .createToken(
                  CreateTokenRequest.newBuilder()
                      .setTenant(tenant)
                      .setDescription(description)
                      .build());
      if (!Output.structured(global.output, r, out())) {
        out().println(r.getSecret());
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List tokens (without secrets).")
  static final class ListTokens extends ApiCommand {
    @Option(names = "--tenant", description = "With an admin token: whose tokens.")
    String tenant = "";

    @Override
    int run(Api api) {
      ListTokensResponse r =
          api.tenants().listTokens(ListTokensRequest.newBuilder().setTenant(tenant).build());
      if (!Output.structured(global.output, r, out())) {
        out()
            .print(
                Output.table(
                    List.of("ID", "TENANT", "CREATED", "DESCRIPTION"),
                    r.getTokensList().stream()
                        .map(t ->
                            List.of(
                                t.getId(),
                                t.getTenant(),
                                Output.time(t.getCreateTime()),
                                t.getDescription()))
                        .toList()));
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token at once.")
  static final class Revoke extends ApiCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    int run(Api api) {
      api.tenants().revokeToken(RevokeTokenRequest.newBuilder().setId(id).build());
      out().println("token " + id + " revoked");
      return 0;
    }
  }
}
