package dev.loopd.node.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockingPoolTest {

  record Span(long start, long end) {}

  @Test
  void eightTasksOnFourThreadsRunInTwoBatches() throws Exception {
    try (BlockingPool pool = new BlockingPool(4, 64)) {
      List<Span> spans = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(8);
      for (int i = 0; i < 8; i++) {
        pool.submit(
            () -> {
              long start = System.nanoTime();
              Thread.sleep(150);
              return new Span(start, System.nanoTime());
            },
            (span, failure) -> {
              spans.add(span);
              done.countDown();
            });
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      List<Span> byStart = spans.stream().sorted((a, b) -> Long.compare(a.start, b.start)).toList();
      long firstBatchEnd = byStart.subList(0, 4).stream().mapToLong(Span::end).min().orElseThrow();
      for (Span late : byStart.subList(4, 8)) {
        assertThat(late.start())
            .as("batch 2 starts after a batch-1 thread frees up")
            .isGreaterThanOrEqualTo(firstBatchEnd);
      }
      PoolStats stats = pool.snapshot();
      assertThat(stats.completed()).isEqualTo(8);
      assertThat(stats.queueWaitMax())
          .as("the second batch waited in the queue")
          .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(100));
      assertThat(stats.runTimeP50()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(140));
      assertThat(stats.utilization()).isGreaterThan(0.5);
    }
  }

  @Test
  void fullQueueRejectsWithAClearError() throws Exception {
    try (BlockingPool pool = new BlockingPool(1, 1)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      pool.submit(
          () -> {
            started.countDown();
            release.await();
            return 1;
          },
          (r, f) -> {});
      started.await();
      pool.submit(() -> 2, (r, f) -> {}); // takes the one queue slot
      assertThatThrownBy(() -> pool.submit(() -> 3, (r, f) -> {}))
          .isInstanceOf(PoolFullException.class)
          .hasMessageContaining("saturated")
          .hasMessageContaining("1 threads busy")
          .hasMessageContaining("1 of 1 queue slots");
      assertThat(pool.snapshot().rejected()).isEqualTo(1);
      assertThat(pool.queued()).isEqualTo(1);
      release.countDown();
    }
  }

  @Test
  void failuresReachTheCallback() throws Exception {
    try (BlockingPool pool = new BlockingPool(1, 4)) {
      CountDownLatch done = new CountDownLatch(1);
      Throwable[] seen = new Throwable[1];
      pool.submit(
          () -> {
            throw new IllegalStateException("boom");
          },
          (r, f) -> {
            seen[0] = f;
            done.countDown();
          });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(seen[0]).hasMessage("boom");
    }
  }

  @Test
  void resizeChangesTheNumberOfThreads() {
    try (BlockingPool pool = new BlockingPool(2, 4)) {
      pool.resize(5);
      assertThat(pool.size()).isEqualTo(5);
      pool.resize(1);
      assertThat(pool.size()).isEqualTo(1);
    }
  }

  @Test
  void sizeComesFromLoopdPoolSizeThenUvThreadpoolSizeThenCpus() {
    assertThat(PoolSizing.defaultSize(Map.of("LOOPD_POOL_SIZE", "3", "UV_THREADPOOL_SIZE", "7")))
        .isEqualTo(3);
    assertThat(PoolSizing.defaultSize(Map.of("UV_THREADPOOL_SIZE", "7"))).isEqualTo(7);
    assertThat(PoolSizing.defaultSize(Map.of()))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> PoolSizing.defaultSize(Map.of("UV_THREADPOOL_SIZE", "lots")))
        .hasMessageContaining("UV_THREADPOOL_SIZE='lots' is not a whole number");
    assertThatThrownBy(() -> PoolSizing.defaultSize(Map.of("LOOPD_POOL_SIZE", "0")))
        .hasMessageContaining("out of range");
  }
}
