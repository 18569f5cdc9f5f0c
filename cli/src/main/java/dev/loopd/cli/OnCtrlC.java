package dev.loopd.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action when the JVM is asked to stop (Ctrl-C, SIGTERM), then holds the shutdown until
 * loopctl has finished its output ({@link #processDone()} from {@code main}, at most 5 s), so
 * long-running commands ({@code watch}, {@code load}) end cleanly and {@code load} still prints its
 * summary.
 */
public final class OnCtrlC implements AutoCloseable {
  private static final CountDownLatch PROCESS_DONE = new CountDownLatch(1);
  private final Thread hook;

  private OnCtrlC(Runnable action) {
    hook =
        new Thread(
            () -> {
              action.run();
              try {
                PROCESS_DONE.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "loopctl-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Installs {@code action} until {@link #close()}. */
  public static OnCtrlC run(Runnable action) {
    return new OnCtrlC(action);
  }

  /** loopctl has printed everything: a pending shutdown may proceed. */
  static void processDone() {
    PROCESS_DONE.countDown();
  }

  /** The command is done: later signals just exit. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running (Ctrl-C); it returns once main calls processDone().
    }
  }
}
