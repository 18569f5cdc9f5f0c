package dev.loopd.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.loopd.operator.store.InMemoryStore;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeSessionServiceGrpc;
import dev.loopd.proto.node.v1.NodeStats;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator core driving a pool through real node sessions (gRPC, in process): nodes scripted by
 * the test speak the session protocol of session.proto; the driver is a recording double and the
 * clock is moved by hand, so every tick is deterministic.
 */
class OperatorCoreTest {

  private final InMemoryStore store = new InMemoryStore();
  private final RecordingDriver driver = new RecordingDriver();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private OperatorCore core;
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void setUp() throws Exception {
    store.putTenant(Tenant.newBuilder().setName("t").build());
    core = new OperatorCore(store, driver, clock);
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(core.sessionService())
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void tearDown() {
    channel.shutdownNow();
    server.shutdownNow();
    core.close();
  }

  private void pool(String name, PoolSpec spec) {
    store.putPool(
        Pool.newBuilder()
            .setTenant("t")
            .setName(name)
            .setSpec(PoolDefaults.withDefaults(spec))
            .setGeneration(1)
            .build());
  }

  private void handler(String name, String pool, String version, String source) {
    store.putHandler(
        Handler.newBuilder()
            .setTenant("t")
            .setName(name)
            .setPool(pool)
            .setActiveVersion(version)
            .setLatestVersion(version)
            .build(),
        HandlerVersion.newBuilder().setVersion(version).setSource(source).build());
  }

  private static PoolSpec manual(int nodes) {
    return PoolSpec.newBuilder()
        .setMinNodes(0)
        .setMaxNodes(5)
        .setNodes(nodes)
        .setAutoscaling(AutoscalingPolicy.newBuilder().setMode(AutoscalingPolicy.Mode.MODE_MANUAL))
        .build();
  }

  @Test
  void startsThePoolsNodesAndSendsThemTheHandlerSetAndSettings() throws Exception {
    pool("web", manual(2));
    handler("hello", "web", "1", "export default () => 'hi'");
    core.tick();
    assertThat(driver.started).hasSize(2);

    FakeNode node = connect(driver.started.get(0), "t/web");
    ControlMessage first = node.next();
    assertThat(first.getHandlerSet().getHandlersList())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getName()).isEqualTo("hello");
          assertThat(h.getVersion()).isEqualTo("1");
          assertThat(h.getTenant()).isEqualTo("t");
        });
    assertThat(node.next().hasPoolSettings()).isTrue();
    assertThat(core.poolStatus("t", "web").getReadyNodes()).isZero();

    node.ready(first.getHandlerSet().getVersion());
    assertThat(core.poolStatus("t", "web").getReadyNodes()).isEqualTo(1);
    assertThat(core.handlerStatus("t", "hello").getState())
        .isEqualTo(HandlerStatus.State.STATE_READY);
    NodeTarget target = core.awaitNode(new PoolRef("t", "web"), Set.of()).get(1, TimeUnit.SECONDS);
    assertThat(target.nodeId()).isEqualTo(node.id);
    assertThat(target.grpcAddress()).isEqualTo("127.0.0.1:9" + node.id.length());
  }

  @Test
  void aNewVersionReachesConnectedNodesAsANewHandlerSet() throws Exception {
    pool("web", manual(1));
    handler("hello", "web", "1", "export default () => 'one'");
    core.tick();
    FakeNode node = connect(driver.started.get(0), "t/web");
    long v1 = node.next().getHandlerSet().getVersion();
    node.next(); // settings
    node.ready(v1);

    handler("hello", "web", "2", "export default () => 'two'");
    core.tick();
    ControlMessage.HandlerSet set = node.next().getHandlerSet();
    assertThat(set.getVersion()).isGreaterThan(v1);
    assertThat(set.getHandlers(0).getVersion()).isEqualTo("2");
    assertThat(core.handlerStatus("t", "hello").getReadyNodes()).isZero(); // not applied yet
    node.ready(set.getVersion());
    assertThat(core.handlerStatus("t", "hello").getReadyNodes()).isEqualTo(1);
  }

  @Test
  void anInvocationForAPoolAtZeroIsHeldUntilANodeIsReady() throws Exception {
    pool("lazy", PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(2).build());
    handler("hello", "lazy", "1", "export default () => 'hi'");
    core.tick();
    assertThat(driver.started).isEmpty();

    CompletableFuture<NodeTarget> held = core.awaitNode(new PoolRef("t", "lazy"), Set.of());
    assertThat(held).isNotDone();
    assertThat(core.health(new PoolRef("t", "lazy")).orElseThrow().getHeldInvocations())
        .isEqualTo(1);
    core.tick();
    assertThat(driver.started).hasSize(1);
    assertThat(core.poolStatus("t", "lazy").getRecentEventsList())
        .extracting(ScalingEvent::getReason)
        .contains(ScalingEvent.Reason.REASON_SCALE_FROM_ZERO);

    FakeNode node = connect(driver.started.get(0), "t/lazy");
    node.ready(node.next().getHandlerSet().getVersion());
    assertThat(held.get(1, TimeUnit.SECONDS).nodeId()).isEqualTo(node.id);
  }

  @Test
  void anInvocationWhoseCallerGaveUpNoLongerCountsAsHeld() {
    pool("lazy", PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(2).build());
    PoolRef lazy = new PoolRef("t", "lazy");
    CompletableFuture<NodeTarget> gaveUp = core.awaitNode(lazy, Set.of());
    CompletableFuture<NodeTarget> waits = core.awaitNode(lazy, Set.of());
    assertThat(core.health(lazy).orElseThrow().getHeldInvocations()).isEqualTo(2);

    gaveUp.completeExceptionally(new java.util.concurrent.TimeoutException()); // as orTimeout does

    assertThat(core.health(lazy).orElseThrow().getHeldInvocations()).isEqualTo(1);
    assertThat(waits).isNotDone();
  }

  @Test
  void aNodeWhoseProcessDiedIsReplaced() throws Exception {
    pool("web", manual(1));
    core.tick();
    String id = driver.started.get(0);
    FakeNode node = connect(id, "t/web");
    node.ready(node.next().getHandlerSet().getVersion());

    node.breakSession();
    driver.running.remove(id);
    core.tick();

    assertThat(driver.stopped).contains(id);
    assertThat(driver.started).hasSize(2);
    assertThat(core.poolStatus("t", "web").getRecentEventsList())
        .extracting(ScalingEvent::getReason)
        .contains(ScalingEvent.Reason.REASON_NODE_REPLACED);
  }

  @Test
  void scalingDownDrainsANodeAndStopsItOnceDrained() throws Exception {
    pool("web", manual(2));
    core.tick();
    FakeNode a = connect(driver.started.get(0), "t/web");
    FakeNode b = connect(driver.started.get(1), "t/web");
    a.ready(a.next().getHandlerSet().getVersion());
    b.ready(b.next().getHandlerSet().getVersion());
    a.next();
    b.next(); // settings

    pool("web", manual(1));
    core.tick();
    FakeNode drained = a.pending() ? a : b;
    assertThat(drained.next().hasDrain()).isTrue();
    assertThat(core.poolStatus("t", "web").getReadyNodes()).isEqualTo(1);
    drained.send(
        NodeMessage.newBuilder()
            .setSequence(9)
            .setDrained(NodeMessage.Drained.newBuilder().setCompleted(3))
            .build());
    assertThat(drained.next().getAck().getSequence()).isEqualTo(9);
    drained.out.onCompleted(); // as a node does once its Drained is acknowledged
    core.tick();
    assertThat(driver.stopped).containsExactly(drained.id);
    assertThat(driver.started).hasSize(2);
  }

  @Test
  void aStartThePlatformNamesCountsUntilANewNodeSaysHelloAndIsAskedAgainAfterTheStartTimeout()
      throws Exception {
    driver.namesNodes = false;
    pool("web", manual(2));
    core.tick();
    core.tick();
    core.tick();
    assertThat(driver.started).as("one start per missing node, not one per tick").hasSize(2);
    assertThat(core.poolStatus("t", "web").getRecentEventsList())
        .filteredOn(e -> e.getReason() == ScalingEvent.Reason.REASON_MANUAL)
        .as("the decision is recorded once")
        .hasSize(1);

    FakeNode pod = connect("web-7d9f-x2k4q", "t/web");
    pod.ready(pod.next().getHandlerSet().getVersion());
    core.tick();
    assertThat(driver.started).hasSize(2);
    assertThat(core.poolStatus("t", "web").getReadyNodes()).isEqualTo(1);

    clock.advance(PoolController.START_TIMEOUT.plusSeconds(1));
    core.tick();
    assertThat(driver.started).as("the start that never connected is asked again").hasSize(3);
    assertThat(core.poolStatus("t", "web").getConditionsList())
        .anySatisfy(c -> assertThat(c.getMessage()).contains("did not connect in 120 s"));
  }

  @Test
  void scalingDownForgetsPendingStartsBeforeDrainingANode() throws Exception {
    driver.namesNodes = false;
    pool("web", manual(1));
    core.tick();
    FakeNode pod = connect("web-a", "t/web");
    pod.ready(pod.next().getHandlerSet().getVersion());
    pod.next(); // settings
    pool("web", manual(3));
    core.tick();
    assertThat(driver.started).hasSize(3);

    pool("web", manual(1));
    core.tick();
    assertThat(pod.pending()).as("the ready node is not drained").isFalse();
    pool("web", manual(2));
    core.tick();
    assertThat(driver.started).as("asked again: the forgotten starts no longer count").hasSize(4);
  }

  @Test
  void aNodeOfAnUnknownPoolIsToldNotFound() throws Exception {
    FakeNode node = connect("stray", "t/nope");
    assertThat(node.closed.get(1, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aHelloWithoutTenantInThePoolIsInvalid() throws Exception {
    FakeNode node = connect("stray", "web");
    Status status = node.closed.get(1, TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("tenant/pool");
  }

  // Test doubles.

  private FakeNode connect(String id, String pool) {
    FakeNode node = new FakeNode(id);
    node.out = NodeSessionServiceGrpc.newStub(channel).session(node);
    node.send(
        NodeMessage.newBuilder()
            .setSequence(1)
            .setHello(
                NodeMessage.Hello.newBuilder()
                    .setNodeId(id)
                    .setPool(pool)
                    .setGrpcAddress("127.0.0.1:9" + id.length())
                    .setHttpAddress("127.0.0.1:8" + id.length()))
            .build());
    return node;
  }

  /** A node scripted by the test: records what the control plane sends. */
  private final class FakeNode implements StreamObserver<ControlMessage> {
    final String id;
    final LinkedBlockingQueue<ControlMessage> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Status> closed = new CompletableFuture<>();
    StreamObserver<NodeMessage> out;
    long sequence = 1;

    FakeNode(String id) {
      this.id = id;
    }

    ControlMessage next() throws InterruptedException {
      ControlMessage m = received.poll(1, TimeUnit.SECONDS);
      assertThat(m).as("a message from the control plane to " + id).isNotNull();
      return m;
    }

    boolean pending() {
      return !received.isEmpty();
    }

    void send(NodeMessage m) {
      out.onNext(m);
    }

    void ready(long version) {
      send(
          NodeMessage.newBuilder()
              .setSequence(++sequence)
              .setReady(NodeMessage.Ready.newBuilder().setHandlerSetVersion(version))
              .build());
      send(
          NodeMessage.newBuilder()
              .setSequence(++sequence)
              .setStats(
                  NodeStats.newBuilder()
                      .setNodeId(id)
                      .setTimestamp(Timestamps.fromMillis(clock.millis()))
                      .setElu(0.1)
                      .setReady(true))
              .build());
    }

    void breakSession() {
      out.onError(Status.UNAVAILABLE.withDescription("node died").asRuntimeException());
    }

    @Override
    public void onNext(ControlMessage value) {
      received.add(value);
    }

    @Override
    public void onError(Throwable t) {
      closed.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
      closed.complete(Status.OK);
    }
  }

  /** Records starts and stops; a started node counts as running until the test says otherwise. */
  private static final class RecordingDriver implements NodeDriver {
    final List<String> started = new ArrayList<>();
    final List<String> stopped = new ArrayList<>();
    final Set<String> running = new HashSet<>();

    /** False: the platform names the nodes (a Deployment's pods); starts return empty. */
    boolean namesNodes = true;

    @Override
    public synchronized Optional<String> startNode(PoolRef pool, PoolSpec spec) {
      String id = pool.name() + "-" + (started.size() + 1);
      started.add(id);
      if (!namesNodes) {
        return Optional.empty();
      }
      running.add(id);
      return Optional.of(id);
    }

    @Override
    public synchronized void stopNode(PoolRef pool, String nodeId) {
      stopped.add(nodeId);
      running.remove(nodeId);
    }

    @Override
    public synchronized boolean isRunning(String nodeId) {
      return running.contains(nodeId);
    }
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
