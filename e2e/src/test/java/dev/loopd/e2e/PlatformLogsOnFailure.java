package dev.loopd.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints the end of the control API's and the nodes' logs of the platforms a test class started
 * when one of its tests (or its {@code @BeforeAll}/{@code @AfterAll}) fails, so a failure report
 * carries what the processes said. Failures whose message already has the logs (from {@link
 * Platform#await}) are not printed twice. Registered on every IT with {@code @ExtendWith}.
 */
final class PlatformLogsOnFailure extends LogsOnFailure {

  @Override
  protected void print(ExtensionContext context, Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    if (message.contains(Platform.LOGS_HEADER)) {
      return;
    }
    for (Platform platform : Platform.startedBy(context.getRequiredTestClass())) {
      System.err.println(
          "=== " + context.getDisplayName() + " failed (" + failure + ")" + platform.logs());
    }
  }
}
