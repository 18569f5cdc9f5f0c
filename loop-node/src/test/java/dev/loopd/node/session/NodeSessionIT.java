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
