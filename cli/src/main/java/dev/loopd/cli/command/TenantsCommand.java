package dev.loopd.cli.command;

import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.Formats;
import dev.loopd.cli.output.Table;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.CreateTenantResponse;
import dev.loopd.proto.control.v1.DeleteTenantRequest;
import dev.loopd.proto.control.v1.GetTenantRequest;
import dev.loopd.proto.control.v1.ListTenantsRequest;
import dev.loopd.proto.control.v1.ListTenantsResponse;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopctl tenants ...}: tenants and their quotas (admin token, except {@code get}). */
@Command(
    name = "tenants",
    description = "Manage tenants (admin token; `tenants get` also works with a tenant token).",
    subcommands = {
      TenantsCommand.Create.class,
      TenantsCommand.List.class,
      TenantsCommand.Get.class,
      TenantsCommand.Delete.class
    })
public final class TenantsCommand {
  private TenantsCommand() {}

  @Command(
      name = "create",
      description = "Create a tenant and its first token; prints the token (shown only once).")
  static final class Create extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--max-handlers", paramLabel = "N", description = "Default 100.")
    int maxHandlers;

    @Option(names = "--max-pools", paramLabel = "N", description = "Default 10.")
    int maxPools;

    @Option(names = "--max-nodes", paramLabel = "N", description = "Default 20.")
    int maxNodes;

    @Override
    protected int run(Connection api) {
      CreateTenantResponse r =
          api.tenants()
              .createTenant(
                  CreateTenantRequest.newBuilder()
                      .setName(name)
                      .setQuotas(
                          Quotas.newBuilder()
                              .setMaxHandlers(maxHandlers)
                              .setMaxPools(maxPools)
                              .setMaxNodes(maxNodes))
                      .build());
      printer()
          .print(
              r,
              () -> {
                out().println("Tenant " + name + " created.");
                out().println("Token (shown only now): " + r.getSecret());
                out().println("The tenant logs in with it: loopctl login --token-stdin");
              });
      return 0;
    }
  }

  @Command(name = "list", description = "List tenants with their usage and quotas.")
  static final class List extends ApiCommand {
    @Override
    protected int run(Connection api) {
      ListTenantsResponse list = api.tenants().listTenants(ListTenantsRequest.getDefaultInstance());
      printer()
          .print(
              list,
              () -> {
                Table t = new Table("NAME", "HANDLERS", "POOLS", "NODES", "CREATED");
                for (Tenant x : list.getTenantsList()) {
                  t.row(
                      x.getName(),
                      x.getUsage().getHandlers() + "/" + x.getQuotas().getMaxHandlers(),
                      x.getUsage().getPools() + "/" + x.getQuotas().getMaxPools(),
                      x.getUsage().getNodes() + "/" + x.getQuotas().getMaxNodes(),
                      Formats.dateTime(x.getCreateTime()));
                }
                out().print(t.size() == 0 ? "No tenants.\n" : t.render());
              });
      return 0;
    }
  }

  @Command(
      name = "get",
      description =
          "Show a tenant's usage and quotas (your own without NAME; any with an admin token).")
  static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NAME", arity = "0..1")
    String name;

    @Override
    protected int run(Connection api) {
      Tenant x =
          api.tenants()
              .getTenant(GetTenantRequest.newBuilder().setName(name == null ? "" : name).build());
      printer()
          .print(
              x,
              () -> {
                out().printf("Name:      %s%n", x.getName());
                out()
                    .printf(
                        "Handlers:  %d of %d%n",
                        x.getUsage().getHandlers(), x.getQuotas().getMaxHandlers());
                out()
                    .printf(
                        "Pools:     %d of %d%n",
                        x.getUsage().getPools(), x.getQuotas().getMaxPools());
                out()
                    .printf(
                        "Nodes:     %d of %d%n",
                        x.getUsage().getNodes(), x.getQuotas().getMaxNodes());
                out().printf("Created:   %s%n", Formats.dateTime(x.getCreateTime()));
              });
      return 0;
    }
  }

  @Command(
      name = "delete",
      description = "Delete a tenant and its tokens (it must hold no pools or handlers).")
  static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      var r = api.tenants().deleteTenant(DeleteTenantRequest.newBuilder().setName(name).build());
      printer().print(r, () -> out().println("Tenant " + name + " deleted."));
      return 0;
    }
  }
}
