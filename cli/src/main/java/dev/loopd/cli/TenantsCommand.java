package dev.loopd.cli;

import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.CreateTenantResponse;
import dev.loopd.proto.control.v1.DeleteTenantRequest;
import dev.loopd.proto.control.v1.GetTenantRequest;
import dev.loopd.proto.control.v1.ListTenantsRequest;
import dev.loopd.proto.control.v1.ListTenantsResponse;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tenants",
    description = "Manage tenants (admin token) or show your own.",
    subcommands = {
      TenantsCommand.Create.class,
      TenantsCommand.Get.class,
      TenantsCommand.ListTenants.class,
      TenantsCommand.Delete.class
    })
final class TenantsCommand {

  static final List<String> HEADER =
      List.of("NAME", "HANDLERS", "POOLS", "NODES", "MAX HANDLERS", "MAX POOLS", "MAX NODES");

  static List<String> row(Tenant t) {
    return List.of(
        t.getName(),
        Integer.toString(t.getUsage().getHandlers()),
        Integer.toString(t.getUsage().getPools()),
        Integer.toString(t.getUsage().getNodes()),
        Integer.toString(t.getQuotas().getMaxHandlers()),
        Integer.toString(t.getQuotas().getMaxPools()),
        Integer.toString(t.getQuotas().getMaxNodes()));
  }

  @Command(name = "create", description = "Create a tenant and print its first token (admin).")
  static final class Create extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--max-handlers")
    int maxHandlers;

    @Option(names = "--max-pools")
    int maxPools;

    @Option(names = "--max-nodes")
    int maxNodes;

    @Override
    int run(Api api) {
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
      if (!Output.structured(global.output, r, out())) {
        out().println("tenant " + name + " created; its token (shown once):");
        out().println(r.getSecret());
      }
      return 0;
    }
  }

  @Command(name = "get", description = "Show your tenant (or NAME, with an admin token).")
  static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NAME", arity = "0..1")
    String name = "";

    @Override
    int run(Api api) {
      Tenant t = api.tenants().getTenant(GetTenantRequest.newBuilder().setName(name).build());
      if (!Output.structured(global.output, t, out())) {
        out().print(Output.table(HEADER, List.of(row(t))));
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List tenants (admin).")
  static final class ListTenants extends ApiCommand {
    @Override
    int run(Api api) {
      ListTenantsResponse r = api.tenants().listTenants(ListTenantsRequest.getDefaultInstance());
      if (!Output.structured(global.output, r, out())) {
        out()
            .print(
                Output.table(
                    HEADER, r.getTenantsList().stream().map(TenantsCommand::row).toList()));
      }
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a tenant that holds nothing (admin).")
  static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      api.tenants().deleteTenant(DeleteTenantRequest.newBuilder().setName(name).build());
      out().println("tenant " + name + " deleted");
      return 0;
    }
  }
}
