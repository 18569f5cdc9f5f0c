package dev.loopd.node.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.pool.AdaptiveTuner.Decision;
import dev.loopd.node.pool.AdaptiveTuner.Sample;
import dev.loopd.node.pool.AdaptiveTuner.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class AdaptiveTunerTest {
  private static final Settings FAST = Settings.defaults().withInterval(Duration.ofMillis(50));
  private static final DoubleSupplier LOW_CPU = () -> 0.05;

  record Span(long start, long end) {}

  @Test
  void sleepyWorkGrowsThePoolAndFinishesFasterThanOneThreadCould() throws Exception {
    int tasks = 32;
    long sleepMs = 50;
    try (BlockingPool pool = new BlockingPool(1, 64);
        AdaptiveTuner tuner = new AdaptiveTuner(pool, 1, 8, FAST, LOW_CPU).start()) {
      List<Span> spans = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(tasks);
      long began = System.nanoTime();
      for (int i = 0; i < tasks; i++) {
        pool.submit(
            () -> {
              long start = System.nanoTime();
              Thread.sleep(sleepMs);
              return new Span(start, System.nanoTime());
            },
            (span, failure) -> {
              spans.add(span);
              done.countDown();
            });
      }
      assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
      long elapsed = System.nanoTime() - began;

      assertThat(tuner.largestSize())
          .as("the pool grew well past 1 thread")
          .isGreaterThanOrEqualTo(4);
      assertThat(tuner.largestSize()).isLessThanOrEqualTo(8);
      assertThat(maxOverlap(spans)).as("tasks ran side by side").isGreaterThanOrEqualTo(3);
      assertThat(elapsed)
          .as("one thread needs at least %d x %d ms; the grown pool beat that", tasks, sleepMs)
          .isLessThan(TimeUnit.MILLISECONDS.toNanos(tasks * sleepMs));
      List<Decision> grows = tuner.recentDecisions().stream().filter(Decision::resized).toList();
      assertThat(grows).isNotEmpty();
      for (Decision d : grows) {
        assertThat(d.to()).as("one thread at a time: " + d).isEqualTo(d.from() + 1);
        assertThat(d.reason()).contains("tasks waited").contains("queued");
      }
    }
  }

  @Test
  void growthStopsAtMax() throws Exception {
    try (BlockingPool pool = new BlockingPool(1, 512);
        AdaptiveTuner tuner =
            new AdaptiveTuner(pool, 1, 3, FAST.withStreaks(1, 100), LOW_CPU).start()) {
      for (int i = 0; i < 300; i++) pool.submit(() -> sleep(20), (r, f) -> {});
      awaitTrue(() -> pool.size() == 3, "pool reaches its max of 3");
      long ticks = tuner.ticks();
      awaitTrue(() -> tuner.ticks() >= ticks + 5, "five more intervals pass");
      assertThat(pool.queued()).as("work is still waiting").isPositive();
      assertThat(pool.size()).isEqualTo(3);
      assertThat(tuner.largestSize()).isEqualTo(3);
      assertThat(tuner.resizes()).isEqualTo(2);
    }
  }

  @Test
  void cpuBoundWorkDoesNotGrowPastTheCpus() throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    try (BlockingPool pool = new BlockingPool(1, 4096)) {
      // What a CPU-bound task does to the process: each busy pool thread uses one CPU.
      DoubleSupplier cpuBound = () -> Math.min(1.0, pool.active() / (double) cpus);
      try (AdaptiveTuner tuner = new AdaptiveTuner(pool, 1, 4 * cpus + 4, FAST, cpuBound).start()) {
        int tasks = 40 * cpus;
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) pool.submit(() -> sleep(25), (r, f) -> done.countDown());
        awaitTrue(
            () -> tuner.recentDecisions().stream().anyMatch(d -> !d.resized()),
            "growth is held back for CPU");
        long ticks = tuner.ticks();
        awaitTrue(() -> tuner.ticks() >= ticks + 6, "six more intervals pass");
        assertThat(done.getCount()).as("work was still queued meanwhile").isPositive();
        assertThat(tuner.largestSize()).isGreaterThanOrEqualTo(cpus).isLessThanOrEqualTo(cpus + 1);
        Decision held =
            tuner.recentDecisions().stream().filter(d -> !d.resized()).findFirst().orElseThrow();
        assertThat(held.reason()).contains("CPUs are saturated").contains("CPU 100%");
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void idlePoolShrinksToMinAfterQuietIntervalsAndStaysThere() throws Exception {
    try (BlockingPool pool = new BlockingPool(4, 16);
        AdaptiveTuner tuner =
            new AdaptiveTuner(pool, 2, 8, FAST.withStreaks(2, 3), LOW_CPU).start()) {
      awaitTrue(() -> pool.size() == 2, "pool shrinks to its min of 2");
      long ticks = tuner.ticks();
      awaitTrue(() -> tuner.ticks() >= ticks + 8, "eight more intervals pass");
      assertThat(pool.size()).isEqualTo(2);
      assertThat(tuner.resizes()).isEqualTo(2);
      assertThat(tuner.smallestSize()).isEqualTo(2);
      assertThat(tuner.largestSize()).isEqualTo(4);
      assertThat(tuner.recentDecisions())
          .extracting(Decision::from, Decision::to)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(4, 3), org.assertj.core.groups.Tuple.tuple(3, 2));
      assertThat(tuner.recentDecisions().get(0).reason()).startsWith("quiet for 3 intervals");
    }
  }

  @Test
  void startMovesAPoolOutsideTheRangeIntoIt() {
    try (BlockingPool pool = new BlockingPool(10, 16);
        AdaptiveTuner tuner = new AdaptiveTuner(pool, 1, 6, Settings.defaults(), LOW_CPU)) {
      tuner.start();
      assertThat(pool.size()).isEqualTo(6);
      assertThat(tuner.recentDecisions().get(0).toString())
          .isEqualTo("blocking pool 10 -> 6: moved into the range 1..6");
    }
  }

  // ---- the policy, one interval at a time (no timer) ------------------------------------------

  private static Sample waited(int size) {
    return new Sample(size, 10, TimeUnit.MILLISECONDS.toNanos(20), 3, size, 1.0, 0.3);
  }

  private static Sample quiet(int size) {
    return new Sample(size, 1, 1000, 0, 0, 0.01, 0.05);
  }

  @Test
  void alternatingBusyAndQuietIntervalsDoNotFlap() {
    try (BlockingPool pool = new BlockingPool(2, 16)) {
      AdaptiveTuner tuner = new AdaptiveTuner(pool, 1, 8, Settings.defaults(), LOW_CPU);
      for (int i = 0; i < 50; i++) {
        assertThat(tuner.step(i % 2 == 0 ? waited(2) : quiet(2))).isNull();
      }
      assertThat(pool.size()).isEqualTo(2);
      assertThat(tuner.recentDecisions()).isEmpty();
    }
  }

  @Test
  void growsAfterTheWaitStreakAndShrinksOnlyAfterTheLongerQuietStreak() {
    try (BlockingPool pool = new BlockingPool(2, 16)) {
      AdaptiveTuner tuner =
          new AdaptiveTuner(pool, 1, 8, Settings.defaults().withStreaks(2, 4), LOW_CPU);
      assertThat(tuner.step(waited(2))).isNull();
      assertThat(tuner.step(waited(2)).to()).isEqualTo(3);
      assertThat(tuner.step(waited(3))).as("a resize restarts the streak").isNull();
      for (int i = 0; i < 3; i++) assertThat(tuner.step(quiet(3))).isNull();
      assertThat(tuner.step(waited(3))).isNull();
      for (int i = 0; i < 3; i++) {
        assertThat(tuner.step(quiet(3))).as("one busy interval restarted the count").isNull();
      }
      Decision shrink = tuner.step(quiet(3));
      assertThat(shrink.to()).isEqualTo(2);
      assertThat(shrink.reason()).startsWith("quiet for 4 intervals (mean queue wait 0.0 ms");
      assertThat(pool.size()).isEqualTo(2);
    }
  }

  @Test
  void cpuSaturationHoldsGrowthOnceThenGrowsWhenCpuFrees() {
    try (BlockingPool pool = new BlockingPool(2, 16)) {
      AdaptiveTuner tuner =
          new AdaptiveTuner(pool, 1, 8, Settings.defaults().withStreaks(1, 10), LOW_CPU);
      Sample saturated = new Sample(2, 10, TimeUnit.MILLISECONDS.toNanos(30), 5, 2, 1.0, 0.97);
      Decision held = tuner.step(saturated);
      assertThat(held.resized()).isFalse();
      assertThat(held.reason()).contains("CPUs are saturated").contains("CPU 97%");
      for (int i = 0; i < 5; i++) assertThat(tuner.step(saturated)).as("recorded once").isNull();
      assertThat(tuner.step(waited(2)).to()).as("CPU at 30%: grow").isEqualTo(3);
      assertThat(tuner.resizes()).isEqualTo(1);
    }
  }

  @Test
  void neverLeavesMinToMax() {
    try (BlockingPool pool = new BlockingPool(2, 16)) {
      AdaptiveTuner tuner =
          new AdaptiveTuner(pool, 2, 3, Settings.defaults().withStreaks(1, 1), LOW_CPU);
      for (int i = 0; i < 10; i++) tuner.step(waited(pool.size()));
      assertThat(pool.size()).isEqualTo(3);
      for (int i = 0; i < 10; i++) tuner.step(quiet(pool.size()));
      assertThat(pool.size()).isEqualTo(2);
      assertThat(tuner.resizes()).isEqualTo(2);
    }
  }

  @Test
  void sampleTakesMeanWaitAndCountsRunningTasksAsBusy() {
    PoolLoad before = new PoolLoad(0, 4, 0, 0, 10, 1_000_000, 0, 10);
    long ms100 = TimeUnit.MILLISECONDS.toNanos(100);
    PoolLoad after = new PoolLoad(ms100, 4, 3, 2, 14, 41_000_000, ms100, 13);
    Sample s = AdaptiveTuner.sample(before, after, 0.4);
    assertThat(s.started()).isEqualTo(4);
    assertThat(s.meanWaitNanos()).isEqualTo(10_000_000);
    assertThat(s.utilization()).as("3 of 4 busy now beats 25 percent busy time").isEqualTo(0.75);
    assertThat(s.queued()).isEqualTo(2);
  }

  @Test
  void measuredCpuLoadSeesAThreadSpinning() throws Exception {
    DoubleSupplier load = AdaptiveTuner.measuredCpuLoad();
    load.getAsDouble();
    Thread spinner =
        new Thread(() -> {
          long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
          long x = 0;
          while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + 1);
          if (x == 42) System.out.print("");
        });
    spinner.start();
    spinner.join();
    double seen = load.getAsDouble();
    double oneCpu = 1.0 / Runtime.getRuntime().availableProcessors();
    assertThat(seen).isBetween(oneCpu * 0.4, 1.0);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Object sleep(long ms) throws InterruptedException {
    Thread.sleep(ms);
    return null;
  }

  private static int maxOverlap(List<Span> spans) {
    List<long[]> edges = new ArrayList<>();
    for (Span s : spans) {
      edges.add(new long[] {s.start(), 1});
      edges.add(new long[] {s.end(), -1});
    }
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int most = 0;
    for (long[] e : edges) {
      now += (int) e[1];
      most = Math.max(most, now);
    }
    return most;
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting: " + what);
      Thread.sleep(10);
    }
  }
}
