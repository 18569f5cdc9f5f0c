package dev.loopd.e2e.kube;

import dev.loopd.e2e.LogsOnFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test scaffolding: prints the end of the logs of what a test class started (a {@link
 * KubeCluster}'s components, a {@link FakeKubelet}'s journal and pods) when a test or a {@code
 * BeforeAll}/{@code AfterAll} fails. Register it as a static field with {@code @RegisterExtension}
 * and {@link #watch} what should be shown.
 */
public final class KubeLogsOnFailure extends LogsOnFailure {

  private final List<Supplier<String>> sources = new CopyOnWriteArrayList<>();

  /** Adds a source of log tails ({@code cluster::logs}, {@code kubelet::logs}). */
  public void watch(Supplier<String> logs) {
    sources.add(logs);
  }

  @Override
  protected void print(ExtensionContext context, Throwable failure) {
    StringBuilder out =
        new StringBuilder("=== ")
            .append(context.getDisplayName())
            .append(" failed (")
            .append(failure)
            .append(")\n");
    for (Supplier<String> source : sources) {
      try {
        out.append(source.get());
      } catch (RuntimeException e) {
        out.append("(logs unavailable: ").append(e).append(")\n");
      }
    }
    System.err.println(out);
  }
}
