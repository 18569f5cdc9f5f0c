package dev.loopd.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.loop.EventLoop.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskStatsTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** Runs one task of {@code ms} that starts at {@code start}, with {@code inside} run inside. */
  private static void task(TaskStats stats, long start, long ms, Runnable inside) {
    stats.taskStarted(TaskKind.POLL, start);
    inside.run();
    stats.taskEnded(TaskKind.POLL, start, start + ms * MS);
  }

  @Test
  void taskBelongsToTheHandlerSetBeforeItOrInsideIt() {
    TaskStats stats = new TaskStats("");
    long t0 = System.nanoTime();

    stats.setOwner("before", "1");
    task(stats, t0, 30, () -> {});
    stats.clearOwner();

    task(
        stats,
        t0,
        20,
        () -> {
          stats.setOwner("inside", "2");
          stats.clearOwner(); // the core resets when the handler's code returns
        });

    task(stats, t0, 10, () -> {});

    assertThat(stats.intervalLongest())
        .extracting(TaskStats.LongTask::handler, TaskStats.LongTask::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("before", "1"),
            org.assertj.core.groups.Tuple.tuple("inside", "2"),
            org.assertj.core.groups.Tuple.tuple("", ""));
  }

  @Test
  void windowKeepsTheFiveLongestLongestFirstThenStartsAgain() {
    TaskStats stats = new TaskStats("");
    long t0 = System.nanoTime();
    Instant before = Instant.now();
    long[] durations = {3, 9, 1, 7, 5, 8, 2};
    for (long ms : durations) task(stats, t0, ms, () -> stats.setOwner("h" + ms, "1"));

    var window = stats.intervalLongest();
    assertThat(window)
        .extracting(TaskStats.LongTask::durationNanos)
        .containsExactly(9 * MS, 8 * MS, 7 * MS, 5 * MS, 3 * MS);
    assertThat(window.getFirst().handler()).isEqualTo("h9");
    assertThat(Duration.between(before, window.getFirst().startedAt()).abs())
        .as("start timestamp is wall-clock time")
        .isLessThan(Duration.ofSeconds(1));

    assertThat(stats.intervalLongest()).as("a new window starts empty").isEmpty();
    task(stats, t0, 1, () -> {});
    assertThat(stats.intervalLongest()).hasSize(1);
    assertThat(stats.longest())
        .as("the lifetime list is not reset by windows")
        .hasSize(durations.length + 1);
  }

  @Test
  void internalTasksAreNotCounted() {
    TaskStats stats = new TaskStats();
    stats.taskStarted(TaskKind.INTERNAL, 0);
    stats.taskEnded(TaskKind.INTERNAL, 0, 50 * MS);
    assertThat(stats.interval().getTotalCount()).isZero();
    assertThat(stats.intervalLongest()).isEmpty();
  }

  @Test
  void singleStringOwnerStillWorks() {
    TaskStats stats = new TaskStats();
    task(stats, 0, 4, () -> {});
    stats.setOwner("hello");
    task(stats, 0, 5, () -> {});
    assertThat(stats.longest())
        .extracting(TaskStats.LongTask::owner)
        .containsExactly("hello", "the script");
  }
}
