package dev.loopd.cli;

import com.google.protobuf.Duration;
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
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "pools",
    description = "Create, inspect, scale and delete pools of loop nodes.",
    subcommands = {
      PoolsCommand.Create.class,
      PoolsCommand.Get.class,
      PoolsCommand.ListPools.class,
      PoolsCommand.Update.class,
      PoolsCommand.Scale.class,
      PoolsCommand.Autoscale.class,
      PoolsCommand.Delete.class
    })
final class PoolsCommand {

  static final List<String> HEADER =
      List.of("NAME", "READY", "DESIRED", "MIN", "MAX", "MODE", "PANIC", "AGE");

  static List<String> row(Pool p) {
    return List.of(
        p.getName(),
        Integer.toString(p.getStatus().getReadyNodes()),
        Integer.toString(p.getStatus().getDesiredNodes()),
        Integer.toString(p.getSpec().getMinNodes()),
        Integer.toString(p.getSpec().getMaxNodes()),
        p.getSpec().getAutoscaling().getMode().name().replace("MODE_", "").toLowerCase(),
        p.getStatus().getPanic() ? "yes" : "no",
        Output.age(p.getCreateTime(), System.currentTimeMillis()));
  }

  /** Spec flags shared by create and update; only the flags given change the spec. */
  static final class SpecFlags {
    @Option(names = "--min", description = "Fewest nodes (0 allows scale to zero).")
    Integer min;

    @Option(names = "--max", description = "Most nodes.")
    Integer max;

    @Option(names = "--pool-size", description = "Blocking pool threads per node.")
    Integer poolSize;

    @Option(names = "--pool-tuning", description = "fixed or adaptive.")
    String poolTuning;

    @Option(names = "--target-elu", description = "ELU per node to aim for, (0, 1].")
    Double targetElu;

    @Option(names = "--target-pool-utilization", description = "Blocking pool use to aim for.")
    Double targetPoolUtilization;

    @Option(
        names = "--lag-limit",
        converter = DurationParser.class,
        description = "Lag p99 that triggers panic, e.g. 50ms.")
    Duration lagLimit;

    @Option(names = "--cpu-budget-ms", description = "Default CPU budget per task.")
    Long cpuBudgetMs;

    @Option(names = "--stable-window", converter = DurationParser.class)
    Duration stableWindow;

    @Option(names = "--panic-window", converter = DurationParser.class)
    Duration panicWindow;

    @Option(names = "--scale-down-delay", converter = DurationParser.class)
    Duration scaleDownDelay;

    @Option(names = "--scale-to-zero-grace", converter = DurationParser.class)
    Duration scaleToZeroGrace;

    PoolSpec apply(PoolSpec base) {
      PoolSpec.Builder s = base.toBuilder();
      if (min != null) s.setMinNodes(min);
      if (max != null) s.setMaxNodes(max);
      BlockingPoolSettings.Builder pool = s.getBlockingPoolBuilder();
      if (poolSize != null) pool.setSize(poolSize);
      if (poolTuning != null) {
        pool.setTuning(
            switch (poolTuning) {
              case "fixed" -> BlockingPoolSettings.Tuning.TUNING_FIXED;
              case "adaptive" -> BlockingPoolSettings.Tuning.TUNING_ADAPTIVE;
              default ->
                  throw new IllegalArgumentException(
                      "--pool-tuning must be fixed or adaptive, not '" + poolTuning + "'");
            });
      }
      AutoscalingPolicy.Builder a = s.getAutoscalingBuilder();
      if (targetElu != null) a.setTargetElu(targetElu);
      if (targetPoolUtilization != null) a.setTargetPoolUtilization(targetPoolUtilization);
      if (stableWindow != null) a.setStableWindow(stableWindow);
      if (panicWindow != null) a.setPanicWindow(panicWindow);
      if (scaleDownDelay != null) a.setScaleDownDelay(scaleDownDelay);
      if (scaleToZeroGrace != null) a.setScaleToZeroGrace(scaleToZeroGrace);
      if (lagLimit != null) s.setLagLimit(lagLimit);
      if (cpuBudgetMs != null) s.getDefaultLimitsBuilder().setCpuBudgetMs(cpuBudgetMs);
      return s.build();
    }
  }

  static void show(ApiCommand c, Pool p) {
    if (Output.structured(c.global.output, p, c.out())) {
      return;
    }
    c.out().print(Output.table(HEADER, List.of(row(p))));
    for (var cond : p.getStatus().getConditionsList()) {
      c.out()
          .println(
              "  "
                  + cond.getType()
                  + "="
                  + cond.getStatus()
                  + " ("
                  + cond.getReason()
                  + ") "
                  + cond.getMessage());
    }
    for (ScalingEvent e : p.getStatus().getRecentEventsList()) {
      c.out().println("  " + WatchCommand.event(e));
    }
  }

  @Command(name = "create", description = "Create a pool; its min nodes start at once.")
  static final class Create extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin SpecFlags flags;

    @Override
    int run(Api api) {
      show(
          this,
          api.pools()
              .createPool(
                  CreatePoolRequest.newBuilder()
                      .setName(name)
                      .setSpec(flags.apply(PoolSpec.getDefaultInstance()))
                      .build()));
      return 0;
    }
  }

  @Command(name = "update", description = "Change the flags given; the rest of the spec stays.")
  static final class Update extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin SpecFlags flags;

    @Override
    int run(Api api) {
      Pool p = api.pools().getPool(GetPoolRequest.newBuilder().setName(name).build());
      show(
          this,
          api.pools()
              .updatePool(
                  UpdatePoolRequest.newBuilder()
                      .setName(name)
                      .setSpec(flags.apply(p.getSpec()))
                      .build()));
      return 0;
    }
  }

  @Command(name = "get", description = "Show a pool with its conditions and recent scaling events.")
  static final class Get extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      show(this, api.pools().getPool(GetPoolRequest.newBuilder().setName(name).build()));
      return 0;
    }
  }

  @Command(name = "list", description = "List pools.")
  static final class ListPools extends ApiCommand {
    @Override
    int run(Api api) {
      ListPoolsResponse r = api.pools().listPools(ListPoolsRequest.getDefaultInstance());
      if (!Output.structured(global.output, r, out())) {
        out()
            .print(Output.table(HEADER, r.getPoolsList().stream().map(PoolsCommand::row).toList()));
      }
      return 0;
    }
  }

  @Command(
      name = "scale",
      description = "Run exactly N nodes (turns autoscaling off; see autoscale).")
  static final class Scale extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--nodes", required = true)
    int nodes;

    @Override
    int run(Api api) {
      show(
          this,
          api.pools()
              .scalePool(ScalePoolRequest.newBuilder().setName(name).setNodes(nodes).build()));
      return 0;
    }
  }

  @Command(name = "autoscale", description = "Turn autoscaling back on.")
  static final class Autoscale extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      Pool p = api.pools().getPool(GetPoolRequest.newBuilder().setName(name).build());
      PoolSpec.Builder spec = p.getSpec().toBuilder().setNodes(0);
      spec.getAutoscalingBuilder().setMode(AutoscalingPolicy.Mode.MODE_AUTO);
      show(
          this,
          api.pools()
              .updatePool(UpdatePoolRequest.newBuilder().setName(name).setSpec(spec).build()));
      return 0;
    }
  }

  @Command(name = "delete", description = "Drain and stop a pool's nodes and delete it.")
  static final class Delete extends ApiCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int run(Api api) {
      api.pools().deletePool(DeletePoolRequest.newBuilder().setName(name).build());
      out().println("pool " + name + " deleted");
      return 0;
    }
  }
}
