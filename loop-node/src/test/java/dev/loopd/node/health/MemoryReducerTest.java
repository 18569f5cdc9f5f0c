package dev.loopd.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryReducerTest {
  private static final long S = TimeUnit.SECONDS.toNanos(1);
  private static final long MB = 1 << 20;

  /** A heap whose collector frees everything but {@code live} and counts its collections. */
  private static final class FakeHeap implements MemoryReducer.Heap {
    long collections;
    long oldUsed;
    long afterLast;
    long live;
    int fullCollections;

    /** A young collection promoting {@code bytes} to the old generation. */
    void promote(long bytes) {
      collections++;
      oldUsed += bytes;
    }

    @Override
    public long collections() {
      return collections;
    }

    @Override
    public long oldUsed() {
      return oldUsed;
    }

    @Override
    public long oldUsedAfterLastCollection() {
      return afterLast;
    }

    @Override
    public void collect() {
      collections++;
      fullCollections++;
      oldUsed = live;
      afterLast = live;
    }
  }

  private final FakeHeap heap = new FakeHeap();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<String> lines = new ArrayList<>();
  private final MemoryReducer reducer =
      new MemoryReducer(heap, inFlight::get, Duration.ofSeconds(10), 16 * MB, lines::add);

  @Test
  void collectsOnceTheNodeHasBeenQuietAfterTheOldGenerationGrew() {
    heap.live = 40 * MB;
    heap.oldUsed = heap.afterLast = 40 * MB;
    heap.promote(200 * MB); // a burst: loading handlers, compiling

    assertThat(reducer.check(0)).as("it just collected: not quiet yet").isFalse();
    assertThat(reducer.check(9 * S)).as("quiet for 9 s only").isFalse();
    assertThat(reducer.check(10 * S)).isTrue();

    assertThat(heap.fullCollections).isEqualTo(1);
    assertThat(heap.oldUsed).isEqualTo(40 * MB);
    assertThat(lines).singleElement().asString().contains("240 -> 40 MB");
    assertThat(reducer.check(30 * S)).as("nothing grew since").isFalse();
    assertThat(reducer.check(300 * S)).isFalse();
    assertThat(heap.fullCollections).isEqualTo(1);
  }

  @Test
  void aCollectionDuringTheQuietSpellStartsItAgain() {
    heap.promote(100 * MB);
    reducer.check(0);
    heap.promote(MB); // still allocating: a young collection at 8 s
    assertThat(reducer.check(8 * S)).isFalse();
    assertThat(reducer.check(17 * S)).as("quiet for 9 s since that one").isFalse();
    assertThat(reducer.check(18 * S)).isTrue();
  }

  @Test
  void neverWithAnInvocationInFlight() {
    heap.promote(100 * MB);
    reducer.check(0);
    inFlight.set(1);
    assertThat(reducer.check(20 * S)).isFalse();
    inFlight.set(0);
    assertThat(reducer.check(21 * S)).isTrue();
  }

  @Test
  void notForGrowthUnderTheThreshold() {
    heap.oldUsed = heap.afterLast = 40 * MB;
    heap.promote(15 * MB);
    reducer.check(0);
    assertThat(reducer.check(60 * S)).isFalse();
    assertThat(heap.fullCollections).isZero();
  }

  @Test
  void onThisJvmItFindsAnOldGenerationOrStandsAside() {
    // The tests' JVM runs the default collector (G1 on a server-class machine, Serial on a small
    // one): the reducer steps aside for G1, which gives memory back itself.
    boolean g1 =
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(c -> c.getName().startsWith("G1"));
    assertThat(MemoryReducer.jvmHeap().isPresent()).isEqualTo(!g1);
  }
}
