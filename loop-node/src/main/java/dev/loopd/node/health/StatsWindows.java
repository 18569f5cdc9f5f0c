package dev.loopd.node.health;

import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.node.pool.PoolWindow;
import dev.loopd.proto.node.v1.NodeStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Closes a {@link NodeStats} window every {@code interval} (about a second): loop lag, ELU, the
 * blocking pool, invocations and the longest tasks since the previous window. The node session
 * sends each window to the control plane, {@code loopctl watch} shows it, and NodeTelemetry turns
 * it into metrics.
 *
 * <p>Threading: the window is cut on the loop thread by an unreferenced loop timer (so ELU, which
 * reads the loop's own counters, is race-free, and the timer never keeps the loop alive). The loop
 * thread only swaps the interval recorders; percentiles, the proto message and the listeners run on
 * a separate single thread, in window order, so a slow listener never holds up the loop.
 *
 * <p>Memory: a window's histograms go back to their sources once the listeners have run, and the
 * next windows reuse them, so a node allocates no histograms in steady state. Fresh ones each
 * second (about 600 KB: lag and task durations at three digits over minutes take some 240 KB each)
 * lived two windows, past the age at which the young generation promotes, and under load they grew
 * the old generation by that much every second until a full collection.
 */
public final class StatsWindows implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StatsWindows.class.getName());

  /** Default window length (PoolSettings.stats_interval unset). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  /**
   * Who the node is and what state it is in, asked at every window close (on the loop thread).
   *
   * @param nodeId pod name, or the child process id in local mode
   * @param pool the node's pool; empty for a standalone node
   * @param startedAt when the process started (resets the {@code _total} counters)
   * @param handlerSetVersion the HandlerSet version being served; 0 before the first
   * @param ready whether the node takes new invocations
   */
  public record NodeInfo(
      String nodeId,
      String pool,
      Instant startedAt,
      LongSupplier handlerSetVersion,
      BooleanSupplier ready) {
    public NodeInfo {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(handlerSetVersion, "handlerSetVersion");
      Objects.requireNonNull(ready, "ready");
    }
  }

  /**
   * One closed window: the message as sent, plus the interval's raw distributions (nanoseconds) for
   * exporters that want whole histograms rather than the percentiles in {@code stats}. The
   * histograms are lent for the listener's call: once every listener has returned, later windows
   * reuse them, so a listener that needs one afterwards copies it.
   */
  public record Window(
      NodeStats stats,
      Histogram lag,
      Histogram taskDurations,
      Histogram poolQueueWait,
      Histogram poolRunTime,
      Map<String, Histogram> invocationDurations) {}

  /** What the loop thread collects at a window's close; turned into a {@link Window} elsewhere. */
  private record Cut(
      Instant timestamp,
      long intervalNanos,
      Histogram lag,
      double elu,
      PoolWindow pool,
      int inFlight,
      List<InvocationStats.Count> invocations,
      List<TaskStats.LongTask> longest,
      Histogram taskDurations,
      Map<String, Histogram> invocationDurations,
      long handlerSetVersion,
      boolean ready) {}

  private final EventLoop loop;
  private final LagMonitor lag;
  private final BlockingPool pool;
  private final InvocationStats invocations;
  private final TaskStats tasks;
  private final NodeInfo info;
  private final ExecutorService publisher;
  private final List<Consumer<Window>> listeners = new CopyOnWriteArrayList<>();

  private volatile Duration interval;
  private volatile NodeStats latest;
  private volatile boolean closed;
  // Loop thread only.
  private LoopUtilization elu;
  private long lastCutNanos;
  private EventLoop.LoopTimer timer;

  /**
   * @param lag the node's lag monitor; whoever owns it starts it
   * @param tasks must be an observer of {@code loop} ({@link EventLoop#addObserver})
   */
  public StatsWindows(
      EventLoop loop,
      LagMonitor lag,
      BlockingPool pool,
      InvocationStats invocations,
      TaskStats tasks,
      NodeInfo info,
      Duration interval) {
    this.loop = Objects.requireNonNull(loop, "loop");
    this.lag = Objects.requireNonNull(lag, "lag");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.invocations = Objects.requireNonNull(invocations, "invocations");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.info = Objects.requireNonNull(info, "info");
    this.interval = checkInterval(interval);
    this.publisher =
        Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "loopd-stats");
          t.setDaemon(true);
          return t;
        });
  }

  private static Duration checkInterval(Duration interval) {
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("stats interval must be at least 1 ms, got " + interval);
    }
    return interval;
  }

  /** Starts the first window; call on the loop thread (or before the loop runs). */
  public void start() {
    elu = new LoopUtilization(loop);
    lastCutNanos = System.nanoTime();
    // The first window starts now, not when the monitors started.
    lag.recycle(lag.interval());
    tasks.recycle(tasks.interval());
    tasks.intervalLongest();
    invocations.recycle(invocations.intervalDurations());
    pool.recycle(pool.window());
    arm();
  }

  /**
   * Changes the window length (PoolSettings.stats_interval) from the next window on. Any thread.
   *
   * @throws IllegalArgumentException when shorter than 1 ms
   */
  public void setInterval(Duration interval) {
    this.interval = checkInterval(interval);
  }

  public Duration interval() {
    return interval;
  }

  private void arm() {
    if (!closed) timer = loop.startTimer(interval.toMillis(), false, this::cut);
  }

  /** Closes the current window: on the loop thread, as a timer callback. */
  private void cut() {
    timer = null;
    if (closed) return;
    long nowNanos = System.nanoTime();
    Cut cut =
        new Cut(
            Instant.now(),
            nowNanos - lastCutNanos,
            lag.interval(),
            elu.next(),
            pool.window(),
            invocations.inFlight(),
            invocations.totals(),
            tasks.intervalLongest(),
            tasks.interval(),
            invocations.intervalDurations(),
            info.handlerSetVersion().getAsLong(),
            info.ready().getAsBoolean());
    lastCutNanos = nowNanos;
    arm();
    try {
      publisher.execute(() -> publish(cut));
    } catch (RejectedExecutionException e) {
      // closed meanwhile: the window has no one left to tell
    }
  }

  private void publish(Cut cut) {
    Window window =
        new Window(
            toStats(cut),
            cut.lag(),
            cut.taskDurations(),
            cut.pool().queueWait(),
            cut.pool().runTime(),
            cut.invocationDurations());
    latest = window.stats();
    for (Consumer<Window> listener : listeners) {
      try {
        listener.accept(window);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a stats listener failed; the others still run", e);
      }
    }
    lag.recycle(cut.lag());
    tasks.recycle(cut.taskDurations());
    pool.recycle(cut.pool());
    invocations.recycle(cut.invocationDurations());
  }

  private NodeStats toStats(Cut cut) {
    NodeStats.Builder b =
        NodeStats.newBuilder()
            .setNodeId(info.nodeId())
            .setPool(info.pool())
            .setTimestamp(StatsMessages.timestamp(cut.timestamp()))
            .setInterval(StatsMessages.duration(cut.intervalNanos()))
            .setStartedAt(StatsMessages.timestamp(info.startedAt()))
            .setLoopLag(StatsMessages.lag(cut.lag(), lag.resolutionMs()))
            .setElu(cut.elu())
            .setBlockingPool(StatsMessages.pool(cut.pool(), pool.queueCapacity()))
            .setInFlight(cut.inFlight())
            .setHandlerSetVersion(cut.handlerSetVersion())
            .setReady(cut.ready());
    cut.invocations().forEach(c -> b.addInvocations(StatsMessages.count(c)));
    cut.longest().forEach(t -> b.addLongestTasks(StatsMessages.longTask(t)));
    return b.build();
  }

  /** The most recently closed window's message, or an empty one before the first closes. */
  public NodeStats latestStats() {
    NodeStats s = latest;
    return s == null ? NodeStats.getDefaultInstance() : s;
  }

  /**
   * Calls {@code listener} with every window from now on, on the stats thread (one at a time, in
   * order). Returns what removes it.
   */
  public Runnable addListener(Consumer<Window> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops closing windows (the pending timer fires once more and does nothing). Any thread. */
  @Override
  public void close() {
    closed = true;
    publisher.shutdown();
  }
}
