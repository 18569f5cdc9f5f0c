package dev.loopd.cli.command;

import dev.loopd.cli.CliException;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.grpc.ErrorReport;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopctl handlers submit}: stores a file as the handler's new active version. A source that
 * does not parse is reported as {@code FILE:line:column: message}, like a compiler.
 */
@Command(
    name = "submit",
    description = {
      "Check a handler's source and make it the new active version (creates the handler the"
          + " first time). Prints the version created, or `unchanged` when source and limits equal"
          + " the active version's."
    })
public final class SubmitCommand extends ApiCommand {
  @Parameters(paramLabel = "NAME", description = "Handler name (DNS-1123 label).")
  String name;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "ES module whose default export is `async (request, ctx) => response`.")
  Path file;

  @Option(names = "--pool", paramLabel = "POOL", description = "Pool to run it (default: default).")
  String pool;

  @Option(names = "--cpu-budget-ms", paramLabel = "N", description = "CPU budget per task.")
  Long cpuBudgetMs;

  @Option(names = "--deadline-ms", paramLabel = "N", description = "Deadline per invocation.")
  Long deadlineMs;

  @Option(names = "--description", paramLabel = "TEXT")
  String description;

  @Option(names = "--dry-run", description = "Check the source and the request; store nothing.")
  boolean dryRun;

  @Override
  protected int run(Connection api) {
    SubmitHandlerRequest request = request(read(file));
    SubmitHandlerResponse response;
    try {
      response = api.handlers().submitHandler(request);
    } catch (StatusRuntimeException e) {
      Optional<SourceError> error = ErrorReport.sourceError(e);
      if (error.isEmpty()) {
        throw e;
      }
      err().println(position(file, error.get()));
      return 1;
    }
    printer().print(response, () -> out().println(summary(response)));
    return 0;
  }

  SubmitHandlerRequest request(String source) {
    var b =
        SubmitHandlerRequest.newBuilder().setName(name).setSource(source).setValidateOnly(dryRun);
    if (pool != null) {
      b.setPool(pool);
    }
    if (description != null) {
      b.setDescription(description);
    }
    if (cpuBudgetMs != null || deadlineMs != null) {
      Limits.Builder limits = Limits.newBuilder();
      if (cpuBudgetMs != null) {
        limits.setCpuBudgetMs(cpuBudgetMs);
      }
      if (deadlineMs != null) {
        limits.setDeadlineMs(deadlineMs);
      }
      b.setLimits(limits);
    }
    return b.build();
  }

  private String summary(SubmitHandlerResponse r) {
    String pool = r.getHandler().getPool();
    String where = pool.isEmpty() ? "" : " (pool " + pool + ")";
    if (dryRun) {
      return name + ": " + file + " is valid; nothing stored (--dry-run)";
    }
    if (!r.getCreated()) {
      return name + ": unchanged, active version " + r.getVersion().getVersion() + where;
    }
    return name + ": version " + r.getVersion().getVersion() + " created and active" + where;
  }

  /** {@code hello.js:3:14: Expected ; but found x}; without a position when there is none. */
  static String position(Path file, SourceError e) {
    String at = e.getLine() > 0 ? ":" + e.getLine() + ":" + Math.max(e.getColumn(), 1) : "";
    return file + at + ": " + e.getMessage();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e, e);
    }
  }
}
