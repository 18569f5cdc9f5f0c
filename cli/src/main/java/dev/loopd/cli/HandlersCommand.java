package dev.loopd.cli;

import com.google.protobuf.Any;
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
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "handlers",
    description = "Submit handlers and manage their versions.",
    subcommands = {
      HandlersCommand.Submit.class,
      HandlersCommand.Get.class,
      HandlersCommand.ListHandlers.class,
      HandlersCommand.Versions.class,
      HandlersCommand.Source.class,
      HandlersCommand.Rollback.class,
      HandlersCommand.Delete.class
    })
final class HandlersCommand {

  static final List<String> HEADER =
      List.of("NAME", "POOL", "ACTIVE", "LATEST", "STATE", "READY NODES", "AGE");

  static List<String> row(Handler h) {
    return List.of(
        h.getName(),
        h.getPool(),
        h.getActiveVersion(),
        h.getLatestVersion(),
        h.getStatus().getState().name().replace("STATE_", ""),
        Integer.toString(h.getStatus().getReadyNodes()),
        Output.age(h.getCreateTime(), System.currentTimeMillis()));
  }

  @Command(
      name = "submit",
      description = "Store FILE as a new version of handler NAME and serve it.")
  static final class Submit extends ApiCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = {"-f", "--file"},
        required = true,
        description = "ES module source.")
    Path file;

    @Option(names = "--pool", description = "Pool to run it (default: default).")
    String pool = "";

    @Option(names = "--cpu-budget-ms", description = "CPU time per task before it is stopped.")
    long cpuBudgetMs;

    @Option(names = "--deadline-ms", description = "Wall-clock time per invocation.")
    long deadlineMs;

    @Option(names = "--description")
    String description = "";

    @Option(names = "--dry-run", description = "Check the source only; store nothing.")
    boolean dryRun;

    @Override
    int run(Api api) throws Exception {
      String source;
      try {
        source = Files.readString(file);
      } catch (NoSuchFileException e) {
        err().println("error: no such file: " + file);
        return 1;
      }
      SubmitHandlerResponse r;
      try {
        r =
            api.handlers()
                .submitHandler(
                    SubmitHandlerRequest.newBuilder()
                        .setName(name)
                        .setPool(pool)
                        .setSource(source)
                        .setLimits(
                            Limits.newBuilder()
                                .setCpuBudgetMs(cpuBudgetMs)
                                .setDeadlineMs(deadlineMs))
                        .setDescription(description)
                        .setValidateOnly(dryRun)
                        .build());
      } catch (StatusRuntimeException e) {
        SourceError error = sourceError(e);
        if (error != null && error.getLine() > 0) {
          err()
              .println(
                  file
                      + ":"
                      + error.getLine()
                      + ":"
                      + error.getColumn()
                      + ": "
                      + error.getMessage());
          return 1;
        }
        throw e;
      }
      if (!Output.structured(global.output, r, out())) {
        String version = r.getVersion().getVersion();
        out()
            .println(
                dryRun
                    ? "handler " + name + ": the source is valid (nothing stored)"
                    : r.getCreated()
                        ? "handler "
                            + name
                            + ": version "
                            + version
                            + " submitted to pool "
                            + r.getHandler().getPool()
                        : "handler "
                            + name
                            + ": unchanged (version "
                            + version
                            + " has this source)");
      }
      return 0;
    }

    static SourceError sourceError(StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
        return null;
      }
      com.google.rpc.Status status = StatusProto.fromThrowable(e);
      if (status == null) {
        return null;
      }
      for (Any d : status.getDetailsList()) {
        if (d.is(SourceError.class)) {
          try {
            return d.unpack(SourceError.class);
          } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
            return null;
          }
        }
      }
      return null;
    }
  }

  @Command(name = "get", description = "Show a handler.")
  static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      Handler h = api.handlers().getHandler(GetHandlerRequest.newBuilder().setName(name).build());
      if (!Output.structured(global.output, h, out())) {
        out().print(Output.table(HEADER, List.of(row(h))));
        if (h.getStatus().hasError()) {
          var e = h.getStatus().getError();
          out()
              .println(
                  "load failed on node "
                      + e.getNodeId()
                      + " (version "
                      + e.getVersion()
                      + "): "
                      + e.getError().getMessage());
        }
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List handlers.")
  static final class ListHandlers extends ApiCommand {
    @Option(names = "--pool", description = "Only this pool's handlers.")
    String pool = "";

    @Override
    int run(Api api) {
      ListHandlersResponse r =
          api.handlers().listHandlers(ListHandlersRequest.newBuilder().setPool(pool).build());
      if (!Output.structured(global.output, r, out())) {
        out()
            .print(
                Output.table(
                    HEADER, r.getHandlersList().stream().map(HandlersCommand::row).toList()));
      }
      return 0;
    }
  }

  @Command(name = "versions", description = "List a handler's versions.")
  static final class Versions extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      ListHandlerVersionsResponse r =
          api.handlers()
              .listHandlerVersions(ListHandlerVersionsRequest.newBuilder().setName(name).build());
      if (!Output.structured(global.output, r, out())) {
        List<List<String>> rows = new ArrayList<>();
        for (HandlerVersion v : r.getVersionsList()) {
          rows.add(
              List.of(
                  v.getVersion() + (v.getVersion().equals(r.getActiveVersion()) ? " *" : ""),
                  v.getSourceSha256().substring(0, Math.min(12, v.getSourceSha256().length())),
                  Long.toString(v.getSourceSizeBytes()),
                  Output.time(v.getCreateTime()),
                  v.getDescription()));
        }
        out()
            .print(
                Output.table(
                    List.of("VERSION", "SHA256", "BYTES", "CREATED", "DESCRIPTION"), rows));
      }
      return 0;
    }
  }

  @Command(name = "source", description = "Print a version's source (default: the active one).")
  static final class Source extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--version")
    String version = "";

    @Override
    int run(Api api) {
      HandlerVersion v =
          api.handlers()
              .getHandlerVersion(
                  GetHandlerVersionRequest.newBuilder().setName(name).setVersion(version).build());
      if (!Output.structured(global.output, v, out())) {
        out().print(v.getSource());
      }
      return 0;
    }
  }

  @Command(
      name = "rollback",
      description = "Serve an earlier version again (default: the previous one).")
  static final class Rollback extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--to", paramLabel = "VERSION")
    String to = "";

    @Override
    int run(Api api) {
      Handler h =
          api.handlers()
              .rollbackHandler(
                  RollbackHandlerRequest.newBuilder().setName(name).setVersion(to).build());
      if (!Output.structured(global.output, h, out())) {
        out().println("handler " + name + ": version " + h.getActiveVersion() + " is active");
      }
      return 0;
    }
  }

  @Command(name = "delete", description = "Delete a handler and all its versions.")
  static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      api.handlers().deleteHandler(DeleteHandlerRequest.newBuilder().setName(name).build());
      out().println("handler " + name + " deleted");
      return 0;
    }
  }
}
