package dev.loopd.node.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.NodeCapacity;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.PoolSettings;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node session client against {@link FakeControlPlane}, a real gRPC server on a localhost port
 * playing the control plane's part (the real control plane comes in a later issue), and {@link
 * FakeNodeCore}. Backoff is shortened to 20..200 ms so reconnects happen within the test.
 */
class NodeSessionClientTest {
  private static final NodeMessage.Hello IDENTITY =
      NodeMessage.Hello.newBuilder()
          .setNodeId("node-a")
          .setPool("web")
          .setHttpAddress("10.0.0.7:8080")
          .setGrpcAddress("10.0.0.7:9090")
          .setCapacity(NodeCapacity.newBuilder().setCpus(1.5).setBlockingPoolSize(4))
          .putLabels("topology.kubernetes.io/zone", "eu-1a")
          .build();

  private final List<String> journal = new CopyOnWriteArrayList<>();
  private final FakeNodeCore core = new FakeNodeCore(journal);
  private final CountDownLatch afterDrained = new CountDownLatch(1);
  private FakeControlPlane controlPlane;
  private NodeSessionClient client;

  @BeforeEach
  void startControlPlane() throws Exception {
    controlPlane = new FakeControlPlane(journal).start();
    client =
        new NodeSessionClient(
            controlPlane.target(),
            IDENTITY,
            core,
            afterDrained::countDown,
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    controlPlane.close();
  }

  @Test
  void helloIsTheFirstMessageWithPoolNodeIdAndAddresses() throws Exception {
    client.start();
    NodeMessage first = controlPlane.nextSession().next();

    assertThat(first.getSequence()).isEqualTo(1);
    assertThat(first.hasHello()).isTrue();
    NodeMessage.Hello hello = first.getHello();
    assertThat(hello.getNodeId()).isEqualTo("node-a");
    assertThat(hello.getPool()).isEqualTo("web");
    assertThat(hello.getHttpAddress()).isEqualTo("10.0.0.7:8080");
    assertThat(hello.getGrpcAddress()).isEqualTo("10.0.0.7:9090");
    assertThat(hello.getCapacity().getCpus()).isEqualTo(1.5);
    assertThat(hello.getLabelsMap()).containsEntry("topology.kubernetes.io/zone", "eu-1a");
    assertThat(hello.getHandlerSetVersion()).as("fresh start").isZero();
    assertThat(hello.hasStartedAt()).isTrue();
    assertThat(client.state()).isEqualTo(NodeSessionClient.State.CONNECTING);
  }

  @Test
  void readyIsSentOnlyAfterTheHandlerSetWasApplied() throws Exception {
    core.slow(1, Duration.ofMillis(600));
    client.start();
    FakeControlPlane.NodeSession session = controlPlane.nextSession();
    session.next(); // Hello

    session.send(handlerSet(1, "hello", "echo"));
    session.send(poolSettings());

    assertThat(session.nextWithin(Duration.ofMillis(300))).as("nothing while applying").isNull();
    NodeMessage ready = session.next();
    assertThat(ready.getReady().getHandlerSetVersion()).isEqualTo(1);
    assertThat(ready.getSequence()).isEqualTo(2);
    assertThat(journal)
        .containsSubsequence(
            "apply-start HANDLER_SET 1", "apply-done HANDLER_SET 1", "node ready 1");
    awaitState(NodeSessionClient.State.READY);
    assertThat(client.connected()).isTrue();
    // Pool settings go to the core too, after the set.
    await(() -> core.applied.size() == 2);
    assertThat(core.applied.get(1).hasPoolSettings()).isTrue();
  }

  @Test
  void handlerThatFailedToLoadIsReportedBeforeReady() throws Exception {
    core.fail(
        1,
        NodeMessage.HandlerLoadFailed.newBuilder()
            .setHandler("broken")
            .setVersion("2")
            .setError(
                SourceError.newBuilder()
                    .setKind(SourceError.Kind.KIND_SYNTAX)
                    .setLine(3)
                    .setMessage("Expected ; but found x"))
            .build());
    client.start();
    FakeControlPlane.NodeSession session = controlPlane.nextSession();
    session.next(); // Hello

    session.send(handlerSet(1, "hello", "broken"));

    NodeMessage failed = session.next();
    assertThat(failed.hasHandlerLoadFailed()).isTrue();
    assertThat(failed.getHandlerLoadFailed().getHandler()).isEqualTo("broken");
    assertThat(failed.getHandlerLoadFailed().getHandlerSetVersion()).isEqualTo(1);
    assertThat(failed.getHandlerLoadFailed().getError().getMessage())
        .isEqualTo("Expected ; but found x");
    NodeMessage ready = session.next();
    assertThat(ready.getReady().getHandlerSetVersion())
        .as("ready with failures included")
        .isEqualTo(1);
    assertThat(ready.getSequence()).isGreaterThan(failed.getSequence());
  }

  @Test
  void changesAreAppliedOneAtATimeInTheOrderReceived() throws Exception {
    FakeControlPlane.NodeSession session = readySession();
    core.slow(2, Duration.ofMillis(400));

    session.send(upsert(2, "hello"));
    session.send(remove(3, "echo"));
    session.send(upsert(4, "echo"));

    assertThat(session.next().getReady().getHandlerSetVersion()).isEqualTo(2);
    assertThat(session.next().getReady().getHandlerSetVersion()).isEqualTo(3);
    assertThat(session.next().getReady().getHandlerSetVersion()).isEqualTo(4);
    assertThat(core.applied).extracting(FakeNodeCore::versionOf).containsExactly(1L, 2L, 3L, 4L);
    assertThat(journal)
        .as("the change after the slow one starts only once the slow one is done")
        .containsSubsequence(
            "apply-start HANDLER_CHANGE 2",
            "apply-done HANDLER_CHANGE 2",
            "apply-start HANDLER_CHANGE 3",
            "apply-done HANDLER_CHANGE 3",
            "apply-start HANDLER_CHANGE 4");
  }

  @Test
  void statsWindowsAreForwardedOnceReady() throws Exception {
    client.start();
    FakeControlPlane.NodeSession session = controlPlane.nextSession();
    session.next(); // Hello
    await(() -> core.statsListeners() == 1);
    core.emit(stats(0)); // before the handler set: not yet (the protocol's step 4)

    session.send(handlerSet(1, "hello"));
    assertThat(session.next().hasReady()).isTrue();
    for (int i = 1; i <= 3; i++) core.emit(stats(i));

    long previous = 0;
    for (int i = 1; i <= 3; i++) {
      NodeMessage m = session.next();
      assertThat(m.getStats()).isEqualTo(stats(i));
      assertThat(m.getSequence()).isGreaterThan(previous);
      previous = m.getSequence();
    }
  }

  @Test
  void reconnectsAfterTheControlPlaneRestartsWhileTheNodeKeepsServing() throws Exception {
    readySession();
    int port = controlPlane.port();

    controlPlane.stop();
    awaitState(NodeSessionClient.State.RECONNECTING);
    assertThat(client.connected()).isFalse();
    Thread.sleep(500); // several failed dials
    assertThat(core.applied).hasSize(1);
    assertThat(core.unloads).hasValue(0);
    assertThat(core.drains).isEmpty();
    assertThat(journal).containsOnlyOnce("apply-start HANDLER_SET 1");
    assertThat(core.ready()).as("still serving").isTrue();

    controlPlane.start(port);
    FakeControlPlane.NodeSession again = controlPlane.nextSession();
    NodeMessage hello = again.next();
    assertThat(hello.getSequence()).as("a new session counts from 1").isEqualTo(1);
    assertThat(hello.getHello().getNodeId()).isEqualTo("node-a");
    assertThat(hello.getHello().getHandlerSetVersion()).as("what it still serves").isEqualTo(1);
    again.send(handlerSet(1, "hello", "echo"));
    assertThat(again.next().getReady().getHandlerSetVersion()).isEqualTo(1);
    awaitState(NodeSessionClient.State.READY);
    assertThat(core.unloads).hasValue(0);
  }

  @Test
  void anOutageIsLoggedWhenItStartsEveryTenthAttemptAndWhenItEnds() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger(NodeSessionClient.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try {
      readySession();
      int port = controlPlane.port();
      controlPlane.stop();
      Thread.sleep(1500); // 20..200 ms backoff: more than ten failed dials
      controlPlane.start(port);
      FakeControlPlane.NodeSession again = controlPlane.nextSession();
      again.next(); // Hello
      again.send(handlerSet(1, "hello", "echo"));
      again.next(); // Ready
      awaitState(NodeSessionClient.State.READY);
      // The "reconnected" line is logged on the session's thread, maybe just after READY is seen:
      // keep capturing until it comes.
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (lines.stream().noneMatch(l -> l.contains("reconnected")) && System.nanoTime() < end) {
        Thread.sleep(10);
      }
    } finally {
      logger.removeHandler(capture);
    }
    String recovered =
        lines.stream()
            .filter(l -> l.contains("reconnected"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no \"reconnected\" line in " + lines));
    int attempts =
        Integer.parseInt(recovered.replaceAll(".* after (\\d+) failed attempts.*", "$1"));
    assertThat(attempts).isGreaterThanOrEqualTo(10);
    assertThat(lines).filteredOn(l -> l.contains("lost the session with control plane")).hasSize(1);
    assertThat(lines)
        .filteredOn(l -> l.contains("still unreachable"))
        .hasSize(attempts / 10)
        .first()
        .asString()
        .contains("after 10 attempts");
  }

  @Test
  void aHandlerSetTheCoreCouldNotApplyIsAskedForAgainInANewSession() throws Exception {
    core.breakOnce(1);
    client.start();
    FakeControlPlane.NodeSession first = controlPlane.nextSession();
    first.next(); // Hello

    first.send(handlerSet(1, "hello"));

    assertThat(first.ended.get(5, TimeUnit.SECONDS).getCode())
        .as("the node ends the session it could not keep")
        .isEqualTo(Status.Code.CANCELLED);
    assertThat(first.nextWithin(Duration.ZERO)).as("no Ready for a set not applied").isNull();
    FakeControlPlane.NodeSession second = controlPlane.nextSession();
    assertThat(second.next().getHello().getHandlerSetVersion()).isZero();
    second.send(handlerSet(1, "hello"));
    assertThat(second.next().getReady().getHandlerSetVersion()).isEqualTo(1);
  }

  @Test
  void aStreamTheControlPlaneEndsIsOpenedAgain() throws Exception {
    FakeControlPlane.NodeSession session = readySession();

    session.end(Status.UNAVAILABLE.withDescription("control plane moving"));

    NodeMessage hello = controlPlane.nextSession().next();
    assertThat(hello.hasHello()).isTrue();
    assertThat(hello.getSequence()).isEqualTo(1);
  }

  @Test
  void aSessionReplacedByANewerOneIsNotOpenedAgain() throws Exception {
    FakeControlPlane.NodeSession session = readySession();

    session.end(Status.ABORTED.withDescription("replaced by a newer session"));

    awaitState(NodeSessionClient.State.REPLACED);
    assertThat(controlPlane.sessionWithin(Duration.ofMillis(500))).isNull();
    assertThat(core.unloads).hasValue(0);
  }

  @Test
  void drainDrainsTheCoreSendsDrainedAndStopsTheNodeOnceAcknowledged() throws Exception {
    FakeControlPlane.NodeSession session = readySession();

    session.send(
        ControlMessage.newBuilder()
            .setDrain(
                ControlMessage.Drain.newBuilder()
                    .setGracePeriod(com.google.protobuf.Duration.newBuilder().setSeconds(2)))
            .build());

    NodeMessage drained = session.next();
    assertThat(drained.hasDrained()).isTrue();
    assertThat(drained.getDrained().getCompleted()).isEqualTo(3);
    assertThat(drained.getDrained().getAbandoned()).isEqualTo(1);
    assertThat(core.drains).containsExactly(Duration.ofSeconds(2));
    assertThat(afterDrained.await(200, TimeUnit.MILLISECONDS))
        .as("waits for the Ack of Drained")
        .isFalse();

    session.send(
        ControlMessage.newBuilder()
            .setAck(ControlMessage.Ack.newBuilder().setSequence(drained.getSequence()))
            .build());

    assertThat(afterDrained.await(5, TimeUnit.SECONDS)).as("afterDrained ran").isTrue();
    assertThat(session.ended.get(5, TimeUnit.SECONDS).isOk()).as("clean end").isTrue();
    assertThat(client.state()).isEqualTo(NodeSessionClient.State.DRAINED);
    assertThat(controlPlane.sessionWithin(Duration.ofMillis(300))).as("no redial").isNull();
  }

  @Test
  void closeEndsTheStreamCleanlyAndLeavesTheCoreAlone() throws Exception {
    FakeControlPlane.NodeSession session = readySession();

    client.close();

    assertThat(session.ended.get(5, TimeUnit.SECONDS).isOk()).isTrue();
    assertThat(client.state()).isEqualTo(NodeSessionClient.State.CLOSED);
    assertThat(core.statsListeners()).isZero();
    assertThat(core.unloads).hasValue(0);
    assertThat(controlPlane.sessionWithin(Duration.ofMillis(300))).isNull();
  }

  @Test
  void helloWithoutNodeIdOrPoolIsRejectedUpFront() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            new NodeSessionClient(
                "localhost:1", IDENTITY.toBuilder().clearPool().build(), core, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--pool");
  }

  // ---- helpers

  /** Starts the client and completes the first session's handshake with handler set 1. */
  private FakeControlPlane.NodeSession readySession() throws Exception {
    client.start();
    FakeControlPlane.NodeSession session = controlPlane.nextSession();
    assertThat(session.next().hasHello()).isTrue();
    session.send(handlerSet(1, "hello", "echo"));
    assertThat(session.next().getReady().getHandlerSetVersion()).isEqualTo(1);
    awaitState(NodeSessionClient.State.READY);
    return session;
  }

  private void awaitState(NodeSessionClient.State expected) throws InterruptedException {
    await(() -> client.state() == expected);
    assertThat(client.state()).isEqualTo(expected);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + FakeControlPlane.WAIT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(10);
  }

  private static HandlerSpec spec(String name) {
    return HandlerSpec.newBuilder()
        .setName(name)
        .setTenant("acme")
        .setVersion("1")
        .setSource("export default async () => new Response('hi')")
        .build();
  }

  private static ControlMessage handlerSet(long version, String... names) {
    ControlMessage.HandlerSet.Builder set = ControlMessage.HandlerSet.newBuilder();
    set.setVersion(version);
    for (String name : names) set.addHandlers(spec(name));
    return ControlMessage.newBuilder().setHandlerSet(set).build();
  }

  private static ControlMessage upsert(long version, String name) {
    return ControlMessage.newBuilder()
        .setHandlerChange(
            ControlMessage.HandlerChange.newBuilder().setVersion(version).setUpsert(spec(name)))
        .build();
  }

  private static ControlMessage remove(long version, String name) {
    return ControlMessage.newBuilder()
        .setHandlerChange(
            ControlMessage.HandlerChange.newBuilder().setVersion(version).setRemove(name))
        .build();
  }

  private static ControlMessage poolSettings() {
    return ControlMessage.newBuilder().setPoolSettings(PoolSettings.getDefaultInstance()).build();
  }

  private static NodeStats stats(int window) {
    return NodeStats.newBuilder()
        .setNodeId("node-a")
        .setPool("web")
        .setInFlight(window)
        .setElu(0.25)
        .setHandlerSetVersion(1)
        .build();
  }
}
