package dev.loopd.cli.command;

import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.Formats;
import dev.loopd.cli.output.Table;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.ListPoolsRequest;
import dev.loopd.proto.control.v1.ListPoolsResponse;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.UpdatePoolRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code loopctl pools ...}: pools of loop nodes and how they scale. */
@Command(
    name = "pools",
    description = "Create, change, scale and delete pools.",
    subcommands = {
      PoolsCommand.Create.class,
      PoolsCommand.Get.class,
      PoolsCommand.List.class,
      PoolsCommand.Update.class,
      PoolsCommand.Scale.class,
      PoolsCommand.Autoscale.class,
      PoolsCommand.Delete.class
    })
public final class PoolsCommand {
  private PoolsCommand() {}

  @Command(name = "create", description = "Create a pool; its nodes start at once.")
  static final class Create extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin PoolSpecOptions flags;

    @Override
    protected int run(Connection api) {
      Pool pool =
          api.pools()
              .createPool(
                  CreatePoolRequest.newBuilder()
                      .setName(name)
                      .setSpec(flags.applyTo(PoolSpec.getDefaultInstance()))
                      .build());
      printer().print(pool, () -> out().println("Pool " + name + " created."));
      return 0;
    }
  }

  @Command(
      name = "update",
      description = "Change a pool's spec: reads it, applies the flags given, writes it back.")
  static final class Update extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin PoolSpecOptions flags;

    @Override
    protected int run(Connection api) {
      if (flags.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "nothing to change: give at least one flag");
      }
      Pool current = api.pools().getPool(GetPoolRequest.newBuilder().setName(name).build());
      Pool pool =
          api.pools()
              .updatePool(
                  UpdatePoolRequest.newBuilder()
                      .setName(name)
                      .setSpec(flags.applyTo(current.getSpec()))
                      .build());
      printer()
          .print(
              pool,
              () ->
                  out()
                      .println(
                          "Pool " + name + " updated (generation " + pool.getGeneration() + ")."));
      return 0;
    }
  }

  @Command(name = "get", description = "Show a pool: spec, status and recent scaling events.")
  static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      Pool pool = api.pools().getPool(GetPoolRequest.newBuilder().setName(name).build());
      printer().print(pool, () -> out().print(describe(pool)));
      return 0;
    }
  }

  @Command(name = "list", description = "List pools with their node counts.")
  static final class List extends ApiCommand {
    @Override
    protected int run(Connection api) {
      ListPoolsResponse list = api.pools().listPools(ListPoolsRequest.getDefaultInstance());
      printer()
          .print(
              list,
              () -> {
                Table t = new Table("NAME", "READY", "DESIRED", "MIN", "MAX", "MODE", "PANIC");
                for (Pool p : list.getPoolsList()) {
                  t.row(
                      p.getName(),
                      p.getStatus().getReadyNodes(),
                      p.getStatus().getDesiredNodes(),
                      p.getSpec().hasMinNodes() ? p.getSpec().getMinNodes() : "default",
                      Formats.orDefault(p.getSpec().getMaxNodes()),
                      mode(p.getSpec()),
                      p.getStatus().getPanic() ? "yes" : "no");
                }
                out().print(t.size() == 0 ? "No pools.\n" : t.render());
              });
      return 0;
    }
  }

  @Command(
      name = "scale",
      description =
          "Run exactly N nodes and turn autoscaling off (`pools autoscale` turns it back on).")
  static final class Scale extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--nodes", required = true, paramLabel = "N")
    int nodes;

    @Override
    protected int run(Connection api) {
      Pool pool =
          api.pools()
              .scalePool(ScalePoolRequest.newBuilder().setName(name).setNodes(nodes).build());
      printer()
          .print(
              pool,
              () ->
                  out()
                      .println(
                          "Pool " + name + " scaled to " + nodes + " nodes (autoscaling off)."));
      return 0;
    }
  }

  @Command(name = "autoscale", description = "Turn autoscaling back on (mode AUTO).")
  static final class Autoscale extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      Pool current = api.pools().getPool(GetPoolRequest.newBuilder().setName(name).build());
      PoolSpec.Builder spec = current.getSpec().toBuilder();
      spec.getAutoscalingBuilder().setMode(AutoscalingPolicy.Mode.MODE_AUTO);
      Pool pool =
          api.pools()
              .updatePool(UpdatePoolRequest.newBuilder().setName(name).setSpec(spec).build());
      printer().print(pool, () -> out().println("Pool " + name + " is autoscaled again."));
      return 0;
    }
  }

  @Command(name = "delete", description = "Drain and stop a pool's nodes and delete it.")
  static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection api) {
      var response = api.pools().deletePool(DeletePoolRequest.newBuilder().setName(name).build());
      printer().print(response, () -> out().println("Pool " + name + " deleted."));
      return 0;
    }
  }

  static String mode(PoolSpec spec) {
    return spec.getAutoscaling().getMode() == AutoscalingPolicy.Mode.MODE_MANUAL
        ? "manual (" + spec.getNodes() + ")"
        : "auto";
  }

  /** The key/value view of {@code pools get}. */
  static String describe(Pool p) {
    PoolSpec s = p.getSpec();
    AutoscalingPolicy a = s.getAutoscaling();
    StringBuilder out = new StringBuilder();
    line(out, "Name", p.getName());
    line(out, "Tenant", p.getTenant());
    line(
        out,
        "Nodes",
        p.getStatus().getReadyNodes()
            + " ready / "
            + p.getStatus().getDesiredNodes()
            + " desired / "
            + p.getStatus().getNodes()
            + " running");
    line(out, "Panic", p.getStatus().getPanic() ? "yes" : "no");
    line(
        out,
        "Bounds",
        "min "
            + (s.hasMinNodes() ? s.getMinNodes() : "default")
            + ", max "
            + Formats.orDefault(s.getMaxNodes()));
    line(
        out,
        "Autoscaling",
        mode(s)
            + ", target ELU "
            + Formats.orDefault(a.getTargetElu())
            + ", lag limit "
            + Formats.duration(s.getLagLimit()));
    line(
        out,
        "Windows",
        "stable "
            + Formats.duration(a.getStableWindow())
            + ", panic "
            + Formats.duration(a.getPanicWindow())
            + ", scale-down delay "
            + Formats.duration(a.getScaleDownDelay())
            + ", scale-to-zero grace "
            + Formats.duration(a.getScaleToZeroGrace()));
    line(
        out,
        "Blocking pool",
        "size "
            + Formats.orDefault(s.getBlockingPool().getSize())
            + ", "
            + Formats.enumName(s.getBlockingPool().getTuning(), "TUNING_"));
    line(
        out,
        "CPU budget",
        s.getDefaultLimits().getCpuBudgetMs() == 0
            ? "default"
            : s.getDefaultLimits().getCpuBudgetMs() + " ms");
    line(
        out,
        "Generation",
        p.getGeneration() + " (observed " + p.getStatus().getObservedGeneration() + ")");
    line(out, "Created", Formats.dateTime(p.getCreateTime()));
    for (var c : p.getStatus().getConditionsList()) {
      line(
          out,
          "Condition",
          c.getType()
              + "="
              + c.getStatus()
              + " "
              + c.getReason()
              + (c.getMessage().isEmpty() ? "" : ": " + c.getMessage()));
    }
    if (p.getStatus().getRecentEventsCount() > 0) {
      out.append("Recent scaling events:\n");
      for (ScalingEvent e : p.getStatus().getRecentEventsList()) {
        out.append("  ").append(eventLine(e)).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code 07:51:36 1→3 panic panic: lag p99 180 ms over the 50 ms limit}. */
  public static String eventLine(ScalingEvent e) {
    return Formats.time(e.getTime())
        + "  "
        + e.getFromNodes()
        + "→"
        + e.getToNodes()
        + "  "
        + Formats.enumName(e.getReason(), "REASON_")
        + (e.getMessage().isEmpty() ? "" : "  " + e.getMessage());
  }

  private static void line(StringBuilder s, String key, String value) {
    s.append(String.format("%-15s%s%n", key + ":", value));
  }
}
