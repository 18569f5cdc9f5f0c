package dev.loopd.node.health;

import dev.loopd.node.loop.EventLoop.TaskKind;
import dev.loopd.node.loop.EventLoop.TaskObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Duration of every macrotask (callback plus its microtask drain) and the longest ones, each
 * attributed to what ran it. The loop's own bookkeeping timers are not counted.
 */
public final class TaskStats implements TaskObserver {
  private static final int KEEP_LONGEST = 10;
  private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

  /** One long task: what ran it and for how long. */
  public record LongTask(String owner, TaskKind kind, long durationNanos) {}

  private final Recorder durations = new Recorder(HIGHEST, 3);
  private final Histogram total = new Histogram(HIGHEST, 3);
  private final List<LongTask> longest = new ArrayList<>();
  private volatile String owner = "the script";

  /** Names what the tasks that follow belong to (a handler, or the script). */
  public void setOwner(String owner) {
    this.owner = owner;
  }

  @Override
  public void taskStarted(TaskKind kind, long startNanos) {}

  @Override
  public void taskEnded(TaskKind kind, long startNanos, long endNanos) {
    if (kind == TaskKind.INTERNAL) return;
    long d = Math.min(endNanos - startNanos, HIGHEST);
    durations.recordValue(d);
    synchronized (longest) {
      if (longest.size() < KEEP_LONGEST || d > longest.get(longest.size() - 1).durationNanos()) {
        longest.add(new LongTask(owner, kind, d));
        longest.sort(Comparator.comparingLong(LongTask::durationNanos).reversed());
        if (longest.size() > KEEP_LONGEST) longest.remove(longest.size() - 1);
      }
    }
  }

  public synchronized Histogram interval() {
    Histogram h = durations.getIntervalHistogram();
    total.add(h);
    return h;
  }

  public synchronized Histogram total() {
    interval();
    return total.copy();
  }

  public List<LongTask> longest() {
    synchronized (longest) {
      return List.copyOf(longest);
    }
  }
}
