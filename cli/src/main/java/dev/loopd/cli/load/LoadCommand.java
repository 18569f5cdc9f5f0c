package dev.loopd.cli.load;

import dev.loopd.cli.OnCtrlC;
import dev.loopd.cli.command.ApiCommand;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.invoke.RequestOptions;
import dev.loopd.proto.control.v1.InvokeRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code loopctl load}: the bundled load generator. Sends Invoke calls through the control plane,
 * prints a line per second and a latency summary at the end.
 */
@Command(
    name = "load",
    description = {
      "Generate load on a handler through the control plane: a line per second (req/s, errors,"
          + " p50/p99) and a summary. Errors are failed calls and HTTP statuses >= 500.",
      "Closed loop by default (each of --concurrency callers sends the next request when the"
          + " previous one ends); --rate R sends R requests/s on a fixed schedule instead."
    })
public final class LoadCommand extends ApiCommand {
  @Parameters(paramLabel = "NAME", description = "Handler to invoke.")
  String handler;

  @Option(
      names = {"-c", "--concurrency"},
      defaultValue = "16",
      paramLabel = "N",
      description = "Most calls in flight (default 16).")
  int concurrency;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      paramLabel = "DURATION",
      description = "How long to send (default 30s).")
  Duration duration;

  @Option(
      names = "--rate",
      defaultValue = "0",
      paramLabel = "R",
      description = "Requests per second, open loop; 0 = closed loop (default).")
  double rate;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Deadline of each call (default none).")
  Duration timeout;

  @Mixin RequestOptions request;

  @Override
  protected int run(Connection api) throws InterruptedException {
    if (concurrency < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
    }
    if (rate < 0 || duration.isNegative() || duration.isZero()) {
      throw new ParameterException(spec.commandLine(), "--rate must be >= 0 and --duration > 0");
    }
    InvokeRequest invoke = request.toRequest(handler, root().env().in()).build();
    PrintStream out = out();
    out.printf(
        Locale.ROOT,
        "Loading %s for %ds: %s, concurrency %d%n",
        handler,
        duration.toSeconds(),
        rate > 0 ? String.format(Locale.ROOT, "open loop at %.1f req/s", rate) : "closed loop",
        concurrency);
    LoadStats stats = new LoadStats();
    LoadGenerator generator =
        new LoadGenerator(api.invokeAsync(), invoke, concurrency, rate, duration, timeout, stats);
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "loopctl-load-report");
          t.setDaemon(true);
          return t;
        });
    AtomicLong second = new AtomicLong();
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(
        () -> out.println(stats.interval().line(second.incrementAndGet(), 1.0)),
        1,
        1,
        TimeUnit.SECONDS);
    // Ctrl-C stops sending and still prints the summary of what was sent.
    try (OnCtrlC stop = OnCtrlC.run(generator::stop)) {
      int abandoned;
      try {
        abandoned = generator.run(Duration.ofSeconds(3));
      } finally {
        ticker.shutdownNow();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      }
      stats.interval();
      summary(out, stats, (System.nanoTime() - start) / 1e9, abandoned);
      out.flush();
    }
    return 0;
  }

  private static void summary(PrintStream out, LoadStats stats, double seconds, int abandoned) {
    Histogram h = stats.total();
    out.printf(
        Locale.ROOT,
        "%nSummary: %d requests in %.1f s (%.1f req/s), %d errors%s%n",
        stats.requests(),
        seconds,
        stats.requests() / seconds,
        stats.errors(),
        stats.errors() == 0 ? "" : " (" + stats.errorsByKind() + ")");
    if (h.getTotalCount() > 0) {
      out.printf(
          Locale.ROOT,
          "Latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(90) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getValueAtPercentile(99.9) / 1000.0,
          h.getMaxValue() / 1000.0);
    }
    if (abandoned > 0) {
      out.println(abandoned + " calls were still in flight after 3 s and were abandoned.");
    }
  }
}
