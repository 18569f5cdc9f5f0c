package dev.loopd.node.cli;

import dev.loopd.node.health.LagMonitor;
import dev.loopd.node.health.LoopUtilization;
import dev.loopd.node.health.TaskStats;
import dev.loopd.node.health.Watchdog;
import dev.loopd.node.js.JsRuntime;
import dev.loopd.node.js.Stdio;
import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.AdaptiveTuner;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.node.pool.PoolTuning;
import dev.loopd.node.pool.PoolTuning.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loop-node run FILE [args]}: runs a script to completion, as {@code node FILE} does. */
@Command(
    name = "run",
    description = "Runs a CommonJS or ES module script to completion, like `node FILE`.")
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The script (.js, .cjs or .mjs).")
  Path file;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Passed in process.argv.")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--pool-size",
      description = "Blocking pool threads, or threads at start when adaptive (default: CPUs).")
  String poolSize;

  @Option(
      names = "--pool-tuning",
      paramLabel = "fixed|adaptive",
      description =
          "fixed: --pool-size threads always; adaptive: grow and shrink between --pool-min and"
              + " --pool-max from queue wait and CPU use (default: LOOPD_POOL_TUNING, else fixed).")
  String poolTuning;

  @Option(names = "--pool-min", description = "Adaptive: fewest threads (default: 1).")
  String poolMin;

  @Option(names = "--pool-max", description = "Adaptive: most threads (default: 4 per CPU, >= 4).")
  String poolMax;

  @Option(names = "--pool-queue", description = "Blocking pool queue capacity (default: 1024).")
  int poolQueue = 1024;

  @Option(
      names = "--cpu-budget-ms",
      description = "Interrupt any single task running longer than this (0: never).")
  long cpuBudgetMs;

  @Option(
      names = "--warn-blocked-ms",
      description = "Report a task blocking the loop longer than this (0: never; default 0).")
  long warnBlockedMs;

  @Option(
      names = "--lag-resolution-ms",
      description = "Lag monitor sampling interval (default: 10).")
  long lagResolutionMs = 10;

  @Option(names = "--stats", description = "Print loop health figures to stderr at exit.")
  boolean stats;

  @Override
  public Integer call() {
    Path script = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(script)) {
      System.err.println("Error: Cannot find module '" + script + "'");
      System.err.println(
          "loop-node: no such file; check the path (it is resolved from the current directory).");
      return 1;
    }
    PoolTuning tuning;
    try {
      tuning =
          PoolTuning.resolve(
              System.getenv(),
              new Setting("--pool-tuning", poolTuning),
              new Setting("--pool-size", poolSize),
              new Setting("--pool-min", poolMin),
              new Setting("--pool-max", poolMax));
    } catch (IllegalArgumentException e) {
      System.err.println("loop-node: " + e.getMessage());
      return 9;
    }
    long startNanos = System.nanoTime();
    StartupTrace trace = new StartupTrace(System.getenv("LOOPD_TRACE_STARTUP") != null);
    trace.mark("main");
    EventLoop loop = new EventLoop();
    Stdio stdio = new Stdio();
    loop.setBeforeBlock(stdio::flush);
    BlockingPool pool = new BlockingPool(tuning.size(), poolQueue);
    AdaptiveTuner tuner =
        tuning.mode() == PoolTuning.Mode.ADAPTIVE
            ? new AdaptiveTuner(pool, tuning.min(), tuning.max()).start()
            : null;
    List<String> argv = new ArrayList<>();
    argv.add(System.getProperty("loopd.execPath", "loop-node"));
    argv.add(script.toString());
    argv.addAll(args);
    JsRuntime runtime =
        new JsRuntime(
            loop,
            pool,
            stdio,
            new JsRuntime.Settings(
                argv, System.getenv(), argv.get(0), Path.of("").toAbsolutePath()));
    trace.mark("runtime ready");
    LagMonitor lag = new LagMonitor(loop, lagResolutionMs);
    TaskStats tasks = new TaskStats();
    loop.addObserver(tasks);
    Watchdog watchdog = null;
    if (cpuBudgetMs > 0 || warnBlockedMs > 0) {
      watchdog =
          new Watchdog(
              warnBlockedMs,
              cpuBudgetMs,
              sequence -> runtime.interrupt(),
              () -> runtime.whereIsJs(100),
              line -> stdio.writeErr(line + "\n"));
      loop.addObserver(watchdog);
      Watchdog dog = watchdog;
      runtime.onInterrupt((error, kind) ->
          stdio.writeErr(
              "loopd: interrupted a task that ran past its CPU budget of "
                  + dog.budgetMs()
                  + " ms; the loop goes on\n"
                  + JsRuntime.scriptStack(error)));
      watchdog.start();
    }
    Summary summary = new Summary(loop, pool, tuner, lag, tasks, startNanos);
    runtime.onExit(code -> {
      if (stats) stdio.writeErr(summary.render());
      stdio.flush();
      System.exit(code);
    });
    if (stats) lag.start();
    runtime.runMain(script);
    trace.mark("main script ran");
    int code = runtime.spin();
    trace.mark("loop ended");
    if (stats) stdio.writeErr(summary.render());
    stdio.flush();
    if (watchdog != null) watchdog.close();
    if (tuner != null) tuner.close();
    return code;
  }

  /** LOOPD_TRACE_STARTUP=1: milliseconds since JVM start at each step, on stderr. */
  record StartupTrace(boolean on) {
    void mark(String step) {
      if (!on) return;
      long sinceJvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
      System.err.println("[startup] " + sinceJvm + " ms " + step);
    }
  }

  /** The `--stats` report: lag, ELU, task durations and pool figures over the whole run. */
  record Summary(
      EventLoop loop,
      BlockingPool pool,
      AdaptiveTuner tuner,
      LagMonitor lag,
      TaskStats tasks,
      long startNanos) {
    String render() {
      return figures() + tuning();
    }

    /** With adaptive tuning: the range allowed, the sizes the pool went through, the resizes. */
    String tuning() {
      if (tuner == null) return "";
      return String.format(
          "pool tuning    adaptive %d..%d  sizes seen %d..%d  resizes %d%n",
          tuner.min(), tuner.max(), tuner.smallestSize(), tuner.largestSize(), tuner.resizes());
    }

    String figures() {
      var l = lag.total();
      var t = tasks.total();
      var p = pool.totals(startNanos);
      double elu = new LoopUtilization(loop).sinceStart();
      return String.format(
          "%n--- loop-node stats ---%n"
              + "lag (ms)       p50 %.2f  p99 %.2f  max %.2f  (%d samples, every %d ms)%n"
              + "ELU            %.3f%n"
              + "tasks (ms)     p50 %.3f  p99 %.3f  max %.3f  (%d tasks)%n"
              + "pool           size %d  completed %d  rejected %d  utilization %.3f%n"
              + "pool wait (ms) p50 %.2f  p99 %.2f  max %.2f%n"
              + "pool run (ms)  p50 %.2f  p99 %.2f  max %.2f%n",
          l.getValueAtPercentile(50) / 1e6,
          l.getValueAtPercentile(99) / 1e6,
          l.getMaxValue() / 1e6,
          l.getTotalCount(),
          lag.resolutionMs(),
          elu,
          t.getValueAtPercentile(50) / 1e6,
          t.getValueAtPercentile(99) / 1e6,
          t.getMaxValue() / 1e6,
          t.getTotalCount(),
          p.size(),
          p.completed(),
          p.rejected(),
          p.utilization(),
          p.queueWaitP50() / 1e6,
          p.queueWaitP99() / 1e6,
          p.queueWaitMax() / 1e6,
          p.runTimeP50() / 1e6,
          p.runTimeP99() / 1e6,
          p.runTimeMax() / 1e6);
    }
  }
}
