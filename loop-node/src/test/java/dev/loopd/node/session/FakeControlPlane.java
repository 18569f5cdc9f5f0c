package dev.loopd.node.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeSessionServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the control plane's end of the node session: a real grpc-netty-shaded server on an
 * ephemeral localhost port, serving {@code NodeSessionService} with whatever the test sends. The
 * real control plane (the operator core) comes in a later issue; until then this fake is what the
 * client is tested against. It can be stopped and started again on the same port, like a control
 * plane that restarts.
 */
final class FakeControlPlane implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(5);

  private final List<String> journal;
  private final BlockingQueue<NodeSession> sessions = new LinkedBlockingQueue<>();
  private Server server;
  private int port;

  FakeControlPlane(List<String> journal) {
    this.journal = journal;
  }

  FakeControlPlane start() throws IOException {
    return start(0);
  }

  FakeControlPlane start(int port) throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .addService(new Service())
            .build()
            .start();
    this.port = server.getPort();
    return this;
  }

  int port() {
    return port;
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  /** Goes away abruptly, as a crashed or restarting control plane does. */
  void stop() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The next session a node opened (waits up to {@link #WAIT}). */
  NodeSession nextSession() throws InterruptedException {
    NodeSession s = sessions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(s).as("a node session opened within %s", WAIT).isNotNull();
    return s;
  }

  /** A session opened within {@code wait}, or null. */
  NodeSession sessionWithin(Duration wait) throws InterruptedException {
    return sessions.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (server != null) stop();
  }

  private final class Service extends NodeSessionServiceGrpc.NodeSessionServiceImplBase {
    @Override
    public StreamObserver<NodeMessage> session(StreamObserver<ControlMessage> toNode) {
      NodeSession s = new NodeSession(toNode);
      sessions.add(s);
      return s;
    }
  }

  /** The control plane's view of one stream. */
  final class NodeSession implements StreamObserver<NodeMessage> {
    private final StreamObserver<ControlMessage> toNode;
    private final BlockingQueue<NodeMessage> received = new LinkedBlockingQueue<>();

    /** Completes with OK when the node half-closed the stream, else with the error. */
    final CompletableFuture<Status> ended = new CompletableFuture<>();

    NodeSession(StreamObserver<ControlMessage> toNode) {
      this.toNode = toNode;
    }

    /** The node's next message (waits up to {@link #WAIT}). */
    NodeMessage next() throws InterruptedException {
      NodeMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(m).as("a message from the node within %s", WAIT).isNotNull();
      return m;
    }

    /** The node's next message if one comes within {@code wait}, else null. */
    NodeMessage nextWithin(Duration wait) throws InterruptedException {
      return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void send(ControlMessage message) {
      toNode.onNext(message);
    }

    synchronized void end(Status status) {
      if (status.isOk()) toNode.onCompleted();
      else toNode.onError(status.asRuntimeException());
    }

    @Override
    public void onNext(NodeMessage message) {
      journal.add(
          switch (message.getMessageCase()) {
            case READY -> "node ready " + message.getReady().getHandlerSetVersion();
            case HANDLER_LOAD_FAILED ->
                "node load-failed " + message.getHandlerLoadFailed().getHandler();
            default -> "node " + message.getMessageCase().name().toLowerCase();
          });
      received.add(message);
    }

    @Override
    public void onError(Throwable error) {
      ended.complete(Status.fromThrowable(error));
    }

    @Override
    public void onCompleted() {
      ended.complete(Status.OK);
      synchronized (this) {
        toNode.onCompleted();
      }
    }
  }
}
