package dev.loopd.operator.core;

import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeSessionServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Function;

/**
 * The control plane's end of the node session (session.proto): checks each node's Hello, hands the
 * session to the node's {@link PoolController} and routes what the node sends to it. Local mode
 * serves it on the control API's port; Kubernetes on the operator's.
 */
public final class NodeSessionServer extends NodeSessionServiceGrpc.NodeSessionServiceImplBase {

  private static final System.Logger LOG = System.getLogger(NodeSessionServer.class.getName());

  private final Function<PoolRef, Optional<PoolController>> controllers;

  NodeSessionServer(Function<PoolRef, Optional<PoolController>> controllers) {
    this.controllers = controllers;
  }

  @Override
  public StreamObserver<NodeMessage> session(StreamObserver<ControlMessage> out) {
    return new Session(out);
  }

  private final class Session implements StreamObserver<NodeMessage> {
    private final StreamObserver<ControlMessage> out;
    private String nodeId;
    private PoolController pool;

    Session(StreamObserver<ControlMessage> out) {
      this.out = out;
    }

    @Override
    public void onNext(NodeMessage message) {
      if (pool == null) {
        hello(message);
        return;
      }
      switch (message.getMessageCase()) {
        case READY -> pool.onReady(nodeId, message.getReady().getHandlerSetVersion());
        case STATS -> pool.onStats(nodeId, message.getStats());
        case HANDLER_LOAD_FAILED -> {
          pool.onLoadFailed(nodeId, message.getHandlerLoadFailed());
          ack(message.getSequence());
        }
        case DRAINED -> {
          pool.onDrained(nodeId);
          ack(message.getSequence());
        }
        case HELLO -> fail(Status.INVALID_ARGUMENT.withDescription("Hello sent twice"));
        default -> {
          // A newer node's message this control plane does not know: ignore it.
        }
      }
    }

    private void hello(NodeMessage message) {
      if (!message.hasHello()) {
        fail(Status.INVALID_ARGUMENT.withDescription("the first message must be Hello"));
        return;
      }
      NodeMessage.Hello hello = message.getHello();
      if (hello.getNodeId().isEmpty() || hello.getPool().isEmpty()) {
        fail(Status.INVALID_ARGUMENT.withDescription("Hello needs node_id and pool"));
        return;
      }
      PoolRef ref;
      try {
        ref = PoolRef.parse(hello.getPool());
      } catch (IllegalArgumentException e) {
        fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        return;
      }
      Optional<PoolController> found = controllers.apply(ref);
      if (found.isEmpty()) {
        fail(
            Status.NOT_FOUND.withDescription(
                "pool \"" + ref.name() + "\" of tenant \"" + ref.tenant() + "\" does not exist"));
        return;
      }
      nodeId = hello.getNodeId();
      pool = found.get();
      LOG.log(
          System.Logger.Level.DEBUG,
          "node {0} of pool {1} connected from {2}",
          nodeId,
          ref,
          hello.getGrpcAddress());
      pool.onHello(hello, out);
    }

    private void ack(long sequence) {
      synchronized (out) {
        try {
          out.onNext(
              ControlMessage.newBuilder()
                  .setAck(ControlMessage.Ack.newBuilder().setSequence(sequence))
                  .build());
        } catch (RuntimeException e) {
          // the stream is gone; onError follows
        }
      }
    }

    private void fail(Status status) {
      synchronized (out) {
        try {
          out.onError(status.asRuntimeException());
        } catch (RuntimeException ignored) {
          // already closed
        }
      }
    }

    @Override
    public void onError(Throwable t) {
      ended();
    }

    @Override
    public void onCompleted() {
      ended();
      synchronized (out) {
        try {
          out.onCompleted();
        } catch (RuntimeException ignored) {
          // already closed
        }
      }
    }

    private void ended() {
      if (pool != null) {
        pool.onSessionEnded(nodeId, out);
      }
    }
  }
}
