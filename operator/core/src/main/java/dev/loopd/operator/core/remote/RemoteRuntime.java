package dev.loopd.operator.core.remote;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import dev.loopd.operator.core.NodeTarget;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.core.PoolWatcher;
import dev.loopd.proto.control.v1.Condition;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.operator.v1.AwaitNodeRequest;
import dev.loopd.proto.operator.v1.AwaitNodeResponse;
import dev.loopd.proto.operator.v1.GetStatusRequest;
import dev.loopd.proto.operator.v1.GetStatusResponse;
import dev.loopd.proto.operator.v1.PoolKey;
import dev.loopd.proto.operator.v1.RuntimeServiceGrpc;
import dev.loopd.proto.operator.v1.RuntimeWatchEvent;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link PlatformRuntime} of an operator core in another process, over {@code
 * loopd.operator.v1.RuntimeService}: what the control API uses in Kubernetes mode.
 *
 * <p>When the operator cannot be reached, status reads answer "unknown" (a {@code Ready} condition
 * with status {@code Unknown}, reason {@code OperatorUnreachable}) rather than failing a listing;
 * invocations and health reads fail with UNAVAILABLE naming the operator; a watch resubscribes with
 * backoff until it is cancelled, so a tenant's {@code loopctl watch} survives an operator restart.
 */
