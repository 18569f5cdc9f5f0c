package dev.loopd.node.session;

import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.NodeMessage;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.BiConsumer;

/**
 * One stream of the node session: the node's messages numbered 1, 2, 3... (session.proto's {@code
 * sequence}, which Ack refers to) and what happened on it. The control plane's messages and the end
 * of the stream are handed to the session thread. Everything but the gRPC callbacks is confined to
 * that thread.
 */
final class SessionStream implements StreamObserver<ControlMessage> {
  private final SessionThread thread;
  private final BiConsumer<SessionStream, ControlMessage> received;
  private final BiConsumer<SessionStream, Status> ended;
  private StreamObserver<NodeMessage> requests;
  private long nextSequence = 1;
  private boolean open = true;

  /** The session's HandlerSet was applied and Ready sent: Ready and Stats may follow. */
  boolean handlerSetApplied;

  /** Sequence of the Drained message once sent; 0 before. */
  long drainedSequence;

  SessionStream(
      SessionThread thread,
      BiConsumer<SessionStream, ControlMessage> received,
      BiConsumer<SessionStream, Status> ended) {
    this.thread = thread;
    this.received = received;
    this.ended = ended;
  }

  /** Connects the stream to the call's request side (what {@code stub.session(this)} returned). */
  void attach(StreamObserver<NodeMessage> requests) {
    this.requests = requests;
  }

  boolean open() {
    return open;
  }

  /** Sends with the next sequence number and returns it; nothing (and 0) once the stream ended. */
  long send(NodeMessage.Builder message) {
    if (!open) return 0;
    long sequence = nextSequence++;
    requests.onNext(message.setSequence(sequence).build());
    return sequence;
  }

  /** The stream ended (either side); later messages and ends are ignored. */
  void markEnded() {
    open = false;
  }

  /** Ends it from the node's side: half-close, the control plane sees the node leave. */
  void complete() {
    if (!open) return;
    open = false;
    requests.onCompleted();
  }

  /** Ends it from the node's side with an error (cancels the call). */
  void fail(Status status) {
    if (!open) return;
    open = false;
    requests.onError(status.asRuntimeException());
  }

  @Override
  public void onNext(ControlMessage message) {
    thread.execute(() -> received.accept(this, message));
  }

  @Override
  public void onError(Throwable error) {
    thread.execute(() -> ended.accept(this, Status.fromThrowable(error)));
  }

  @Override
  public void onCompleted() {
    thread.execute(() -> ended.accept(this, Status.OK));
  }
}
