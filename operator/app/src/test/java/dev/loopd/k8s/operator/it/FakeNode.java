package dev.loopd.k8s.operator.it;

import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeSessionServiceGrpc;
import dev.loopd.proto.node.v1.NodeStats;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A node scripted by the test, on the operator core's node session. */
public final class FakeNode implements StreamObserver<ControlMessage> {
  private final OperatorHarness op;
  final String id;
  final String pool;
  final LinkedBlockingQueue<ControlMessage> received = new LinkedBlockingQueue<>();
  StreamObserver<NodeMessage> out;
  long sequence;
  long setVersion;

  public FakeNode(OperatorHarness op, String id, String pool) {
    this.op = op;
    this.id = id;
    this.pool = pool;
  }

  public void hello() {
    out = NodeSessionServiceGrpc.newStub(op.sessionChannel()).session(this);
    send(
        NodeMessage.newBuilder()
            .setHello(
                NodeMessage.Hello.newBuilder()
                    .setNodeId(id)
                    .setPool(pool)
                    .setGrpcAddress("127.0.0.1:9090")
                    .setHttpAddress("127.0.0.1:8080")));
  }

  public void ready() {
    send(
        NodeMessage.newBuilder()
            .setReady(NodeMessage.Ready.newBuilder().setHandlerSetVersion(setVersion)));
    stats(0.1);
  }

  /** One stats window: ready, with this event-loop utilization. */
  public void stats(double elu) {
    send(
        NodeMessage.newBuilder()
            .setStats(
                NodeStats.newBuilder()
                    .setNodeId(id)
                    .setTimestamp(
                        com.google.protobuf.util.Timestamps.fromMillis(System.currentTimeMillis()))
                    .setElu(elu)
                    .setReady(true)
                    .setHandlerSetVersion(setVersion)));
  }

  public void drained() {
    send(NodeMessage.newBuilder().setDrained(NodeMessage.Drained.newBuilder()));
  }

  private void send(NodeMessage.Builder m) {
    synchronized (this) {
      out.onNext(m.setSequence(++sequence).build());
    }
  }

  public ControlMessage take() {
    try {
      ControlMessage m = received.poll(200, TimeUnit.MILLISECONDS);
      if (m != null && m.hasHandlerSet()) {
        setVersion = m.getHandlerSet().getVersion();
      }
      return m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void onNext(ControlMessage value) {
    received.add(value);
  }

  @Override
  public void onError(Throwable t) {}

  @Override
  public void onCompleted() {}
}
