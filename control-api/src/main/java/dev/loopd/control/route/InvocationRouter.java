package dev.loopd.control.route;

import com.google.protobuf.util.Durations;
import dev.loopd.operator.core.NodeTarget;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.NodeServiceGrpc;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one invocation to a ready node of its pool and, when a node refused it before any handler
 * ran (draining, not ready, unreachable, or it does not serve the handler yet), to another. A node
 * that may have started the handler is never retried: the caller learns it may have run.
 */
public final class InvocationRouter {

  /** Trailer a node sets on a refusal that never reached the handler (node.proto, Invoke). */
  static final Metadata.Key<String> NOT_STARTED =
      Metadata.Key.of("loopd-not-started", Metadata.ASCII_STRING_MARSHALLER);

  /** Attempts at most, over all nodes. */
  static final int MAX_ATTEMPTS = 5;

  /** Without a deadline from the caller, an invocation waits at most this for a ready node. */
  public static final Duration MAX_HOLD = Duration.ofSeconds(60);

  private final PlatformRuntime core;
  private final NodeChannels channels;

  public InvocationRouter(PlatformRuntime core, NodeChannels channels) {
    this.core = core;
    this.channels = channels;
  }

  /** The node's response with the node id and the attempts made. */
  public record Routed(InvokeResponse response, String nodeId, int attempts) {}

  /**
   * Routes {@code request} within {@code deadline} (null: the node's own deadline applies and the
   * wait for a ready node is bounded by {@link #MAX_HOLD}).
   */
  public CompletableFuture<Routed> invoke(PoolRef pool, InvokeRequest request, Deadline deadline) {
    CompletableFuture<Routed> result = new CompletableFuture<>();
    new Attempts(pool, request, deadline, result).next();
    return result;
  }

  private final class Attempts {
    private final PoolRef pool;
    private final InvokeRequest request;
    private final Deadline deadline;
    private final Deadline holdUntil;
    private final CompletableFuture<Routed> result;
    private final Set<String> tried = new HashSet<>();
    private int attempts;
    private int refusals;
    private Status lastRefusal;

    Attempts(PoolRef pool, InvokeRequest request, Deadline deadline, CompletableFuture<Routed> r) {
      this.pool = pool;
      this.request = request;
      this.deadline = deadline;
      this.holdUntil =
          deadline != null ? deadline : Deadline.after(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
      this.result = r;
    }

    void next() {
      if (result.isDone()) {
        return;
      }
      if (refusals >= MAX_ATTEMPTS) {
        result.completeExceptionally(
            Status.UNAVAILABLE
                .withDescription(
                    "no node of pool \""
                        + pool.name()
                        + "\" took the invocation after "
                        + refusals
                        + " refusals; last: "
                        + lastRefusal.getDescription())
                .asRuntimeException());
        return;
      }
      long left = holdUntil.timeRemaining(TimeUnit.MILLISECONDS);
      if (left <= 0) {
        noNodeInTime();
        return;
      }
      core.awaitNode(pool, Set.copyOf(tried))
          .orTimeout(left, TimeUnit.MILLISECONDS)
          .whenComplete((target, failure) -> {
            if (failure != null) {
              Throwable cause = unwrap(failure);
              if (cause instanceof TimeoutException) {
                noNodeInTime();
              } else {
                result.completeExceptionally(cause);
              }
            } else {
              send(target);
            }
          });
    }

    private void noNodeInTime() {
      long waited = MAX_HOLD.toSeconds();
      Status status =
          deadline != null
              ? Status.DEADLINE_EXCEEDED.withDescription(
                  "the deadline passed while waiting for a ready node of pool \""
                      + pool.name()
                      + "\"")
              : Status.UNAVAILABLE.withDescription(
                  "no node of pool \""
                      + pool.name()
                      + "\" became ready in "
                      + waited
                      + " s; see `loopctl pools get "
                      + pool.name()
                      + "` for its conditions");
      result.completeExceptionally(status.asRuntimeException());
    }

    private void send(NodeTarget target) {
      attempts++;
      InvokeRequest.Builder nodeRequest = request.toBuilder().setTenant(pool.tenant());
      NodeServiceGrpc.NodeServiceStub stub =
          NodeServiceGrpc.newStub(channels.get(target.grpcAddress()));
      if (deadline != null) {
        stub = stub.withDeadline(deadline);
        nodeRequest.setTimeout(
            Durations.fromMillis(Math.max(1, deadline.timeRemaining(TimeUnit.MILLISECONDS))));
      }
      stub.invoke(
          nodeRequest.build(),
          new StreamObserver<>() {
            @Override
            public void onNext(InvokeResponse response) {
              result.complete(new Routed(response, target.nodeId(), attempts));
            }

            @Override
            public void onError(Throwable t) {
              refused(target, t);
            }

            @Override
            public void onCompleted() {}
          });
    }

    private void refused(NodeTarget target, Throwable t) {
      Status status = Status.fromThrowable(t);
      Metadata trailers = Status.trailersFromThrowable(t);
      if (neverStarted(status, trailers)) {
        tried.add(target.nodeId());
        refusals++;
        lastRefusal = status;
        next();
        return;
      }
      if (status.getCode() == Status.Code.NOT_FOUND) {
        // The handler exists (the caller checked): this node has not applied the pool's latest
        // handler set yet. Nothing ran; another node, or this one a moment later, will have it.
        lastRefusal = status;
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(this::next);
        return;
      }
      if (status.getCode() == Status.Code.UNAVAILABLE) {
        result.completeExceptionally(
            Status.UNAVAILABLE
                .withDescription(
                    "node "
                        + target.nodeId()
                        + " went away while running the invocation; it may have run: retry only"
                        + " if the handler is idempotent ("
                        + status.getDescription()
                        + ")")
                .asRuntimeException());
        return;
      }
      result.completeExceptionally(
          t instanceof StatusRuntimeException ? t : status.asRuntimeException(trailers));
    }
  }

  /** A refusal that never reached a handler: safe to send elsewhere. */
  static boolean neverStarted(Status status, Metadata trailers) {
    if (status.getCode() != Status.Code.UNAVAILABLE) {
      return false;
    }
    if (trailers != null && "true".equals(trailers.get(NOT_STARTED))) {
      return true;
    }
    for (Throwable c = status.getCause(); c != null; c = c.getCause()) {
      if (c instanceof ConnectException) {
        return true; // the connection was never made
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
