package dev.loopd.node.health;

import dev.loopd.node.loop.EventLoop.TaskKind;
import dev.loopd.node.loop.EventLoop.TaskObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Duration of every macrotask (callback plus its microtask drain) and the longest ones, each
 * attributed to the handler (and version) that ran it. The loop's own bookkeeping timers are not
 * counted.
 *
 * <p>Attribution: the core calls {@link #setOwner(String, String)} before it runs a handler's code
 * and {@link #clearOwner()} after. A task belongs to the owner current when it started, or to the
 * last owner set while it ran, so both "set, run the task, clear" around {@code runTask} and "set
 * and clear inside the callback" attribute the task to the handler.
 *
 * <p>{@link #taskEnded} runs on the loop thread for every task: it records into an HdrHistogram
 * {@link Recorder} and compares against the shortest kept long task; it allocates only when a task
 * makes it into a top list.
 */
public final class TaskStats implements TaskObserver {
  /** Long tasks kept over the node's life ({@link #longest()}). */
  private static final int KEEP_LONGEST = 10;

  /** Long tasks kept per window (NodeStats.longest_tasks carries at most 5). */
  public static final int KEEP_PER_WINDOW = 5;

  private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

  /**
   * One long task.
   *
   * @param handler the handler that ran it; the default owner when it belongs to no handler
   * @param version the handler's version, empty when unknown
   * @param startedAt wall-clock start
   */
  public record LongTask(
      String handler, String version, TaskKind kind, long durationNanos, Instant startedAt) {
    /** What ran the task, as one string (the handler name). */
    public String owner() {
      return handler;
    }
  }

  private final String defaultOwner;
  private final long epochOffsetNanos;
  private final Recorder durations = new Recorder(HIGHEST, 3);
  private final Histogram total = new Histogram(HIGHEST, 3);
  private Histogram spare; // an interval histogram its reader handed back
  private final TopTasks longest = new TopTasks(KEEP_LONGEST);
  private final TopTasks window = new TopTasks(KEEP_PER_WINDOW);

  private volatile String handler;
  private volatile String version = "";
  // Attribution of the running task; written and read on the loop thread.
  private String taskHandler;
  private String taskVersion = "";

  /** Tasks outside any handler belong to "the script" (the {@code run} command). */
  public TaskStats() {
    this("the script");
  }

  /**
   * @param defaultOwner what tasks outside any handler are attributed to; the serving node uses ""
   *     (NodeStats.LongTask.handler is empty for node internals)
   */
  public TaskStats(String defaultOwner) {
    this.defaultOwner = defaultOwner;
    this.handler = defaultOwner;
    this.taskHandler = defaultOwner;
    Instant now = Instant.now();
    long epochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    this.epochOffsetNanos = epochNanos - System.nanoTime();
  }

  /** Names what the tasks that follow belong to (a handler, or the script). */
  public void setOwner(String owner) {
    setOwner(owner, "");
  }

  /** The tasks that follow (and the running one) belong to this handler version. */
  public void setOwner(String handler, String version) {
    this.handler = handler;
    this.version = version;
    this.taskHandler = handler;
    this.taskVersion = version;
  }

  /** The tasks that follow belong to no handler; the running one keeps its attribution. */
  public void clearOwner() {
    this.handler = defaultOwner;
    this.version = "";
  }

  @Override
  public void taskStarted(TaskKind kind, long startNanos) {
    taskHandler = handler;
    taskVersion = version;
  }

  @Override
  public void taskEnded(TaskKind kind, long startNanos, long endNanos) {
    if (kind == TaskKind.INTERNAL) return;
    long d = Math.min(endNanos - startNanos, HIGHEST);
    durations.recordValue(d);
    if (longest.admits(d) || window.admits(d)) {
      LongTask task = new LongTask(taskHandler, taskVersion, kind, d, wallClock(startNanos));
      longest.offer(task);
      window.offer(task);
    }
  }

  private Instant wallClock(long nanoTime) {
    long epochNanos = epochOffsetNanos + nanoTime;
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }

  /**
   * Task durations (nanoseconds) since the previous call. The histogram is the caller's until it
   * hands it back with {@link #recycle}.
   */
  public synchronized Histogram interval() {
    Histogram h = durations.getIntervalHistogram(spare);
    spare = null;
    total.add(h);
    return h;
  }

  /**
   * Hands back a histogram {@link #interval()} returned, once its reader is done with it: a later
   * interval reuses it instead of allocating another (see {@link StatsWindows}).
   */
  public synchronized void recycle(Histogram interval) {
    if (interval != null) spare = interval;
  }

  public synchronized Histogram total() {
    recycle(interval());
    return total.copy();
  }

  /** The longest tasks since the node started, longest first. */
  public List<LongTask> longest() {
    return longest.snapshot(false);
  }

  /**
   * The longest tasks since the previous call (at most {@link #KEEP_PER_WINDOW}), longest first;
   * starts a new window.
   */
  public List<LongTask> intervalLongest() {
    return window.snapshot(true);
  }

  /** The {@code capacity} longest tasks offered, kept sorted longest first. */
  private static final class TopTasks {
    private final int capacity;
    private final List<LongTask> tasks = new ArrayList<>();
    // Shortest kept duration once full, else -1: lets the loop thread skip the lock.
    private volatile long threshold = -1;

    TopTasks(int capacity) {
      this.capacity = capacity;
    }

    boolean admits(long durationNanos) {
      return durationNanos > threshold;
    }

    synchronized void offer(LongTask task) {
      if (!admits(task.durationNanos())) return;
      tasks.add(task);
      tasks.sort(Comparator.comparingLong(LongTask::durationNanos).reversed());
      if (tasks.size() > capacity) tasks.removeLast();
      threshold = tasks.size() == capacity ? tasks.getLast().durationNanos() : -1;
    }

    synchronized List<LongTask> snapshot(boolean reset) {
      List<LongTask> copy = List.copyOf(tasks);
      if (reset) {
        tasks.clear();
        threshold = -1;
      }
      return copy;
    }
  }
}
