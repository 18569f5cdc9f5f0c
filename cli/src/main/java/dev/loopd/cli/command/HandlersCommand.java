package dev.loopd.cli.command;

import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.Formats;
import dev.loopd.cli.output.Table;
import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListHandlerVersionsResponse;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.ListHandlersResponse;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.SourceError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopctl handlers ...}: a tenant's handlers and their versions. */
@Command(
    name = "handlers",
    description = "Submit, inspect, roll back and delete handlers.",
    subcommands = {
      SubmitCommand.class,
      HandlersCommand.Get.class,
      HandlersCommand.List.class,
      HandlersCommand.Versions.class,
      HandlersCommand.Source.class,
      HandlersCommand.Rollback.class,
      HandlersCommand.Delete.class
    })
public final class HandlersCommand {
  private HandlersCommand() {}

  @Command(name = "get", description = "Show a handler: pool, versions, limits, state.")
  static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      Handler h = api.handlers().getHandler(GetHandlerRequest.newBuilder().setName(name).build());
      printer().print(h, () -> out().print(describe(h)));
      return 0;
    }
  }

  @Command(name = "list", description = "List handlers, by name.")
  static final class List extends ApiCommand {
    @Option(names = "--pool", paramLabel = "POOL", description = "Only the handlers of this pool.")
    String pool;

    @Override
    protected int run(Connection api) {
      ListHandlersResponse list =
          api.handlers()
              .listHandlers(
                  ListHandlersRequest.newBuilder().setPool(pool == null ? "" : pool).build());
      printer()
          .print(
              list,
              () -> {
                Table t = new Table("NAME", "POOL", "ACTIVE", "LATEST", "STATE", "READY NODES");
                for (Handler h : list.getHandlersList()) {
                  t.row(
                      h.getName(),
                      h.getPool(),
                      h.getActiveVersion(),
                      h.getLatestVersion(),
                      Formats.enumName(h.getStatus().getState(), "STATE_"),
                      h.getStatus().getReadyNodes());
                }
                out().print(t.size() == 0 ? "No handlers.\n" : t.render());
              });
      return 0;
    }
  }

  @Command(name = "versions", description = "List a handler's versions, oldest first.")
  static final class Versions extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      ListHandlerVersionsResponse list =
          api.handlers()
              .listHandlerVersions(ListHandlerVersionsRequest.newBuilder().setName(name).build());
      printer()
          .print(
              list,
              () -> {
                Table t =
                    new Table("VERSION", "ACTIVE", "CREATED", "SIZE", "SHA256", "DESCRIPTION");
                for (HandlerVersion v : list.getVersionsList()) {
                  t.row(
                      v.getVersion(),
                      v.getVersion().equals(list.getActiveVersion()) ? "*" : "",
                      Formats.dateTime(v.getCreateTime()),
                      v.getSourceSizeBytes() + " B",
                      v.getSourceSha256().length() > 12
                          ? v.getSourceSha256().substring(0, 12)
                          : v.getSourceSha256(),
                      v.getDescription());
                }
                out().print(t.render());
              });
      return 0;
    }
  }

  @Command(
      name = "source",
      description = "Print the source of a version (default: the active one).")
  static final class Source extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "Version to print.")
    String version;

    @Override
    protected int run(Connection api) {
      HandlerVersion v =
          api.handlers()
              .getHandlerVersion(
                  GetHandlerVersionRequest.newBuilder()
                      .setName(name)
                      .setVersion(version == null ? "" : version)
                      .build());
      printer()
          .print(
              v,
              () -> {
                out().print(v.getSource());
                if (!v.getSource().endsWith("\n")) {
                  out().println();
                }
              });
      return 0;
    }
  }

  @Command(
      name = "rollback",
      description = "Make an earlier version active again (default: the one before the active).")
  static final class Rollback extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--to", paramLabel = "V", description = "Version to make active.")
    String to;

    @Override
    protected int run(Connection api) {
      Handler h =
          api.handlers()
              .rollbackHandler(
                  RollbackHandlerRequest.newBuilder()
                      .setName(name)
                      .setVersion(to == null ? "" : to)
                      .build());
      printer()
          .print(
              h,
              () ->
                  out()
                      .println(
                          name
                              + ": active version is now "
                              + h.getActiveVersion()
                              + " (latest "
                              + h.getLatestVersion()
                              + ")"));
      return 0;
    }
  }

  @Command(
      name = "delete",
      description = "Delete a handler and all its versions (in-flight invocations finish).")
  static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      var response =
          api.handlers().deleteHandler(DeleteHandlerRequest.newBuilder().setName(name).build());
      printer().print(response, () -> out().println("Handler " + name + " deleted."));
      return 0;
    }
  }

  /** The key/value view of {@code handlers get}. */
  static String describe(Handler h) {
    StringBuilder s = new StringBuilder();
    line(s, "Name", h.getName());
    line(s, "Pool", h.getPool());
    line(s, "Active version", h.getActiveVersion());
    line(s, "Latest version", h.getLatestVersion());
    line(s, "State", Formats.enumName(h.getStatus().getState(), "STATE_"));
    line(s, "Ready nodes", Integer.toString(h.getStatus().getReadyNodes()));
    Limits l = h.getLimits();
    line(
        s,
        "Limits",
        "cpu budget "
            + ms(l.getCpuBudgetMs())
            + ", deadline "
            + ms(l.getDeadlineMs())
            + ", request "
            + bytes(l.getMaxRequestBytes())
            + ", response "
            + bytes(l.getMaxResponseBytes()));
    if (!h.getDescription().isEmpty()) {
      line(s, "Description", h.getDescription());
    }
    if (h.getStatus().hasError()) {
      var report = h.getStatus().getError();
      SourceError e = report.getError();
      line(
          s,
          "Error",
          "version "
              + report.getVersion()
              + " on "
              + report.getNodeId()
              + ": "
              + (e.getLine() > 0 ? e.getLine() + ":" + e.getColumn() + ": " : "")
              + e.getMessage());
    }
    line(s, "Created", Formats.dateTime(h.getCreateTime()));
    line(s, "Updated", Formats.dateTime(h.getUpdateTime()));
    return s.toString();
  }

  private static void line(StringBuilder s, String key, String value) {
    s.append(String.format("%-16s%s%n", key + ":", value));
  }

  private static String ms(long ms) {
    return ms == 0 ? "pool default" : ms + " ms";
  }

  private static String bytes(long b) {
    return b == 0 ? "default" : b + " B";
  }
}
