package dev.loopd.node.health;

import static dev.loopd.proto.node.v1.InvocationOutcome.INVOCATION_OUTCOME_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.proto.node.v1.NodeStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives a real event loop on its own thread, as a serving node does. */
class StatsWindowsTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

  private final EventLoop loop = new EventLoop();
  private final LagMonitor lag = new LagMonitor(loop, 1);
  private final BlockingPool pool = new BlockingPool(2, 16);
  private final InvocationStats invocations = new InvocationStats();
  private final TaskStats tasks = new TaskStats("");
  private final AtomicBoolean ready = new AtomicBoolean();
  private final LinkedBlockingQueue<StatsWindows.Window> windows = new LinkedBlockingQueue<>();
  private StatsWindows stats;
  private Thread loopThread;

  private void startNode(Duration interval) {
    loop.addObserver(tasks);
    StatsWindows.NodeInfo info =
        new StatsWindows.NodeInfo("node-a", "pool-1", STARTED, () -> 7, ready::get);
    stats = new StatsWindows(loop, lag, pool, invocations, tasks, info, interval);
    stats.addListener(windows::add);
    loopThread =
        Thread.ofPlatform()
            .name("test-loop")
            .start(() -> {
              loop.refHandle(); // a serving node's servers keep its loop alive
              lag.start();
              stats.start();
              loop.run();
            });
  }

  @AfterEach
  void stopNode() throws InterruptedException {
    if (stats != null) stats.close();
    loop.submit(loop::unrefHandle); // the Java timers are unreferenced: the loop ends
    if (loopThread != null) loopThread.join(5000);
    pool.close();
  }

  /** The next window that matches, waiting at most 5 s. */
  private NodeStats next(Predicate<NodeStats> matching) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < end) {
      StatsWindows.Window w = windows.poll(100, TimeUnit.MILLISECONDS);
      if (w != null && matching.test(w.stats())) return w.stats();
    }
    throw new AssertionError("no matching stats window within 5 s; latest: " + stats.latestStats());
  }

  private static double seconds(com.google.protobuf.Duration d) {
    return d.getSeconds() + d.getNanos() / 1e9;
  }

  @Test
  void aQuietLoopReportsItsIdentityAndLowFigures() throws Exception {
    startNode(Duration.ofMillis(200));
    ready.set(true);
    NodeStats quiet = next(s -> s.getReady());

    assertThat(quiet.getNodeId()).isEqualTo("node-a");
    assertThat(quiet.getPool()).isEqualTo("pool-1");
    assertThat(quiet.getStartedAt().getSeconds()).isEqualTo(STARTED.getEpochSecond());
    assertThat(quiet.getHandlerSetVersion()).isEqualTo(7);
    assertThat(seconds(quiet.getInterval())).isCloseTo(0.2, within(0.1));
    assertThat(Duration.between(toInstant(quiet.getTimestamp()), Instant.now()).abs())
        .isLessThan(Duration.ofSeconds(2));
    assertThat(quiet.getLoopLag().getResolutionSeconds()).isEqualTo(0.001);
    assertThat(quiet.getLoopLag().getSampleCount()).as("1 ms samples in 200 ms").isGreaterThan(50);
    assertThat(quiet.getLoopLag().getP50Seconds()).isLessThan(0.02);
    assertThat(quiet.getElu()).isBetween(0.0, 0.5);
    assertThat(quiet.getBlockingPool().getSize()).isEqualTo(2);
    assertThat(quiet.getBlockingPool().getQueueCapacity()).isEqualTo(16);
    assertThat(quiet.getLongestTasksList()).isEmpty();
    assertThat(stats.latestStats().getNodeId()).isEqualTo("node-a");
  }

  @Test
  void aTwoHundredMillisecondBlockShowsInLagEluAndLongestTasks() throws Exception {
    startNode(Duration.ofMillis(500));
    next(s -> true); // one full window before the block
    loop.submit(() -> {
      tasks.setOwner("slow", "3");
      LagMonitorTest.busy(200);
      tasks.clearOwner();
    });

    NodeStats blocked = next(s -> !s.getLongestTasksList().isEmpty());
    assertThat(blocked.getLongestTasks(0).getHandler()).isEqualTo("slow");
    assertThat(blocked.getLongestTasks(0).getHandlerVersion()).isEqualTo("3");
    assertThat(blocked.getLongestTasks(0).getDurationSeconds()).isGreaterThanOrEqualTo(0.2);
    assertThat(blocked.getLongestTasks(0).getStartedAt().getSeconds())
        .isCloseTo(Instant.now().getEpochSecond(), within(3L));
    assertThat(blocked.getLoopLag().getMaxSeconds()).as("max").isGreaterThanOrEqualTo(0.19);
    // Corrected for coordinated omission: the block counts as ~200 late samples, not one.
    assertThat(blocked.getLoopLag().getP99Seconds()).as("p99").isGreaterThanOrEqualTo(0.1);
    // 200 ms busy within a window of 500 ms (or ~700 ms when the block delays its close).
    assertThat(blocked.getElu()).as("ELU").isGreaterThan(0.25);

    NodeStats after = next(s -> true);
    assertThat(after.getLongestTasksList()).as("each window has its own long tasks").isEmpty();
    assertThat(after.getLoopLag().getMaxSeconds()).isLessThan(0.1);
  }

  @Test
  void poolAndInvocationFiguresReachTheWindow() throws Exception {
    startNode(Duration.ofMillis(200));
    CountDownLatch done = new CountDownLatch(4);
    for (int i = 0; i < 4; i++) {
      pool.submit(
          () -> {
            Thread.sleep(100);
            return null;
          },
          (r, f) -> done.countDown());
    }
    invocations.started("hello");
    invocations.started("hello");
    invocations.finished("hello", INVOCATION_OUTCOME_OK, 3 * MS);
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();

    // Histograms are per window and the work may straddle windows: look at all of them.
    double runP50 = 0;
    double waitP99 = 0;
    NodeStats s;
    do {
      s = next(w -> true);
      runP50 = Math.max(runP50, s.getBlockingPool().getRunTimeP50Seconds());
      waitP99 = Math.max(waitP99, s.getBlockingPool().getQueueWaitP99Seconds());
    } while (s.getBlockingPool().getCompletedTotal() < 4);
    var p = s.getBlockingPool();
    assertThat(p.getActive()).isZero();
    assertThat(p.getQueued()).isZero();
    assertThat(runP50).isGreaterThanOrEqualTo(0.09);
    // Four tasks on two threads: the second pair waited for the first.
    assertThat(waitP99).isGreaterThanOrEqualTo(0.09);
    assertThat(s.getInFlight()).isEqualTo(1);
    assertThat(s.getInvocationsList())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.getHandler()).isEqualTo("hello");
          assertThat(c.getOutcome()).isEqualTo(INVOCATION_OUTCOME_OK);
          assertThat(c.getCountTotal()).isEqualTo(1);
        });
  }

  @Test
  void poolUtilizationReflectsBusyThreads() throws Exception {
    startNode(Duration.ofMillis(300));
    next(w -> true);
    CountDownLatch done = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      pool.submit(
          () -> {
            LagMonitorTest.busy(250);
            return null;
          },
          (r, f) -> done.countDown());
    }
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    NodeStats busy = next(w -> w.getBlockingPool().getCompletedTotal() == 2);
    // Both threads busy for 250 ms; the window is 300 ms, or the work straddles two.
    double utilization = busy.getBlockingPool().getUtilization();
    if (utilization < 0.5) utilization += next(w -> true).getBlockingPool().getUtilization();
    assertThat(utilization).isGreaterThan(0.5);
  }

  @Test
  void windowsReuseTheirHistogramsOnceTheListenersHaveRun() throws Exception {
    // Fresh histograms every window (~240 KB each for lag and task durations) lived two windows,
    // long enough to be promoted: under load they grew the old generation every second.
    // Written on the stats thread for the first 15 windows only, read after them. Windows of
    // 200 ms: the stats thread hands a window's histograms back long before the next one closes,
    // even on a loaded machine (at 20 ms, three busy processes on two cores made it fall behind).
    Set<Histogram> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<String> inconsistent = new CopyOnWriteArrayList<>();
    AtomicInteger listened = new AtomicInteger();
    startNode(Duration.ofMillis(200));
    stats.addListener(w -> {
      if (listened.get() >= 15) return;
      seen.add(w.lag());
      seen.add(w.taskDurations());
      seen.add(w.poolQueueWait());
      seen.add(w.poolRunTime());
      seen.addAll(w.invocationDurations().values());
      if (w.lag().getTotalCount() != w.stats().getLoopLag().getSampleCount()) {
        inconsistent.add(w.lag().getTotalCount() + " vs " + w.stats().getLoopLag());
      }
      listened.incrementAndGet();
    });
    while (listened.get() < 15) {
      invocations.started("hello");
      invocations.finished("hello", INVOCATION_OUTCOME_OK, 3 * MS);
      pool.submit(() -> null, (r, f) -> {});
      Thread.sleep(5);
    }

    assertThat(inconsistent).as("a lent histogram changed during its listener's call").isEmpty();
    // Five sources (lag, tasks, queue wait, run time, one handler): two histograms each take
    // turns; a third where the stats thread had not handed one back by the next close.
    assertThat(seen).as("distinct histograms over 15 windows").hasSizeLessThanOrEqualTo(15);
  }

  @Test
  void aSlowListenerDoesNotHoldUpTheLoop() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    startNode(Duration.ofMillis(50));
    stats.addListener(w -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread.sleep(200); // several windows closed; the listener is stuck on the first
    CountDownLatch ran = new CountDownLatch(1);
    loop.submit(ran::countDown);
    // The listener stays stuck for the whole wait, so a loop it held up would never run the task;
    // 5 s (not 1) leaves room for a shared CI machine that starves the loop thread for a while.
    assertThat(ran.await(5, TimeUnit.SECONDS)).as("the loop still runs tasks").isTrue();
    release.countDown();
  }

  @Test
  void intervalChangesFromTheNextWindowOn() throws Exception {
    startNode(Duration.ofMillis(100));
    next(w -> true);
    stats.setInterval(Duration.ofMillis(400));
    NodeStats longer = next(w -> seconds(w.getInterval()) > 0.3);
    assertThat(seconds(longer.getInterval())).isCloseTo(0.4, within(0.15));
  }

  private static Instant toInstant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
