package dev.loopd.node.session;

import com.google.protobuf.Timestamp;
import dev.loopd.node.serve.NodeCore;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.DrainResponse;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeSessionServiceGrpc;
import dev.loopd.proto.node.v1.NodeStats;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The loop node's end of the node session ({@code loopd.node.v1.NodeSessionService.Session}): a
 * node started with {@code --control-plane HOST:PORT --pool NAME} holds one bidirectional stream
 * open to the control plane, from which it receives its handler set, changes to it, pool settings
 * and drain requests, and to which it reports readiness, load failures and a stats window about
 * every second. session.proto documents the conversation; this class follows it:
 *
 * <ol>
 *   <li>{@link #start()} dials and sends Hello (node id, pool, addresses, capacity, and the handler
 *       set version the node already serves, 0 on a fresh start).
 *   <li>Every HandlerSet, HandlerChange and PoolSettings goes to {@link NodeCore#apply}, one at a
 *       time in the order received (the next is applied once the previous one's future completed).
 *       After a HandlerSet or HandlerChange the node reports each {@code HandlerLoadFailed} the
 *       core returned, then {@code Ready} with that version; Ready is sent only once the session's
 *       first HandlerSet has been applied.
 *   <li>After Ready, each stats window the core closes ({@link NodeCore#onStats}) is sent.
 *   <li>Drain: {@link NodeCore#drain}, then {@code Drained}, then the client waits (at most {@link
 *       #ACK_WAIT}) for the control plane's Ack, ends the stream and runs {@code afterDrained}
 *       (which stops the process).
 * </ol>
 *
 * <p>Static stability: when the stream fails or ends the node keeps serving what it has (nothing is
 * unloaded) and dials again with exponential backoff and jitter (100 ms doubling to 10 s, back to
 * 100 ms once a session reached Ready). A new session starts over with Hello; the control plane
 * answers with the full HandlerSet, which the core applies as a diff (handlers it already serves in
 * that version are kept). The one status that stops the redialing is ABORTED (a newer session with
 * the same node id replaced this one). Logging is one line per state change: the first failure of a
 * streak, every tenth failed attempt after it, and the recovery.
 *
 * <p>Transport: plaintext HTTP/2 on a grpc-netty-shaded channel. TLS (and a node credential, for
 * control planes that answer UNAUTHENTICATED) belongs in the channel builder of {@link
 * #NodeSessionClient(String, NodeMessage.Hello, NodeCore, Runnable, Backoff)}: {@code
 * useTransportSecurity()} with the cluster's CA instead of {@code usePlaintext()}. No keepalive is
 * configured yet: gRPC servers refuse pings more often than every 5 minutes unless they permit it,
 * so the control plane has to allow it first.
 *
 * <p>Threads: all session logic runs on one daemon thread of the client's own ({@code
 * loopd-node-session}, a {@link SessionThread}); gRPC callbacks, stats windows and completed
 * applies are handed to it, so the stream is only written from there. The public methods may be
 * called from any thread.
 */
public final class NodeSessionClient implements AutoCloseable {

  /** Where the client is; see {@link #state()}. */
  public enum State {
    /** Constructed, {@link #start()} not called yet. */
    NEW,
    /** A stream is open (or being opened) and Hello sent; the handler set is not applied yet. */
    CONNECTING,
    /** The session's handler set is applied and Ready was sent. */
    READY,
    /** The stream failed or ended; the node serves what it has and dials again after a backoff. */
    RECONNECTING,
    /** Drain received: the core is draining; no redialing from here on. */
    DRAINING,
    /** Drained was sent (and acknowledged, or the wait timed out); {@code afterDrained} ran. */
    DRAINED,
    /** The control plane ended the session with ABORTED (replaced by a newer one): no redialing. */
    REPLACED,
    /** {@link #close()} was called. */
    CLOSED
  }

  /** How long the node waits for the Ack of Drained before it stops anyway. */
  static final Duration ACK_WAIT = Duration.ofSeconds(5);

  /** Log the streak's first failure, then every this many failed attempts. */
  private static final int LOG_EVERY = 10;

  /**
   * A HandlerSet is one message holding every handler's source (each up to 1 MiB), so the default 4
   * MiB inbound limit would cut a pool off at a handful of handlers.
   */
  private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(NodeSessionClient.class.getName());

  private final String target;
  private final NodeMessage.Hello identity;
  private final NodeCore core;
  private final Runnable afterDrained;
  private final Backoff backoff;
  private final ManagedChannel channel;
  private final NodeSessionServiceGrpc.NodeSessionServiceStub stub;
  private final SessionThread thread = new SessionThread("loopd-node-session");

  private volatile State state = State.NEW;
  private volatile boolean connected;

  // Confined to the session thread.
  private SessionStream session;
  private long handlerSetVersion;
  private CompletableFuture<Void> applied = CompletableFuture.completedFuture(null);
  private ScheduledFuture<?> redial;
  private Runnable removeStatsListener;

  /**
   * A client with the default backoff (100 ms doubling to 10 s).
   *
   * @param target the control plane's {@code host:port}
   * @param identity the node's Hello: {@code node_id} and {@code pool} are required; addresses,
   *     capacity, runtime, labels and {@code started_at} (now when unset) are sent as given; the
   *     client fills {@code handler_set_version} on every dial
   * @param core what the control messages are applied to and the stats come from
   * @param afterDrained run once the node drained at the control plane's request (and Drained was
   *     acknowledged): it stops the process. It runs on a thread of its own, so it may call {@link
   *     System#exit} even when a shutdown hook closes this client.
   */
  public NodeSessionClient(
      String target, NodeMessage.Hello identity, NodeCore core, Runnable afterDrained) {
    this(target, identity, core, afterDrained, Backoff.DEFAULT);
  }

  NodeSessionClient(
      String target,
      NodeMessage.Hello identity,
      NodeCore core,
      Runnable afterDrained,
      Backoff backoff) {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("--control-plane needs HOST:PORT, got nothing");
    }
    if (identity.getNodeId().isEmpty()) {
      throw new IllegalArgumentException("the node session needs a node id (Hello.node_id)");
    }
    if (identity.getPool().isEmpty()) {
      throw new IllegalArgumentException("the node session needs a pool name (--pool)");
    }
    this.target = target;
    this.identity =
        identity.hasStartedAt()
            ? identity
            : identity.toBuilder().setStartedAt(timestamp(Instant.now())).build();
    this.core = core;
    this.afterDrained = afterDrained;
    this.backoff = backoff.copy();
    this.channel =
        NettyChannelBuilder.forTarget(target)
            .usePlaintext()
            .maxInboundMessageSize(MAX_INBOUND_BYTES)
            .build();
    this.stub = NodeSessionServiceGrpc.newStub(channel);
  }

  /** Opens the session (in the background: this returns at once). Call once. */
  public void start() {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException("node session already started (state " + state + ")");
      }
      state = State.CONNECTING;
    }
    thread.execute(() -> {
      removeStatsListener = core.onStats(stats -> thread.execute(() -> forwardStats(stats)));
      LOG.log(
          Level.INFO,
          "node session: connecting to control plane {0} as node {1} of pool {2}",
          target,
          identity.getNodeId(),
          identity.getPool());
      dial();
    });
  }

  /** Where the client is now. */
  public State state() {
    return state;
  }

  /**
   * Whether a stream to the control plane is open and the control plane has answered on it (sent
   * its first message). False while dialing, between sessions and after the session ended.
   */
  public boolean connected() {
    return connected;
  }

  /**
   * Ends the stream cleanly (half-close, so the control plane sees the node leave rather than
   * fail), stops redialing and shuts the channel down, waiting up to 2 s for the control plane to
   * end its side. Does not touch the core: what it serves stays loaded. Idempotent.
   */
  @Override
  public void close() {
    try {
      boolean done =
          thread.runAndWait(
              () -> {
                if (state == State.CLOSED) return;
                state = State.CLOSED;
                connected = false;
                if (redial != null) redial.cancel(false);
                if (removeStatsListener != null) removeStatsListener.run();
                if (session != null) session.complete();
                session = null;
                LOG.log(Level.INFO, "node session: closed");
              },
              Duration.ofSeconds(5));
      if (!done) state = State.CLOSED; // its thread is stuck or gone; stop regardless
      channel.shutdown();
      if (!channel.awaitTermination(2, TimeUnit.SECONDS)) channel.shutdownNow();
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      thread.shutdown();
    }
  }

  // ---- dialing and the end of a stream

  private void dial() {
    redial = null;
    if (state != State.CONNECTING && state != State.RECONNECTING) return;
    setState(State.CONNECTING);
    // The channel has its own reconnect backoff (up to two minutes) and fails calls fast while it
    // waits; ours decides when to try, so cut the channel's wait short.
    channel.resetConnectBackoff();
    SessionStream s = new SessionStream(thread, this::received, this::ended);
    session = s;
    s.attach(stub.session(s));
    s.send(
        NodeMessage.newBuilder()
            .setHello(identity.toBuilder().setHandlerSetVersion(handlerSetVersion)));
  }

  private void ended(SessionStream s, Status status) {
    if (s != session) return;
    s.markEnded();
    session = null;
    connected = false;
    switch (state) {
      case CLOSED, DRAINED, REPLACED -> {}
      case DRAINING -> {
        LOG.log(
            Level.WARNING,
            "node session: stream to {0} ended while draining ({1}); finishing the drain without"
                + " the control plane",
            target,
            describe(status));
        if (s.drainedSequence > 0) finishDrain(s);
      }
      default -> {
        if (status.getCode() == Status.Code.ABORTED) {
          setState(State.REPLACED);
          LOG.log(
              Level.WARNING,
              "node session: replaced by a newer session of node {0} ({1}); not reconnecting,"
                  + " still serving handler set {2,number,#}",
              identity.getNodeId(),
              describe(status),
              handlerSetVersion);
          return;
        }
        boolean wasReady = state == State.READY;
        Duration delay = backoff.nextDelay();
        setState(State.RECONNECTING);
        logFailure(wasReady, status, delay);
        redial = thread.schedule(this::dial, delay);
      }
    }
  }

  private void logFailure(boolean wasReady, Status status, Duration delay) {
    int failures = backoff.failures();
    if (failures == 1) {
      LOG.log(
          Level.WARNING,
          "node session: {0} control plane {1} ({2}); still serving handler set {3,number,#},"
              + " reconnecting with backoff",
          wasReady ? "lost the session with" : "could not open a session with",
          target,
          describe(status),
          handlerSetVersion);
    } else if (failures % LOG_EVERY == 0) {
      LOG.log(
          Level.WARNING,
          "node session: control plane {0} still unreachable after {1,number,#} attempts ({2});"
              + " still serving handler set {3,number,#}, next attempt in {4,number,#} ms",
          target,
          failures,
          describe(status),
          handlerSetVersion,
          delay.toMillis());
    }
  }

  // ---- control messages

  private void received(SessionStream s, ControlMessage message) {
    if (s != session) return;
    connected = true;
    switch (message.getMessageCase()) {
      case HANDLER_SET ->
          inOrder(() -> applyHandlers(s, message, message.getHandlerSet().getVersion()));
      case HANDLER_CHANGE ->
          inOrder(() -> applyHandlers(s, message, message.getHandlerChange().getVersion()));
      case POOL_SETTINGS -> inOrder(() -> applySettings(message));
      case DRAIN -> inOrder(() -> drain(s, message.getDrain()));
      case ACK -> {
        if (s.drainedSequence > 0 && message.getAck().getSequence() >= s.drainedSequence) {
          finishDrain(s);
        }
      }
      case MESSAGE_NOT_SET ->
          LOG.log(
              Level.WARNING,
              "node session: ignoring a control message of a kind this node does not know (a newer"
                  + " control plane?)");
    }
  }

  /**
   * Runs {@code step} after every earlier step finished (whatever the outcome), on the session
   * thread: the core sees control messages one at a time and in order.
   */
  private void inOrder(Supplier<CompletableFuture<?>> step) {
    applied =
        applied.thenComposeAsync(
            ignored -> {
              CompletableFuture<?> f;
              try {
                f = step.get();
              } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
              }
              return f.handle((result, error) -> null);
            },
            thread);
  }

  private CompletableFuture<?> applyHandlers(
      SessionStream s, ControlMessage message, long version) {
    if (stopped()) return CompletableFuture.completedFuture(null);
    return core.apply(message)
        .handleAsync(
            (failures, error) -> {
              if (error == null) {
                handlerSetVersion = version;
                reportApplied(s, message, version, failures);
                return null;
              }
              LOG.log(
                  Level.ERROR,
                  "node session: could not apply handler set {0,number,#} ({1}); still serving {2,number,#},"
                      + " starting a new session to receive the whole set again",
                  version,
                  reason(error),
                  handlerSetVersion);
              if (s == session) {
                Status status =
                    Status.INTERNAL.withDescription(
                        "node could not apply handler set " + version + ": " + reason(error));
                s.fail(status);
                ended(s, status);
              }
              return null;
            },
            thread);
  }

  private void reportApplied(
      SessionStream s,
      ControlMessage message,
      long version,
      List<NodeMessage.HandlerLoadFailed> failed) {
    if (s != session) return;
    for (NodeMessage.HandlerLoadFailed f : failed) {
      NodeMessage.HandlerLoadFailed.Builder b = f.toBuilder();
      if (b.getHandlerSetVersion() == 0) b.setHandlerSetVersion(version);
      s.send(NodeMessage.newBuilder().setHandlerLoadFailed(b));
    }
    if (message.hasHandlerSet()) s.handlerSetApplied = true;
    if (!s.handlerSetApplied) return; // protocol: the first message is the HandlerSet
    s.send(
        NodeMessage.newBuilder()
            .setReady(NodeMessage.Ready.newBuilder().setHandlerSetVersion(version)));
    if (state == State.CONNECTING) {
      int failures = backoff.failures();
      backoff.reset();
      setState(State.READY);
      if (failures > 0) {
        LOG.log(
            Level.INFO,
            "node session: reconnected to {0} after {1,number,#} failed"
                + " {1,choice,1#attempt|1<attempts}; ready with handler set {2,number,#}",
            target,
            failures,
            version);
      } else {
        LOG.log(
            Level.INFO,
            "node session: ready with handler set {0,number,#} ({1,number,#} handlers failed to"
                + " load)",
            version,
            failed.size());
      }
    }
  }

  private CompletableFuture<?> applySettings(ControlMessage message) {
    if (stopped()) return CompletableFuture.completedFuture(null);
    return core.apply(message)
        .whenComplete((failures, error) -> {
          if (error != null) {
            LOG.log(
                Level.WARNING,
                "node session: could not apply pool settings ({0}); keeping the previous ones",
                reason(error));
          }
        });
  }

  private void forwardStats(NodeStats stats) {
    SessionStream s = session;
    if (s != null && s.handlerSetApplied) s.send(NodeMessage.newBuilder().setStats(stats));
  }

  // ---- drain

  private CompletableFuture<?> drain(SessionStream s, ControlMessage.Drain request) {
    if (stopped()) return CompletableFuture.completedFuture(null);
    Duration grace =
        Duration.ofSeconds(
            request.getGracePeriod().getSeconds(), request.getGracePeriod().getNanos());
    if (grace.isNegative()) grace = Duration.ZERO;
    setState(State.DRAINING);
    LOG.log(
        Level.INFO, "node session: draining at the control plane''s request (grace {0})", grace);
    CompletableFuture<DrainResponse> drained;
    try {
      drained = core.drain(grace);
    } catch (RuntimeException e) {
      drained = CompletableFuture.failedFuture(e);
    }
    return drained.handleAsync(
        (response, error) -> {
          if (error != null) {
            LOG.log(
                Level.ERROR,
                "node session: draining failed ({0}); reporting drained anyway",
                reason(error));
            response = DrainResponse.getDefaultInstance();
          }
          LOG.log(
              Level.INFO,
              "node session: drained ({0,number,#} invocations completed, {1,number,#} abandoned)",
              response.getCompleted(),
              response.getAbandoned());
          if (s == session) {
            s.drainedSequence =
                s.send(
                    NodeMessage.newBuilder()
                        .setDrained(
                            NodeMessage.Drained.newBuilder()
                                .setCompleted(response.getCompleted())
                                .setAbandoned(response.getAbandoned())));
            thread.schedule(() -> finishDrain(s), ACK_WAIT);
          } else {
            finishDrain(s);
          }
          return null;
        },
        thread);
  }

  /** Drained was acknowledged, the wait for the Ack ran out, or there is no stream to wait on. */
  private void finishDrain(SessionStream s) {
    if (state != State.DRAINING) return;
    if (s == session) {
      session = null;
      connected = false;
      s.complete();
    }
    setState(State.DRAINED);
    Thread.ofPlatform().name("loopd-node-drained").start(afterDrained);
  }

  // ---- helpers

  /** No more applying: the client is closed, draining or replaced. */
  private boolean stopped() {
    return state == State.CLOSED
        || state == State.DRAINING
        || state == State.DRAINED
        || state == State.REPLACED;
  }

  private void setState(State next) {
    if (state != State.CLOSED) state = next;
  }

  private static String describe(Status status) {
    if (status.isOk()) return "the control plane ended the session";
    return status.getDescription() == null
        ? status.getCode().toString()
        : status.getCode() + ": " + status.getDescription();
  }

  /** What went wrong, for a log line: the message of the cause a future completed with. */
  private static String reason(Throwable error) {
    while (error instanceof CompletionException && error.getCause() != null) {
      error = error.getCause();
    }
    return error.getMessage() != null ? error.getMessage() : error.getClass().getName();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
