package dev.loopd.operator.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.operator.core.NodeTarget;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.core.PoolWatcher;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.ScalingEvent;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API's view of an operator core in another process, over an in-process server. */
class RemoteRuntimeTest {

  private static final PoolRef POOL = new PoolRef("acme", "web");

  private final FakeRuntime core = new FakeRuntime();
  private final String name = InProcessServerBuilder.generateName();
  private Server server;
  private ManagedChannel channel;
  private RemoteRuntime remote;

  @BeforeEach
  void start() throws IOException {
    server = serve();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    remote = new RemoteRuntime(channel, "operator:7071");
  }

  private Server serve() throws IOException {
    return InProcessServerBuilder.forName(name)
        .directExecutor()
        .addService(new RuntimeGrpcService(core))
        .build()
        .start();
  }

  @AfterEach
  void stop() {
    remote.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void awaitNodeReturnsTheCoresChoiceAndPassesTheNodesAlreadyTried() throws Exception {
    core.nodes.put(POOL, CompletableFuture.completedFuture(new NodeTarget("n-2", "10.0.0.2:9090")));

    NodeTarget node = remote.awaitNode(POOL, Set.of("n-1")).get(5, TimeUnit.SECONDS);

    assertThat(node).isEqualTo(new NodeTarget("n-2", "10.0.0.2:9090"));
    assertThat(core.excluded).containsExactly(Set.of("n-1"));
  }

  @Test
  void awaitNodeKeepsTheCoresStatusCode() {
    assertThatThrownBy(() -> remote.awaitNode(new PoolRef("acme", "nope"), Set.of()).get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .satisfies(e -> {
          assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(e).hasMessageContaining("pool \"nope\" does not exist");
        });
  }

  @Test
  void aCallerThatGivesUpReleasesItsPlaceInTheHoldQueue() throws Exception {
    CompletableFuture<NodeTarget> held = new CompletableFuture<>();
    core.nodes.put(POOL, held);

    CompletableFuture<NodeTarget> waiting =
        remote.awaitNode(POOL, Set.of()).orTimeout(100, TimeUnit.MILLISECONDS);

    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!held.isCancelled() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(held.isCancelled()).as("the operator's held invocation was cancelled").isTrue();
  }

  @Test
  void anUnreachableOperatorIsUnavailableNamingItsAddress() throws Exception {
    server.shutdownNow().awaitTermination();

    assertThatThrownBy(() -> remote.health(POOL))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("operator at operator:7071 is not reachable");
    // An invocation waits for the operator (until its own timeout) rather than failing.
    CompletableFuture<NodeTarget> waiting =
        remote.awaitNode(POOL, Set.of()).orTimeout(300, TimeUnit.MILLISECONDS);
    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
  }

  @Test
  void anInvocationIsHeldWhileTheOperatorRestarts() throws Exception {
    server.shutdownNow().awaitTermination();
    CompletableFuture<NodeTarget> waiting = remote.awaitNode(POOL, Set.of());
    Thread.sleep(300); // a few refused dials
    assertThat(waiting).isNotDone();

    core.nodes.put(POOL, CompletableFuture.completedFuture(new NodeTarget("n-1", "10.0.0.1:9090")));
    server = serve();

    assertThat(waiting.get(10, TimeUnit.SECONDS).nodeId()).isEqualTo("n-1");
  }

  @Test
  void statusReadsSayUnknownWhenTheOperatorDoesNotAnswer() throws Exception {
    core.poolStatus = PoolStatus.newBuilder().setReadyNodes(2).setDesiredNodes(3).build();
    assertThat(remote.poolStatus("acme", "web").getReadyNodes()).isEqualTo(2);

    server.shutdownNow().awaitTermination();

    PoolStatus unknown = remote.poolStatus("acme", "web");
    assertThat(unknown.getConditions(0).getType()).isEqualTo("Ready");
    assertThat(unknown.getConditions(0).getStatus()).isEqualTo("Unknown");
    assertThat(unknown.getConditions(0).getReason()).isEqualTo("OperatorUnreachable");
    assertThat(remote.runningNodes("acme")).isZero();
  }

  @Test
  void handlerStatusAndRunningNodesComeFromTheCore() {
    core.handlerStatus =
        HandlerStatus.newBuilder()
            .setState(HandlerStatus.State.STATE_READY)
            .setReadyNodes(3)
            .build();
    core.running = 4;

    assertThat(remote.handlerStatus("acme", "hello").getReadyNodes()).isEqualTo(3);
    assertThat(remote.runningNodes("acme")).isEqualTo(4);
  }

  @Test
  void healthOfAMissingPoolIsEmpty() {
    core.health.put(POOL, PoolHealth.newBuilder().setPool("web").setReadyNodes(1).build());

    assertThat(remote.health(POOL)).map(PoolHealth::getReadyNodes).contains(1);
    assertThat(remote.health(new PoolRef("acme", "nope"))).isEmpty();
  }

  @Test
  void aWatchGetsHealthAndScalingEventsThenDeletion() throws Exception {
    core.health.put(POOL, PoolHealth.newBuilder().setPool("web").build());
    Recorder seen = new Recorder();

    Runnable cancel = remote.watch(POOL, seen);
    core.awaitWatchers(1);
    core.publish(POOL, ScalingEvent.newBuilder().setFromNodes(1).setToNodes(3).build());
    core.delete(POOL);

    seen.awaitDeleted();
    assertThat(seen.events).containsExactly("health web", "scale 1->3", "deleted");
    cancel.run();
  }

  @Test
  void aWatchResubscribesWhenTheOperatorRestarts() throws Exception {
    core.health.put(POOL, PoolHealth.newBuilder().setPool("web").build());
    Recorder seen = new Recorder();
    Runnable cancel = remote.watch(POOL, seen);
    core.awaitWatchers(1);

    server.shutdownNow().awaitTermination();
    core.watchers.clear();
    server = serve();

    core.awaitWatchers(1);
    core.publish(POOL, ScalingEvent.newBuilder().setFromNodes(2).setToNodes(1).build());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!seen.events.contains("scale 2->1") && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(seen.events).containsSubsequence("health web", "health web", "scale 2->1");

    cancel.run();
    assertThat(seen.events).doesNotContain("deleted");
  }

  /** An operator core that answers what the test sets. */
  private static final class FakeRuntime implements PlatformRuntime {
    final Map<PoolRef, CompletableFuture<NodeTarget>> nodes = new ConcurrentHashMap<>();
    final Map<PoolRef, PoolHealth> health = new ConcurrentHashMap<>();
    final Map<PoolRef, List<PoolWatcher>> watchers = new ConcurrentHashMap<>();
    final List<Set<String>> excluded = new CopyOnWriteArrayList<>();
    volatile PoolStatus poolStatus = PoolStatus.getDefaultInstance();
    volatile HandlerStatus handlerStatus = HandlerStatus.getDefaultInstance();
    volatile int running;

    @Override
    public CompletableFuture<NodeTarget> awaitNode(PoolRef pool, Set<String> exclude) {
      excluded.add(exclude);
      return nodes.getOrDefault(
          pool,
          CompletableFuture.failedFuture(
              Status.NOT_FOUND
                  .withDescription("pool \"" + pool.name() + "\" does not exist")
                  .asException()));
    }

    @Override
    public Optional<PoolHealth> health(PoolRef pool) {
      return Optional.ofNullable(health.get(pool));
    }

    @Override
    public Runnable watch(PoolRef pool, PoolWatcher watcher) {
      List<PoolWatcher> list = watchers.computeIfAbsent(pool, p -> new CopyOnWriteArrayList<>());
      list.add(watcher);
      return () -> list.remove(watcher);
    }

    void awaitWatchers(int n) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (watchers.getOrDefault(POOL, List.of()).size() < n && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertThat(watchers.get(POOL)).hasSize(n);
    }

    void publish(PoolRef pool, ScalingEvent event) {
      watchers.getOrDefault(pool, List.of()).forEach(w -> w.scalingEvent(event));
    }

    void delete(PoolRef pool) {
      health.remove(pool);
      List<PoolWatcher> gone = watchers.remove(pool);
      if (gone != null) {
        gone.forEach(PoolWatcher::deleted);
      }
    }

    @Override
    public PoolStatus poolStatus(String tenant, String pool) {
      return poolStatus;
    }

    @Override
    public HandlerStatus handlerStatus(String tenant, String handler) {
      return handlerStatus;
    }

    @Override
    public int runningNodes(String tenant) {
      return running;
    }
  }

  private static final class Recorder implements PoolWatcher {
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicInteger deleted = new AtomicInteger();

    @Override
    public void health(PoolHealth health) {
      events.add("health " + health.getPool());
    }

    @Override
    public void scalingEvent(ScalingEvent event) {
      events.add("scale " + event.getFromNodes() + "->" + event.getToNodes());
    }

    @Override
    public void deleted() {
      events.add("deleted");
      deleted.incrementAndGet();
    }

    void awaitDeleted() throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (deleted.get() == 0 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
    }
  }
}
