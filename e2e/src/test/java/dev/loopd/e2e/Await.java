package dev.loopd.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Test scaffolding: polling with a deadline that says what it waited for and shows the logs. */
public final class Await {

  private Await() {}

  /** Like {@link #until(String, Duration, BooleanSupplier, Supplier)} without logs. */
  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    until(what, timeout, condition, () -> "");
  }

  /**
   * Polls {@code condition} every 250 ms until it holds; after {@code timeout} fails with {@code
   * what}, the last exception the condition threw, and {@code logs}.
   */
  public static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> logs)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < end) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "timed out after "
            + timeout
            + " waiting for "
            + what
            + (last == null ? "" : " (last error: " + last + ")")
            + "\n"
            + logs.get());
  }
}
