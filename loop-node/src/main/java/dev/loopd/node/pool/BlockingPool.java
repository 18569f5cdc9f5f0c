package dev.loopd.node.pool;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The equivalent of libuv's thread pool: a fixed set of threads for blocking work (crypto, zlib)
 * behind a bounded queue. Every piece of work passes through {@link #submit}, which records when it
 * was queued, began and ended, or that it was rejected (as Vert.x's ExecuteBlocking does with its
 * PoolMetrics). Threads never touch a JS context: results go back through the callback, which the
 * caller hands to its event loop.
 */
public final class BlockingPool implements AutoCloseable {
  private static final long HIGHEST_TRACKABLE = TimeUnit.MINUTES.toNanos(10);

  private final ThreadPoolExecutor executor;
  private final int queueCapacity;
  private final AtomicInteger active = new AtomicInteger();
  private final LongAdder completed = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();
  private final LongAdder started = new LongAdder();
  private final LongAdder queueWaitNanos = new LongAdder();
  private final Recorder queueWait = new Recorder(HIGHEST_TRACKABLE, 2);
  private final Recorder runTime = new Recorder(HIGHEST_TRACKABLE, 2);
  private final Histogram queueWaitTotal = new Histogram(HIGHEST_TRACKABLE, 2);
  private final Histogram runTimeTotal = new Histogram(HIGHEST_TRACKABLE, 2);
  // Interval histograms their reader handed back (recycle), reused by the next window.
  private Histogram spareQueueWait;
  private Histogram spareRunTime;
  private long lastSnapshotNanos = System.nanoTime();
  private long lastBusyNanos;

  public BlockingPool(int size, int queueCapacity) {
    if (size < 1) throw new IllegalArgumentException("pool size must be at least 1, got " + size);
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, got " + queueCapacity);
    }
    this.queueCapacity = queueCapacity;
    this.executor =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            namedDaemonThreads(),
            new ThreadPoolExecutor.AbortPolicy());
  }

  private static ThreadFactory namedDaemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "loopd-pool-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Queues blocking work. {@code done} runs on the pool thread with the result or the failure.
   *
   * @throws PoolFullException when the queue is full; nothing was queued
   */
  public <T> void submit(Callable<T> work, BiConsumer<T, Throwable> done) {
    long queuedAt = System.nanoTime();
    try {
      executor.execute(() -> {
        long start = System.nanoTime();
        queueWait.recordValue(Math.min(start - queuedAt, HIGHEST_TRACKABLE));
        started.increment();
        queueWaitNanos.add(start - queuedAt);
        active.incrementAndGet();
        T result = null;
        Throwable failure = null;
        try {
          result = work.call();
        } catch (Throwable t) {
          failure = t;
        } finally {
          long end = System.nanoTime();
          active.decrementAndGet();
          busyNanos.add(end - start);
          runTime.recordValue(Math.min(end - start, HIGHEST_TRACKABLE));
          completed.increment();
        }
        done.accept(result, failure);
      });
    } catch (RejectedExecutionException e) {
      rejected.increment();
      if (executor.isShutdown()) throw new IllegalStateException("blocking pool is shut down", e);
      throw new PoolFullException(size(), executor.getQueue().size(), queueCapacity);
    }
  }

  public int size() {
    return executor.getMaximumPoolSize();
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public int active() {
    return active.get();
  }

  public int queued() {
    return executor.getQueue().size();
  }

  /**
   * Running totals for readers that must not disturb {@link #snapshot()}'s intervals (the {@link
   * AdaptiveTuner}): any number of readers may call it, each diffing its own previous reading.
   */
  public PoolLoad load() {
    return new PoolLoad(
        System.nanoTime(),
        size(),
        active.get(),
        queued(),
        started.sum(),
        queueWaitNanos.sum(),
        busyNanos.sum(),
        completed.sum());
  }

  /** Changes the number of threads; work already running finishes on its thread. */
  public synchronized void resize(int size) {
    if (size < 1) throw new IllegalArgumentException("pool size must be at least 1, got " + size);
    if (size > executor.getMaximumPoolSize()) {
      executor.setMaximumPoolSize(size);
      executor.setCorePoolSize(size);
    } else {
      executor.setCorePoolSize(size);
      executor.setMaximumPoolSize(size);
    }
  }

  /** Figures since the previous call (histograms) and in total (counters). */
  public synchronized PoolStats snapshot() {
    PoolWindow window = window();
    recycle(window);
    return window.stats();
  }

  /**
   * As {@link #snapshot}, with the queue-wait and run-time histograms of the interval (in
   * nanoseconds) for readers that export distributions rather than percentiles. Each call starts a
   * new interval for {@link #snapshot} too: one reader should own them. The histograms are the
   * reader's until it hands them back with {@link #recycle}.
   */
  public synchronized PoolWindow window() {
    long nowNanos = System.nanoTime();
    Histogram wait = queueWait.getIntervalHistogram(spareQueueWait);
    Histogram run = runTime.getIntervalHistogram(spareRunTime);
    spareQueueWait = null;
    spareRunTime = null;
    queueWaitTotal.add(wait);
    runTimeTotal.add(run);
    long busy = busyNanos.sum();
    long wall = Math.max(1, nowNanos - lastSnapshotNanos);
    double utilization = Math.min(1.0, (busy - lastBusyNanos) / ((double) wall * size()));
    lastSnapshotNanos = nowNanos;
    lastBusyNanos = busy;
    PoolStats stats =
        new PoolStats(
            size(),
            active.get(),
            queued(),
            completed.sum(),
            rejected.sum(),
            utilization,
            wait.getValueAtPercentile(50),
            wait.getValueAtPercentile(99),
            wait.getMaxValue(),
            run.getValueAtPercentile(50),
            run.getValueAtPercentile(99),
            run.getMaxValue());
    return new PoolWindow(stats, wait, run);
  }

  /**
   * Hands back the histograms of a window {@link #window()} returned, once its reader is done with
   * them: a later window reuses them instead of allocating new ones.
   */
  public synchronized void recycle(PoolWindow window) {
    if (window == null) return;
    if (window.queueWait() != null) spareQueueWait = window.queueWait();
    if (window.runTime() != null) spareRunTime = window.runTime();
  }

  /** Figures over the pool's whole life (for a final summary). */
  public synchronized PoolStats totals(long sinceNanos) {
    snapshot();
    long wall = Math.max(1, System.nanoTime() - sinceNanos);
    double utilization = Math.min(1.0, busyNanos.sum() / ((double) wall * size()));
    return new PoolStats(
        size(),
        active.get(),
        queued(),
        completed.sum(),
        rejected.sum(),
        utilization,
        queueWaitTotal.getValueAtPercentile(50),
        queueWaitTotal.getValueAtPercentile(99),
        queueWaitTotal.getMaxValue(),
        runTimeTotal.getValueAtPercentile(50),
        runTimeTotal.getValueAtPercentile(99),
        runTimeTotal.getMaxValue());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
