package dev.loopd.node.health;

import dev.loopd.node.loop.EventLoop.TaskKind;
import dev.loopd.node.loop.EventLoop.TaskObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Watches the loop from its own daemon thread (as Vert.x's BlockedThreadChecker does). A task that
 * runs past the warn threshold is reported once, with where the JavaScript is; past the CPU budget
 * it is interrupted through the {@link Interrupter}, which fails that task only.
 */
public final class Watchdog implements TaskObserver, AutoCloseable {

  /** Interrupts the running JavaScript task; called on the watchdog thread. */
  public interface Interrupter {
    void interrupt(long taskSequence);
  }

  private final long warnNanos;
  private final long budgetNanos;
  private final LongSupplier taskBudgetNanos;
  private final long checkEveryNanos;
  private final Interrupter interrupter;
  private final Supplier<String> whereIsJs;
  private final Consumer<String> log;
  private final Thread thread;

  private volatile long taskStart; // 0 when the loop is not in a task
  private volatile long taskSequence;
  private volatile TaskKind taskKind;
  private volatile Supplier<String> owner = () -> "the script";
  private long warnedSequence = -1;
  private volatile long interruptedSequence = -1;
  private volatile boolean closed;

  /**
   * @param warnMs report a task running longer than this (0: never)
   * @param budgetMs interrupt a task running longer than this (0: never)
   * @param whereIsJs describes where the running JavaScript is (called on the watchdog thread)
   */
  public Watchdog(
      long warnMs,
      long budgetMs,
      Interrupter interrupter,
      Supplier<String> whereIsJs,
      Consumer<String> log) {
    this(warnMs, budgetMs, null, interrupter, whereIsJs, log);
  }

  /**
   * A watchdog whose budget depends on the task: {@code taskBudgetNanos} is read on the watchdog
   * thread for the task running (e.g. the budget of the handler whose realm runs it); 0 means no
   * budget. {@code budgetMs} only sets how often the watchdog looks.
   */
  public Watchdog(
      long warnMs,
      long budgetMs,
      LongSupplier taskBudgetNanos,
      Interrupter interrupter,
      Supplier<String> whereIsJs,
      Consumer<String> log) {
    this.warnNanos = TimeUnit.MILLISECONDS.toNanos(warnMs);
    this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMs);
    this.taskBudgetNanos = taskBudgetNanos;
    this.interrupter = interrupter;
    this.whereIsJs = whereIsJs;
    this.log = log;
    long smallest = Math.min(warnMs > 0 ? warnMs : Long.MAX_VALUE, budgetMs > 0 ? budgetMs : 1000);
    long checkEveryMs = Math.max(1, Math.min(100, smallest / 5));
    this.checkEveryNanos = TimeUnit.MILLISECONDS.toNanos(checkEveryMs);
    this.thread = new Thread(() -> watch(checkEveryMs), "loopd-watchdog");
    thread.setDaemon(true);
  }

  public Watchdog start() {
    thread.start();
    return this;
  }

  public void setOwner(String owner) {
    this.owner = () -> owner;
  }

  /** Names what the running task belongs to, read when a warning is written. */
  public void setOwner(Supplier<String> owner) {
    this.owner = owner;
  }

  // The loop thread's CPU clock: budgets count the CPU time a task used, not wall time, so a GC
  // pause or the OS running something else does not fail a handler that was not at fault.
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private volatile long loopThreadId = -1;
  private long baselineSequence = -1; // watchdog thread only
  private long baselineCpu;
  private long baselineWall;

  @Override
  public void taskStarted(TaskKind kind, long startNanos) {
    if (loopThreadId < 0) loopThreadId = Thread.currentThread().threadId();
    taskKind = kind;
    taskSequence++;
    taskStart = startNanos;
  }

  @Override
  public void taskEnded(TaskKind kind, long startNanos, long endNanos) {
    taskStart = 0;
  }

  /** Whether the task with this sequence number was interrupted for exceeding its budget. */
  public boolean interruptedCurrentTask() {
    return interruptedSequence == taskSequence;
  }

  public long budgetMs() {
    return TimeUnit.NANOSECONDS.toMillis(budgetNanos);
  }

  private void watch(long checkEveryMs) {
    while (!closed) {
      try {
        Thread.sleep(checkEveryMs);
      } catch (InterruptedException e) {
        return;
      }
      long start = taskStart;
      if (start == 0) continue;
      long sequence = taskSequence;
      long elapsed = System.nanoTime() - start;
      if (warnNanos > 0 && elapsed > warnNanos && warnedSequence != sequence) {
        warnedSequence = sequence;
        log.accept(
            "loopd: the event loop has been blocked for "
                + TimeUnit.NANOSECONDS.toMillis(elapsed)
                + " ms by "
                + describe(taskKind)
                + " of "
                + owner.get()
                + where());
      }
      long budget = taskBudgetNanos != null ? taskBudgetNanos.getAsLong() : budgetNanos;
      // A task past its budget in CPU time is stopped; so is one past twice its budget in wall
      // time, since a loop kept waiting (a starved thread) holds up every other request too.
      boolean over = budget > 0 && (cpuUsed(sequence, start) > budget || elapsed > 2 * budget);
      if (over && interruptedSequence != sequence) {
        interruptedSequence = sequence;
        if (taskStart == start) interrupter.interrupt(sequence);
      }
    }
  }

  /**
   * CPU time the running task has used, as far as the watchdog can tell without costing the loop
   * anything per task: the loop thread's CPU clock since the watchdog first saw the task, plus at
   * most one check interval before that. Wall time where the clock is unavailable.
   */
  private long cpuUsed(long sequence, long startNanos) {
    long now = System.nanoTime();
    long id = loopThreadId;
    long cpu = id < 0 ? -1 : THREADS.getThreadCpuTime(id);
    if (cpu < 0) return now - startNanos;
    if (baselineSequence != sequence) {
      baselineSequence = sequence;
      baselineCpu = cpu;
      baselineWall = now;
    }
    // Before the first sighting only wall time is known; count at most one check interval of it,
    // since a watchdog thread that was itself kept off the CPU may see the task late.
    return Math.min(baselineWall - startNanos, checkEveryNanos) + (cpu - baselineCpu);
  }

  private String where() {
    try {
      String at = whereIsJs.get();
      return at == null ? "" : "\n    at " + at;
    } catch (RuntimeException e) {
      return "";
    }
  }

  static String describe(TaskKind kind) {
    if (kind == null) return "a task";
    return switch (kind) {
      case MAIN -> "the main script";
      case TIMER -> "a timer callback";
      case PENDING -> "a pending callback";
      case POLL -> "an I/O callback";
      case IMMEDIATE -> "an immediate";
      case CLOSE -> "a close callback";
      case INTERNAL -> "an internal task";
    };
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
