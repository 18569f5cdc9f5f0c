package dev.loopd.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Test scaffolding: prints what the processes a test class started said when one of its tests, or
 * its {@code @BeforeAll}/{@code @AfterAll}, fails; then rethrows the failure.
 */
public abstract class LogsOnFailure
    implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  /** Prints the logs that explain {@code failure}. */
  protected abstract void print(ExtensionContext context, Throwable failure);

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    print(context, failure);
    throw failure;
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    print(context, failure);
    throw failure;
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    print(context, failure);
    throw failure;
  }
}
