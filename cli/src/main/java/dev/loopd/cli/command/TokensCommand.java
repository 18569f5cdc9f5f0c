package dev.loopd.cli.command;

import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.Formats;
import dev.loopd.cli.output.Table;
import dev.loopd.proto.control.v1.CreateTokenRequest;
import dev.loopd.proto.control.v1.CreateTokenResponse;
import dev.loopd.proto.control.v1.ListTokensRequest;
import dev.loopd.proto.control.v1.ListTokensResponse;
import dev.loopd.proto.control.v1.RevokeTokenRequest;
import dev.loopd.proto.control.v1.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopctl tokens ...}: bearer tokens of your tenant (or of any, with an admin token). */
@Command(
    name = "tokens",
    description = "Create, list and revoke bearer tokens.",
    subcommands = {
      TokensCommand.Create.class,
      TokensCommand.List.class,
      TokensCommand.Revoke.class
    })
public final class TokensCommand {
  private TokensCommand() {}

  @Command(name = "create", description = "Create a token; prints its secret (shown only once).")
  static final class Create extends ApiCommand {
    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(
        names = "--tenant",
        paramLabel = "TENANT",
        description = "Admin only: the tenant to create it for.")
    String tenant;

    @Override
    protected int run(Connection api) {
      CreateTokenResponse r =
          api.tenants()
              .createToken(
                  CreateTokenRequest.newBuilder()
                      .setTenant(tenant == null ? "" : tenant)
                      .setDescription(description == null ? "" : description)
                      .build());
      printer()
          .print(
              r,
              () -> {
                out().println("Token " + r.getToken().getId() + " created.");
                out().println("Secret (shown only now): " + r.getSecret());
              });
      return 0;
    }
  }

  @Command(name = "list", description = "List tokens (without secrets).")
  static final class List extends ApiCommand {
    @Option(names = "--tenant", paramLabel = "TENANT", description = "Admin only: whose tokens.")
    String tenant;

    @Override
    protected int run(Connection api) {
      ListTokensResponse list =
          api.tenants()
              .listTokens(
                  ListTokensRequest.newBuilder().setTenant(tenant == null ? "" : tenant).build());
      printer()
          .print(
              list,
              () -> {
                Table t = new Table("ID", "TENANT", "ADMIN", "CREATED", "DESCRIPTION");
                for (Token x : list.getTokensList()) {
                  t.row(
                      x.getId(),
                      x.getTenant().isEmpty() ? "-" : x.getTenant(),
                      x.getAdmin() ? "yes" : "no",
                      Formats.dateTime(x.getCreateTime()),
                      x.getDescription());
                }
                out().print(t.render());
              });
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token at once.")
  static final class Revoke extends ApiCommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Override
    protected int run(Connection api) {
      var r = api.tenants().revokeToken(RevokeTokenRequest.newBuilder().setId(id).build());
      printer().print(r, () -> out().println("Token " + id + " revoked."));
      return 0;
    }
  }
}