public final class RemoteRuntime implements PlatformRuntime, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RemoteRuntime.class.getName());
  private static final Duration STATUS_DEADLINE = Duration.ofSeconds(2);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final String address;
  private final RuntimeServiceGrpc.RuntimeServiceStub async;
  private final RuntimeServiceGrpc.RuntimeServiceFutureStub futures;
  private final RuntimeServiceGrpc.RuntimeServiceBlockingStub blocking;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("loopd-remote-runtime").daemon().unstarted(r));

  /**
   * @param address where the operator serves it, for messages (host:port)
   */
  public RemoteRuntime(Channel channel, String address) {
    this.address = address;
    this.async = RuntimeServiceGrpc.newStub(channel);
    this.futures = RuntimeServiceGrpc.newFutureStub(channel);
    this.blocking = RuntimeServiceGrpc.newBlockingStub(channel);
  }

  /**
   * Asks the operator for a node. AwaitNode has no effect but a place in the pool's hold queue, so
   * a call lost to the operator restarting or changing leader (UNAVAILABLE, a reset stream) is
   * asked again with backoff: the invocation stays held, as while a pool scales from zero, until
   * the caller's own timeout completes the returned future.
   */
  @Override
  public CompletableFuture<NodeTarget> awaitNode(PoolRef pool, Set<String> exclude) {
    CompletableFuture<NodeTarget> result = new CompletableFuture<>();
    AwaitNodeRequest request =
        AwaitNodeRequest.newBuilder().setPool(key(pool)).addAllExcludeNodeIds(exclude).build();
    ask(request, result, Duration.ofMillis(100));
    return result;
  }

  private void ask(
      AwaitNodeRequest request, CompletableFuture<NodeTarget> result, Duration backoff) {
    if (result.isDone()) {
      return;
    }
    var call = futures.awaitNode(request);
    // The caller timed out or gave up: cancel the call so the operator stops holding it.
    result.whenComplete((node, failure) -> {
      if (failure != null) {
        call.cancel(true);
      }
    });
    Futures.addCallback(
        call,
        new FutureCallback<AwaitNodeResponse>() {
          @Override
          public void onSuccess(AwaitNodeResponse node) {
            result.complete(new NodeTarget(node.getNodeId(), node.getGrpcAddress()));
          }

          @Override
          public void onFailure(Throwable failure) {
            if (result.isDone()) {
              return;
            }
            if (!worthAskingAgain(Status.fromThrowable(failure))) {
              result.completeExceptionally(unreachable(failure));
              return;
            }
            LOG.log(
                System.Logger.Level.DEBUG,
                "asking the operator at {0} for a node again in {1} ms: {2}",
                address,
                backoff.toMillis(),
                failure.getMessage());
            try {
              retries.schedule(
                  () -> ask(request, result, min(backoff.multipliedBy(2), MAX_BACKOFF)),
                  backoff.toMillis(),
                  TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
              result.completeExceptionally(unreachable(failure));
            }
          }
        },
        MoreExecutors.directExecutor());
  }

  /** The operator's answers stand; lost calls (restart, new leader, reset stream) are retried. */
  private static boolean worthAskingAgain(Status status) {
    return switch (status.getCode()) {
      case UNAVAILABLE, INTERNAL, UNKNOWN, ABORTED -> true;
      default -> false;
    };
  }

  @Override
  public Optional<PoolHealth> health(PoolRef pool) {
    try {
      return Optional.of(
          blocking
              .withDeadlineAfter(STATUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
              .getPoolHealth(key(pool)));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw unreachable(e);
    }
  }

  @Override
  public Runnable watch(PoolRef pool, PoolWatcher watcher) {
    AtomicBoolean cancelled = new AtomicBoolean();
    Context.CancellableContext[] current = new Context.CancellableContext[1];
    Runnable subscribe =
        new Runnable() {
          private Duration backoff = Duration.ofMillis(200);

          @Override
          public void run() {
            if (cancelled.get()) {
              return;
            }
            Context.CancellableContext context = Context.current().withCancellation();
            synchronized (current) {
              current[0] = context;
            }
            Runnable self = this;
            context.run(() ->
                async.watchPool(
                    key(pool),
                    new StreamObserver<>() {
                      @Override
                      public void onNext(RuntimeWatchEvent event) {
                        backoff = Duration.ofMillis(200);
                        switch (event.getEventCase()) {
                          case HEALTH -> watcher.health(event.getHealth());
                          case SCALING_EVENT -> watcher.scalingEvent(event.getScalingEvent());
                          case EVENT_NOT_SET -> {}
                        }
                      }

                      @Override
                      public void onError(Throwable failure) {
                        if (cancelled.get()) {
                          return;
                        }
                        if (Status.fromThrowable(failure).getCode() == Status.Code.NOT_FOUND) {
                          watcher.deleted();
                          return;
                        }
                        LOG.log(
                            System.Logger.Level.DEBUG,
                            "watch of pool {0} at {1} broke ({2}); resubscribing in {3} ms",
                            pool,
                            address,
                            failure.getMessage(),
                            backoff.toMillis());
                        retries.schedule(self, backoff.toMillis(), TimeUnit.MILLISECONDS);
                        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                      }

                      @Override
                      public void onCompleted() {
                        watcher.deleted();
                      }
                    }));
          }
        };
    subscribe.run();
    return () -> {
      cancelled.set(true);
      synchronized (current) {
        if (current[0] != null) {
          current[0].cancel(null);
        }
      }
    };
  }

  @Override
  public PoolStatus poolStatus(String tenant, String pool) {
    return status(GetStatusRequest.newBuilder().setTenant(tenant).setPool(pool).build())
        .map(GetStatusResponse::getPool)
        .orElseGet(() ->
            PoolStatus.newBuilder()
                .addConditions(
                    Condition.newBuilder()
                        .setType("Ready")
                        .setStatus("Unknown")
                        .setReason("OperatorUnreachable")
                        .setMessage("the operator at " + address + " did not answer"))
                .build());
  }

  @Override
  public HandlerStatus handlerStatus(String tenant, String handler) {
    return status(GetStatusRequest.newBuilder().setTenant(tenant).setHandler(handler).build())
        .map(GetStatusResponse::getHandler)
        .orElse(HandlerStatus.getDefaultInstance());
  }

  @Override
  public int runningNodes(String tenant) {
    return status(GetStatusRequest.newBuilder().setTenant(tenant).setRunningNodes(true).build())
        .map(GetStatusResponse::getRunningNodes)
        .orElse(0);
  }

  private Optional<GetStatusResponse> status(GetStatusRequest request) {
    try {
      return Optional.of(
          blocking
              .withDeadlineAfter(STATUS_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
              .getStatus(request));
    } catch (StatusRuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the operator at {0} did not answer a status read: {1}",
          address,
          e.getStatus());
      return Optional.empty();
    }
  }

  /** Failures that say which operator could not be reached; the operator's own codes pass. */
  private StatusRuntimeException unreachable(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    if (status.getCode() == Status.Code.UNAVAILABLE) {
      return Status.UNAVAILABLE
          .withDescription(
              "the loopd operator at "
                  + address
                  + " is not reachable ("
                  + status.getDescription()
                  + "); it may be restarting, try again shortly")
          .withCause(failure)
          .asRuntimeException();
    }
    return status.asRuntimeException();
  }

  private static PoolKey key(PoolRef pool) {
    return PoolKey.newBuilder().setTenant(pool.tenant()).setPool(pool.name()).build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
