package dev.loopd.cli;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "load",
    description =
        "The bundled load generator: invoke a handler from many concurrent calls and print"
            + " requests/s, errors and latency every second, then a summary.")
final class LoadCommand extends ApiCommand {

  @Parameters(paramLabel = "NAME")
  String handler;

  @Option(
      names = {"-c", "--concurrency"},
      description = "Calls in flight (default: 16).")
  int concurrency = 16;

  @Option(names = "--duration", converter = DurationParser.class, description = "default: 30s")
  Duration duration = Durations.fromSeconds(30);

  @Option(
      names = "--rate",
      description = "Requests per second, open loop (default: 0 = as fast as answered).")
  double rate;

  @Option(
      names = {"-d", "--data"},
      description = "Request body: text, @FILE.")
  String data;

  @Option(names = "--path")
  String path = "/";

  @Override
  int run(Api api) throws Exception {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1");
    }
    InvokeRequest.Builder request = InvokeRequest.newBuilder().setHandler(handler).setPath(path);
    if (data != null) {
      request.setBody(
          data.startsWith("@") ? InvokeCommand.body(data) : ByteString.copyFromUtf8(data));
    }
    InvokeRequest req = request.build();
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong lastError = new AtomicLong();
    String[] lastMessage = {""};
    Semaphore inFlight = new Semaphore(concurrency);
    long start = System.nanoTime();
    long end = start + Durations.toNanos(duration);
    long nextReport = start + 1_000_000_000L;
    long sent = 0;
    var total = new org.HdrHistogram.Histogram(3);
    long lastOk = 0;
    out()
        .println(
            "invoking "
                + handler
                + " for "
                + Output.duration(duration)
                + " with "
                + concurrency
                + " in flight"
                + (rate > 0 ? " at " + rate + " req/s" : ""));
    while (System.nanoTime() < end) {
      if (rate > 0) {
        long due = start + (long) (sent * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        nextReport = report(recorder, total, ok, errors, lastOk, nextReport, lastMessage);
        lastOk = ok.get();
        continue;
      }
      sent++;
      long t0 = System.nanoTime();
      Futures.addCallback(
          api.invokeAsync().withDeadlineAfter(30, TimeUnit.SECONDS).invoke(req),
          new FutureCallback<InvokeResponse>() {
            @Override
            public void onSuccess(InvokeResponse r) {
              recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
              if (r.getStatus() >= 500) {
                errors.incrementAndGet();
                lastMessage[0] = "HTTP " + r.getStatus();
              } else {
                ok.incrementAndGet();
              }
              inFlight.release();
            }

            @Override
            public void onFailure(Throwable t) {
              errors.incrementAndGet();
              lastError.set(System.nanoTime());
              lastMessage[0] = Loopctl.describe(t).lines().findFirst().orElse("");
              inFlight.release();
            }
          },
          MoreExecutors.directExecutor());
      if (System.nanoTime() >= nextReport) {
        nextReport = report(recorder, total, ok, errors, lastOk, nextReport, lastMessage);
        lastOk = ok.get();
      }
    }
    inFlight.acquire(concurrency);
    total.add(recorder.getIntervalHistogram());
    double seconds = (System.nanoTime() - start) / 1e9;
    out()
        .printf(
            Locale.ROOT,
            "done: %d ok, %d errors in %.1f s: %.0f req/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            ok.get(),
            errors.get(),
            seconds,
            ok.get() / seconds,
            total.getValueAtPercentile(50) / 1000.0,
            total.getValueAtPercentile(99) / 1000.0,
            total.getMaxValue() / 1000.0);
    return errors.get() == 0 ? 0 : 1;
  }

  private long report(
      Recorder recorder,
      org.HdrHistogram.Histogram total,
      AtomicLong ok,
      AtomicLong errors,
      long lastOk,
      long nextReport,
      String[] lastMessage) {
    if (System.nanoTime() < nextReport) {
      return nextReport;
    }
    var h = recorder.getIntervalHistogram();
    total.add(h);
    out()
        .printf(
            Locale.ROOT,
            "%6d req/s  errors %d  p50 %.1f ms  p99 %.1f ms%s%n",
            ok.get() - lastOk,
            errors.get(),
            h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0,
            errors.get() > 0 ? "  last error: " + lastMessage[0] : "");
    out().flush();
    return nextReport + 1_000_000_000L;
  }
}
