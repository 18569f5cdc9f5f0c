package dev.loopd.node.pool;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * {@code tuning: adaptive}: grows and shrinks a {@link BlockingPool} between a minimum and a
 * maximum from what it measures every interval, one thread at a time.
 *
 * <ul>
 *   <li><b>Grow</b> by one when tasks waited (mean queue wait over the interval at least {@code
 *       waitThreshold}, or tasks still queued at the sample) for {@code growAfter} intervals in a
 *       row, unless the process is CPU-saturated: past the cores, CPU-bound work (pbkdf2, zlib)
 *       only adds contention, while work that waits (I/O-like, sleepy) does gain from more threads.
 *       Held growth is recorded once per streak, so "why did it not grow?" has an answer.
 *   <li><b>Shrink</b> by one after {@code shrinkAfter} quiet intervals in a row: nothing queued, no
 *       noticeable wait, at least one thread idle at the sample, and utilization below {@code
 *       shrinkBelow}.
 * </ul>
 *
 * <p>Hysteresis: any resize restarts both streaks, and shrinking needs a longer streak than
 * growing, so a pool at the edge changes at most once per {@code shrinkAfter} intervals instead of
 * flapping.
 *
 * <p>It reads the pool through {@link BlockingPool#load()}, never {@link BlockingPool#snapshot()},
 * whose interval histograms belong to the node's stats windows. Wait is the mean over the tasks
 * that began in the interval (cheap running totals on the pool's hot path); utilization is the
 * larger of busy thread time over {@code size × interval} and the share of threads busy at the
 * sample, since a long task counts as busy time only when it ends.
 *
 * <p>CPU load is {@link #measuredCpuLoad()}: the busier of the process and the machine (or
 * container), as a share of the CPUs available to the process; the reading is injectable for tests.
 * Holding growth on a busy CPU errs towards the pool's main work, crypto and zlib, which is
 * CPU-bound; work that mostly waits would still gain from threads on a busy machine, and waits
 * longer here. Runs on its own daemon thread; {@link #close()} stops it and leaves the pool at its
 * current size.
 */
public final class AdaptiveTuner implements AutoCloseable {
  private static final int KEPT_DECISIONS = 64;

  /**
   * The tuner's knobs.
   *
   * @param interval how often it samples and decides
   * @param waitThreshold mean queue wait at or above which an interval counts as "tasks waited"
   * @param cpuSaturated process CPU load (0..1 of available CPUs) at or above which it does not
   *     grow
   * @param shrinkBelow utilization below which an interval may count as quiet
   * @param growAfter intervals in a row with waiting tasks before growing
   * @param shrinkAfter quiet intervals in a row before shrinking
   */
  public record Settings(
      Duration interval,
      Duration waitThreshold,
      double cpuSaturated,
      double shrinkBelow,
      int growAfter,
      int shrinkAfter) {
    public Settings {
      if (interval.toMillis() < 1) throw new IllegalArgumentException("interval must be >= 1 ms");
      if (growAfter < 1 || shrinkAfter < 1) {
        throw new IllegalArgumentException("growAfter and shrinkAfter must be at least 1");
      }
    }

    /** 500 ms samples, grow after 1 s of 5 ms waits, shrink after 5 s quiet, hold at 90% CPU. */
    public static Settings defaults() {
      return new Settings(Duration.ofMillis(500), Duration.ofMillis(5), 0.9, 0.5, 2, 10);
    }

    public Settings withInterval(Duration d) {
      return new Settings(d, waitThreshold, cpuSaturated, shrinkBelow, growAfter, shrinkAfter);
    }

    public Settings withStreaks(int grow, int shrink) {
      return new Settings(interval, waitThreshold, cpuSaturated, shrinkBelow, grow, shrink);
    }
  }

  /**
   * What the tuner saw over one interval.
   *
   * @param started tasks that began in the interval
   * @param meanWaitNanos their mean time in the queue (0 when none began)
   * @param queued tasks in the queue at the sample
   * @param active threads busy at the sample
   * @param utilization busy share of the pool's threads, 0..1
   * @param cpuLoad CPU load, 0..1 of the CPUs available (see measuredCpuLoad); negative: unknown
   */
  public record Sample(
      int size,
      long started,
      long meanWaitNanos,
      int queued,
      int active,
      double utilization,
      double cpuLoad) {
    String figures() {
      return String.format(
          Locale.ROOT,
          "mean queue wait %.1f ms over %d tasks, %d queued, %d of %d threads busy,"
              + " utilization %.0f%%, CPU %s",
          meanWaitNanos / 1e6,
          started,
          queued,
          active,
          size,
          utilization * 100,
          cpuLoad < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f%%", cpuLoad * 100));
    }
  }

  /**
   * A resize, or growth held back ({@code from == to}), with the figures that led to it.
   *
   * @param reason one line a person can read, figures included
   */
  public record Decision(Instant at, int from, int to, String reason, Sample sample) {
    public boolean resized() {
      return from != to;
    }

    @Override
    public String toString() {
      return "blocking pool " + from + " -> " + to + ": " + reason;
    }
  }

  private final BlockingPool pool;
  private final int min;
  private final int max;
  private final Settings settings;
  private final DoubleSupplier cpuLoad;
  private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Decision> recent = new ArrayDeque<>();
  private ScheduledExecutorService timer;
  private PoolLoad last;
  private int waitStreak;
  private int quietStreak;
  private boolean holding;
  private long resizes;
  private long ticks;
  private int smallest;
  private int largest;

  /** Default settings, CPU load from {@link #measuredCpuLoad()}. */
  public AdaptiveTuner(BlockingPool pool, int min, int max) {
    this(pool, min, max, Settings.defaults(), measuredCpuLoad());
  }

  /**
   * @param cpuLoad CPU load over the time since its previous call, 0..1 of the CPUs available to
   *     the process, negative when unknown (then CPU does not hold growth back); see {@link
   *     #measuredCpuLoad()}
   */
  public AdaptiveTuner(
      BlockingPool pool, int min, int max, Settings settings, DoubleSupplier cpuLoad) {
    if (min < 1 || min > max || max > PoolSizing.MAX_SIZE) {
      throw new IllegalArgumentException(
          "adaptive pool needs 1 <= min <= max <= "
              + PoolSizing.MAX_SIZE
              + ", got min "
              + min
              + ", max "
              + max);
    }
    this.pool = pool;
    this.min = min;
    this.max = max;
    this.settings = settings;
    this.cpuLoad = cpuLoad;
    this.smallest = pool.size();
    this.largest = pool.size();
  }

  /** Starts sampling every interval, first moving the pool into min..max if it lies outside. */
  public synchronized AdaptiveTuner start() {
    if (timer != null) throw new IllegalStateException("the tuner is already running");
    int size = pool.size();
    if (size < min || size > max) {
      int to = Math.clamp(size, min, max);
      apply(
          new Decision(Instant.now(), size, to, "moved into the range " + min + ".." + max, null));
    }
    last = pool.load();
    cpuLoad.getAsDouble(); // starts the CPU reading's interval
    timer =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "loopd-pool-tuner");
          t.setDaemon(true);
          return t;
        });
    long ms = settings.interval().toMillis();
    timer.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Called with every decision, on the tuner's thread; for logging. Must not block. */
  public void onDecision(Consumer<Decision> listener) {
    listeners.add(listener);
  }

  /** The latest decisions, oldest first (at most 64 are kept). */
  public synchronized List<Decision> recentDecisions() {
    return new ArrayList<>(recent);
  }

  /** Resizes since start (held growth not counted). */
  public synchronized long resizes() {
    return resizes;
  }

  /** The smallest pool size seen since the tuner was made. */
  public synchronized int smallestSize() {
    return smallest;
  }

  /** The largest pool size seen since the tuner was made. */
  public synchronized int largestSize() {
    return largest;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  synchronized long ticks() {
    return ticks;
  }

  private void tick() {
    try {
      PoolLoad now = pool.load();
      Sample sample = sample(last, now, cpuLoad.getAsDouble());
      last = now;
      step(sample);
    } catch (RuntimeException e) {
      // A failed sample must not end the schedule (scheduleAtFixedRate stops on a throw); the
      // next interval samples afresh.
      last = pool.load();
    }
  }

  /** One interval: notes the sizes seen, decides, and resizes the pool if so decided. */
  synchronized Decision step(Sample sample) {
    ticks++;
    smallest = Math.min(smallest, sample.size()); // someone else may have resized the pool
    largest = Math.max(largest, sample.size());
    Decision d = decide(sample);
    if (d != null) apply(d);
    return d;
  }

  static Sample sample(PoolLoad before, PoolLoad now, double cpuLoad) {
    long started = now.started() - before.started();
    long meanWait = started > 0 ? (now.queueWaitNanos() - before.queueWaitNanos()) / started : 0;
    long wall = Math.max(1, now.atNanos() - before.atNanos());
    double busy = (now.busyNanos() - before.busyNanos()) / ((double) wall * now.size());
    double utilization = Math.min(1.0, Math.max(busy, now.active() / (double) now.size()));
    return new Sample(
        now.size(), started, meanWait, now.queued(), now.active(), utilization, cpuLoad);
  }

  /** One step of the policy: updates the streaks and returns a decision, or null. */
  private Decision decide(Sample s) {
    boolean waited = s.queued() > 0 || s.meanWaitNanos() >= settings.waitThreshold().toNanos();
    boolean quiet = !waited && s.active() < s.size() && s.utilization() < settings.shrinkBelow();
    waitStreak = waited ? waitStreak + 1 : 0;
    quietStreak = quiet ? quietStreak + 1 : 0;
    if (!waited) holding = false;
    int size = s.size();
    if (waitStreak >= settings.growAfter() && size < max) {
      if (s.cpuLoad() >= settings.cpuSaturated()) {
        if (holding) return null;
        holding = true;
        return new Decision(
            Instant.now(),
            size,
            size,
            "tasks waited but the CPUs are saturated, so more threads would only contend ("
                + s.figures()
                + ")",
            s);
      }
      return new Decision(
          Instant.now(),
          size,
          size + 1,
          "tasks waited for " + waitStreak + " intervals (" + s.figures() + ")",
          s);
    }
    if (quietStreak >= settings.shrinkAfter() && size > min) {
      return new Decision(
          Instant.now(),
          size,
          size - 1,
          "quiet for " + quietStreak + " intervals (" + s.figures() + ")",
          s);
    }
    return null;
  }

  private synchronized void apply(Decision d) {
    if (d.resized()) {
      pool.resize(d.to());
      resizes++;
      waitStreak = 0;
      quietStreak = 0;
      holding = false;
      smallest = Math.min(smallest, d.to());
      largest = Math.max(largest, d.to());
    }
    recent.addLast(d);
    if (recent.size() > KEPT_DECISIONS) recent.removeFirst();
    for (Consumer<Decision> l : listeners) {
      try {
        l.accept(d);
      } catch (RuntimeException e) {
        // a broken logger must not stop the tuning
      }
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
  }

  /**
   * How busy the CPUs this process can use are, 0..1, over the time since the previous call: the
   * larger of the process's own share (its CPU time over wall time × {@link
   * Runtime#availableProcessors()}, which honours cgroup quotas) and the JDK's recent load of the
   * whole machine, or of the container when it runs in one. A CPU that another process holds is not
   * spare either: on a crowded machine the process's own share stays low while its threads wait for
   * a core, and growing CPU-bound work then only adds contention. Negative when neither figure is
   * available.
   */
  public static DoubleSupplier measuredCpuLoad() {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os)) {
      return () -> -1;
    }
    return new DoubleSupplier() {
      private long lastCpu = os.getProcessCpuTime();
      private long lastWall = System.nanoTime();

      @Override
      public synchronized double getAsDouble() {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double own = -1;
        if (cpu >= 0 && lastCpu >= 0) {
          double cpus = Runtime.getRuntime().availableProcessors();
          own = Math.min(1.0, (cpu - lastCpu) / (Math.max(1, wall - lastWall) * cpus));
        }
        lastCpu = cpu;
        lastWall = wall;
        return Math.max(own, Math.min(1.0, os.getCpuLoad()));
      }
    };
  }
}
