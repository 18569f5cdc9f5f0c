package dev.loopd.node.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.serve.ServeProcess;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.NodeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A real {@code bin/loop-node serve --control-plane} process against the in-process fake control
 * plane (the real one comes with the control API): the node says hello, loads the handler set it is
 * sent, reports ready only then, serves it over HTTP, and streams stats.
 */
class NodeSessionIT {

  @Test
  void nodeTakesItsHandlersFromTheSessionAndReportsReadyAfterLoadingThem() throws Exception {
    List<String> journal = new CopyOnWriteArrayList<>();
    try (FakeControlPlane plane = new FakeControlPlane(journal).start();
        ServeProcess node =
            ServeProcess.start(
                "--control-plane", plane.target(), "--pool", "p1", "--node-id", "n1")) {
      FakeControlPlane.NodeSession session = plane.sessionWithin(Duration.ofSeconds(60));
      assertThat(session).as("the node opened a session").isNotNull();
      NodeMessage hello = session.next();
      assertThat(hello.getHello().getNodeId()).isEqualTo("n1");
      assertThat(hello.getHello().getPool()).isEqualTo("p1");
      assertThat(hello.getHello().getHttpAddress()).endsWith(":" + node.httpPort);
      // Not ready before it has a handler set.
      assertThat(node.get("/healthz/ready").statusCode()).isEqualTo(503);

      session.send(
          ControlMessage.newBuilder()
              .setHandlerSet(
                  ControlMessage.HandlerSet.newBuilder()
                      .setVersion(7)
                      .addHandlers(
                          HandlerSpec.newBuilder()
                              .setName("greet")
                              .setTenant("acme")
                              .setVersion("1")
                              .setSource("export default async () => 'from the session';"))
                      .addHandlers(
                          HandlerSpec.newBuilder()
                              .setName("broken")
                              .setTenant("acme")
                              .setVersion("1")
                              .setSource("export default async () => {")))
              .build());
      NodeMessage first = nextOtherThanStats(session, Duration.ofSeconds(60));
      assertThat(first.getHandlerLoadFailed().getHandler()).isEqualTo("broken");
      NodeMessage ready = nextOtherThanStats(session, Duration.ofSeconds(60));
      assertThat(ready.getReady().getHandlerSetVersion()).isEqualTo(7);
      node.awaitReady();
      assertThat(node.get("/h/greet/").body()).isEqualTo("from the session");
      assertThat(node.get("/h/broken/").statusCode()).isEqualTo(409);

      NodeMessage stats = session.nextWithin(Duration.ofSeconds(10));
      while (stats != null && !stats.hasStats()) stats = session.nextWithin(Duration.ofSeconds(10));
      assertThat(stats).as("a stats window within seconds").isNotNull();
      assertThat(stats.getStats().getNodeId()).isEqualTo("n1");
      assertThat(stats.getStats().getHandlerSetVersion()).isEqualTo(7);
      assertThat(stats.getStats().getReady()).isTrue();
    }
  }

  @Test
  void drainedWithAfterDrainWaitTheNodeStaysUpNotReadyUntilSigterm() throws Exception {
    try (FakeControlPlane plane = new FakeControlPlane(new CopyOnWriteArrayList<>()).start();
        ServeProcess node =
            ServeProcess.start(
                "--control-plane",
                plane.target(),
                "--pool",
                "p1",
                "--node-id",
                "pod-1",
                "--after-drain",
                "wait")) {
      FakeControlPlane.NodeSession session = readyWithOneHandler(plane, node);

      drainAndAck(session);
      Thread.sleep(1_000); // an exit (the default) would have happened by now
      assertThat(node.process.isAlive()).as("a drained pod's node does not exit").isTrue();
      assertThat(node.get("/healthz/ready").statusCode()).isEqualTo(503);
      assertThat(node.get("/healthz/live").statusCode()).isEqualTo(200);
      assertThat(node.get("/h/greet/").statusCode()).isEqualTo(503);
      assertThat(node.terminate(Duration.ofSeconds(30))).isZero();
    }
  }

  @Test
  void drainedByDefaultTheNodeExits() throws Exception {
    try (FakeControlPlane plane = new FakeControlPlane(new CopyOnWriteArrayList<>()).start();
        ServeProcess node =
            ServeProcess.start(
                "--control-plane", plane.target(), "--pool", "p1", "--node-id", "proc-1")) {
      FakeControlPlane.NodeSession session = readyWithOneHandler(plane, node);

      drainAndAck(session);
      assertThat(node.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
          .as("the node exits once drained")
          .isTrue();
      assertThat(node.process.exitValue()).isZero();
    }
  }

  private static FakeControlPlane.NodeSession readyWithOneHandler(
      FakeControlPlane plane, ServeProcess node) throws Exception {
    FakeControlPlane.NodeSession session = plane.sessionWithin(Duration.ofSeconds(60));
    assertThat(session).as("the node opened a session").isNotNull();
    assertThat(session.next().hasHello()).isTrue();
    session.send(
        ControlMessage.newBuilder()
            .setHandlerSet(
                ControlMessage.HandlerSet.newBuilder()
                    .setVersion(1)
                    .addHandlers(
                        HandlerSpec.newBuilder()
                            .setName("greet")
                            .setTenant("acme")
                            .setVersion("1")
                            .setSource("export default async () => 'hi';")))
            .build());
    assertThat(nextOtherThanStats(session, Duration.ofSeconds(60)).hasReady()).isTrue();
    node.awaitReady();
    return session;
  }

  private static void drainAndAck(FakeControlPlane.NodeSession session) throws Exception {
    session.send(
        ControlMessage.newBuilder()
            .setDrain(
                ControlMessage.Drain.newBuilder()
                    .setGracePeriod(com.google.protobuf.Duration.newBuilder().setSeconds(5)))
            .build());
    NodeMessage drained = nextOtherThanStats(session, Duration.ofSeconds(30));
    assertThat(drained.hasDrained()).isTrue();
    session.send(
        ControlMessage.newBuilder()
            .setAck(ControlMessage.Ack.newBuilder().setSequence(drained.getSequence()))
            .build());
  }

  private static NodeMessage nextOtherThanStats(FakeControlPlane.NodeSession session, Duration wait)
      throws InterruptedException {
    long until = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < until) {
      NodeMessage m = session.nextWithin(Duration.ofSeconds(1));
      if (m != null && !m.hasStats()) return m;
    }
    throw new AssertionError("no message from the node within " + wait);
  }
}
