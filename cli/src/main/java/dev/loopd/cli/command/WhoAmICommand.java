package dev.loopd.cli.command;

import dev.loopd.cli.grpc.Connection;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import picocli.CommandLine.Command;

/** {@code loopctl whoami}: whom the current token acts for. */
@Command(name = "whoami", description = "Show the tenant (or admin) the current token acts for.")
public final class WhoAmICommand extends ApiCommand {
  @Override
  protected int run(Connection api) {
    WhoAmIResponse me = api.tenants().whoAmI(WhoAmIRequest.getDefaultInstance());
    printer().print(me, () -> out().println(describe(me) + " at " + api.server()));
    return 0;
  }

  /** {@code tenant acme (token loopd_ab12)} or {@code admin (token ...)}. */
  static String describe(WhoAmIResponse me) {
    String who = me.getAdmin() ? "admin" : "tenant " + me.getTenant();
    return who + (me.getTokenId().isEmpty() ? "" : " (token " + me.getTokenId() + ")");
  }
}
