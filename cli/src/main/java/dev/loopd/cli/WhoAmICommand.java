package dev.loopd.cli;

import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import picocli.CommandLine.Command;

@Command(name = "whoami", description = "Say which tenant the token acts for.")
final class WhoAmICommand extends ApiCommand {
  @Override
  int run(Api api) {
    WhoAmIResponse me = api.tenants().whoAmI(WhoAmIRequest.getDefaultInstance());
    if (!Output.structured(global.output, me, out())) {
      out()
          .println(
              (me.getAdmin() ? "admin" : "tenant " + me.getTenant())
                  + " (token "
                  + me.getTokenId()
                  + ") at "
                  + api.config.server());
    }
    return 0;
  }
}
