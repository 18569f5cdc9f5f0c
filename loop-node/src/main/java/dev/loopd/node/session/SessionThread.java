package dev.loopd.node.session;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one daemon thread the node session's logic runs on. gRPC callbacks, stats windows and
 * completed applies are all handed to it, so the session's state needs no locks and its stream is
 * written from one thread only (gRPC stream observers are not thread-safe). Work handed to it after
 * {@link #shutdown()} is dropped: the client is closed and there is nothing left to do.
 */
final class SessionThread implements Executor {
  private final ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;

  SessionThread(String name) {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              thread = t;
              return t;
            });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closed) {
      // shut down: drop it
    }
  }

  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code task} on the thread and waits for it (at most {@code timeout}); inline when called
   * from the thread itself. Returns false if it did not finish in time or the thread is shut down.
   */
  boolean runAndWait(Runnable task, Duration timeout) throws InterruptedException {
    if (Thread.currentThread() == thread) {
      task.run();
      return true;
    }
    try {
      executor.submit(task).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (RejectedExecutionException | TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  void shutdown() {
    executor.shutdown();
  }
}
