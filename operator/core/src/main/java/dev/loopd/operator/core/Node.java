package dev.loopd.operator.core;

import com.google.protobuf.util.Timestamps;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeStats;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;

/**
 * One node of a pool as the operator core tracks it, from the moment it is started (or says Hello)
 * until it is gone. Mutable; guarded by its {@link PoolController}'s lock.
 */
final class Node {

  enum State {
    /** Started by the driver; no session yet, or its handler set is not applied yet. */
    STARTING,
    /** Applied the pool's handler set and takes invocations. */
    READY,
    /** Asked to drain; takes no new invocations. */
    DRAINING,
    /** Its session ended and it did not come back, or its process exited. */
    GONE
  }

  final String id;
  final Instant createdAt;
  State state = State.STARTING;

  /** The open session, or null. Writes go through {@link #send}. */
  private StreamObserver<ControlMessage> session;

  NodeMessage.Hello hello;
  NodeStats stats;
  Instant lastHeard;

  /** When the session ended (null while connected). */
  Instant disconnectedAt;

  long appliedSetVersion;
  Instant drainStartedAt;
  Instant readyAt;
  boolean drained;

  /** The node went away without being asked to (counts toward a replacement event). */
  boolean lost;

  /** Started by the driver (its id known before Hello), not a node that dialed in on its own. */
  boolean ownedByDriver;

  Node(String id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.lastHeard = createdAt;
  }

  boolean connected() {
    return session != null;
  }

  /** Counts toward the pool's size: started and not on its way out. */
  boolean live() {
    return state == State.STARTING || state == State.READY;
  }

  /**
   * Takes invocations: it applied the handler set and its latest stats say it is ready (a node
   * warms up its invocation path after applying the set and refuses work until then).
   */
  boolean routable() {
    return state == State.READY && session != null && stats != null && stats.getReady();
  }

  void attach(StreamObserver<ControlMessage> session, NodeMessage.Hello hello, Instant now) {
    this.session = session;
    this.hello = hello;
    this.lastHeard = now;
    this.disconnectedAt = null;
  }

  /** Forgets the session if it is {@code ended} (a newer one may have replaced it). */
  void detach(StreamObserver<ControlMessage> ended, Instant now) {
    if (session == ended) {
      session = null;
      disconnectedAt = now;
    }
  }

  /** Sends on the session if there is one; a failed send ends the session. */
  void send(ControlMessage message) {
    StreamObserver<ControlMessage> s = session;
    if (s == null) {
      return;
    }
    synchronized (s) {
      try {
        s.onNext(message);
      } catch (RuntimeException e) {
        session = null;
      }
    }
  }

  /** Ends the session with {@code status} (e.g. ABORTED when a newer session replaces it). */
  void close(Status status) {
    StreamObserver<ControlMessage> s = session;
    session = null;
    if (s != null) {
      synchronized (s) {
        try {
          s.onError(status.asRuntimeException());
        } catch (RuntimeException ignored) {
          // already closed
        }
      }
    }
  }

  String grpcAddress() {
    return hello == null ? "" : hello.getGrpcAddress();
  }

  double elu() {
    return stats == null ? 0 : stats.getElu();
  }

  int inFlight() {
    return stats == null ? 0 : stats.getInFlight();
  }

  NodeHealth health() {
    NodeHealth.Builder h =
        NodeHealth.newBuilder()
            .setNodeId(id)
            .setState(
                switch (state) {
                  case STARTING -> NodeHealth.State.STATE_STARTING;
                  case READY ->
                      routable() ? NodeHealth.State.STATE_READY : NodeHealth.State.STATE_STARTING;
                  case DRAINING -> NodeHealth.State.STATE_DRAINING;
                  case GONE -> NodeHealth.State.STATE_GONE;
                });
    if (hello != null) {
      h.setHttpAddress(hello.getHttpAddress());
      if (hello.hasStartedAt()) {
        h.setStartedAt(hello.getStartedAt());
      }
    }
    if (stats != null) {
      var pool = stats.getBlockingPool();
      long invocations = 0;
      for (var c : stats.getInvocationsList()) {
        invocations += c.getCountTotal();
      }
      h.setLoopLag(stats.getLoopLag())
          .setElu(stats.getElu())
          .setBlockingPool(pool)
          .setPoolSaturation(
              pool.getSize() == 0
                  ? 0
                  : (pool.getActive() + pool.getQueued()) / (double) pool.getSize())
          .setInFlight(stats.getInFlight())
          .setInvocationsTotal(invocations)
          .setReportedAt(stats.getTimestamp())
          .setHandlerSetVersion(stats.getHandlerSetVersion());
      if (stats.hasStartedAt()) {
        h.setStartedAt(stats.getStartedAt());
      }
    } else {
      h.setReportedAt(Timestamps.fromMillis(lastHeard.toEpochMilli()));
    }
    return h.build();
  }
}
