package dev.loopd.node.serve;

import dev.loopd.proto.node.v1.DrainRequest;
import dev.loopd.proto.node.v1.DrainResponse;
import dev.loopd.proto.node.v1.GetStatsRequest;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.ListHandlersRequest;
import dev.loopd.proto.node.v1.ListHandlersResponse;
import dev.loopd.proto.node.v1.LoadHandlerRequest;
import dev.loopd.proto.node.v1.LoadHandlerResponse;
import dev.loopd.proto.node.v1.NodeServiceGrpc;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.UnloadHandlerRequest;
import dev.loopd.proto.node.v1.UnloadHandlerResponse;
import dev.loopd.proto.node.v1.WatchStatsRequest;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * NodeService (node.proto) over a {@link NodeCore}: checks each request as node.proto documents
 * (INVALID_ARGUMENT with a message saying what to fix), then delegates. Failures of the core keep
 * their status; anything else becomes a sanitized INTERNAL ({@link CoreErrors#toStatus}).
 *
 * <p>Invoke passes the gRPC deadline to the core as an absolute {@link System#nanoTime()} and, when
 * the caller cancels, cancels the future the core returned. WatchStats sends the latest window,
 * then each new one; a slow reader gets the newest window when it catches up (windows in between
 * are dropped, so a stalled watcher costs one message of memory).
 */
final class NodeGrpcService extends NodeServiceGrpc.NodeServiceImplBase {

  private final NodeCore core;
  private final Set<StatsWatch> watches = ConcurrentHashMap.newKeySet();

  NodeGrpcService(NodeCore core) {
    this.core = core;
  }

  @Override
  public void loadHandler(
      LoadHandlerRequest request, StreamObserver<LoadHandlerResponse> responses) {
    if (!request.hasHandler()) {
      reject(responses, "handler is required: set LoadHandlerRequest.handler to a HandlerSpec");
      return;
    }
    String name = request.getHandler().getName();
    if (!HandlerNames.isValid(name)) {
      reject(responses, "handler.name " + HandlerNames.describeInvalid(name));
      return;
    }
    if (request.getHandler().getVersion().isEmpty()) {
      reject(responses, "handler.version is required (e.g. \"1\"); versions are immutable");
      return;
    }
    reply(responses, () -> core.load(request.getHandler()));
  }

  @Override
  public void unloadHandler(
      UnloadHandlerRequest request, StreamObserver<UnloadHandlerResponse> responses) {
    if (request.getHandler().isEmpty()) {
      reject(responses, "handler is required: the name of the handler to unload");
      return;
    }
    reply(responses, () -> core.unload(request.getHandler(), request.getVersion()));
  }

  @Override
  public void listHandlers(
      ListHandlersRequest request, StreamObserver<ListHandlersResponse> responses) {
    reply(responses, () -> CompletableFuture.completedFuture(core.list()));
  }

  @Override
  public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> responses) {
    if (request.getHandler().isEmpty()) {
      reject(responses, "handler is required: the name of the handler to invoke");
      return;
    }
    if (request.getMethod().isEmpty()) {
      reject(responses, "method is required: an HTTP method in uppercase, e.g. \"GET\"");
      return;
    }
    if (!request.getPath().startsWith("/")) {
      reject(
          responses,
          "path must start with \"/\" (the path below the handler, e.g. \"/\" or \"/a/b\"), got \""
              + request.getPath()
              + "\"");
      return;
    }
    if (request.hasTimeout()
        && (request.getTimeout().getSeconds() < 0 || request.getTimeout().getNanos() < 0)) {
      reject(responses, "timeout must not be negative; leave it unset for no timeout");
      return;
    }
    Deadline deadline = Context.current().getDeadline();
    long deadlineNanos =
        deadline == null
            ? Long.MAX_VALUE
            : System.nanoTime() + deadline.timeRemaining(TimeUnit.NANOSECONDS);
    CompletableFuture<InvokeResponse> call = call(() -> core.invoke(request, deadlineNanos));
    Context.current().addListener(context -> call.cancel(false), Runnable::run);
    complete(responses, call);
  }

  @Override
  public void getStats(GetStatsRequest request, StreamObserver<NodeStats> responses) {
    reply(responses, () -> CompletableFuture.completedFuture(core.latestStats()));
  }

  @Override
  public void watchStats(WatchStatsRequest request, StreamObserver<NodeStats> responses) {
    StatsWatch watch = new StatsWatch((ServerCallStreamObserver<NodeStats>) responses);
    watches.add(watch);
    watch.start();
  }

  @Override
  public void drain(DrainRequest request, StreamObserver<DrainResponse> responses) {
    com.google.protobuf.Duration grace = request.getGracePeriod();
    if (grace.getSeconds() < 0 || grace.getNanos() < 0) {
      reject(
          responses,
          "grace_period must not be negative (got "
              + grace.getSeconds()
              + "s "
              + grace.getNanos()
              + "ns); use 0 to drain without waiting");
      return;
    }
    Duration period = Duration.ofSeconds(grace.getSeconds(), grace.getNanos());
    reply(responses, () -> core.drain(period));
  }

  /** Ends every WatchStats stream with UNAVAILABLE; used when the node shuts down. */
  void endWatches() {
    for (StatsWatch watch : watches) {
      watch.end();
    }
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private static void reject(StreamObserver<?> responses, String message) {
    responses.onError(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException());
  }

  private static <T> void reply(StreamObserver<T> responses, Supplier<CompletableFuture<T>> work) {
    complete(responses, call(work));
  }

  /** Runs {@code work}, turning a synchronous throw into a failed future. */
  private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> work) {
    try {
      CompletableFuture<T> future = work.get();
      return future != null
          ? future
          : CompletableFuture.failedFuture(new IllegalStateException("core returned null"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> void complete(StreamObserver<T> responses, CompletableFuture<T> future) {
    future.whenComplete((result, failure) -> {
      if (((ServerCallStreamObserver<T>) responses).isCancelled()) {
        return;
      }
      if (failure != null) {
        responses.onError(CoreErrors.toStatusException(failure));
      } else if (result == null) {
        responses.onError(
            CoreErrors.toStatus(new IllegalStateException("null result")).asRuntimeException());
      } else {
        responses.onNext(result);
        responses.onCompleted();
      }
    });
  }

  /** One WatchStats stream: sends the newest window whenever the transport can take it. */
  private final class StatsWatch {
    private final ServerCallStreamObserver<NodeStats> stream;
    private NodeStats pending;
    private boolean ended;
    private Runnable remover;

    StatsWatch(ServerCallStreamObserver<NodeStats> stream) {
      this.stream = stream;
    }

    void start() {
      stream.setOnCancelHandler(this::stop);
      stream.setOnReadyHandler(this::flush);
      NodeStats latest = core.latestStats();
      synchronized (this) {
        if (latest != null) {
          pending = latest;
        }
      }
      Runnable remove = core.onStats(this::offer);
      synchronized (this) {
        remover = remove;
        if (ended) {
          remove.run();
          return;
        }
      }
      flush();
    }

    private void offer(NodeStats stats) {
      synchronized (this) {
        if (ended) {
          return;
        }
        pending = stats;
      }
      flush();
    }

    private synchronized void flush() {
      if (ended || pending == null || !stream.isReady()) {
        return;
      }
      NodeStats next = pending;
      pending = null;
      stream.onNext(next);
    }

    /** The caller cancelled. */
    private void stop() {
      Runnable remove;
      synchronized (this) {
        ended = true;
        pending = null;
        remove = remover;
      }
      if (remove != null) {
        remove.run();
      }
      watches.remove(this);
    }

    /** The node is shutting down: end the stream as node.proto says. */
    void end() {
      boolean wasEnded;
      synchronized (this) {
        wasEnded = ended;
      }
      stop();
      if (!wasEnded) {
        synchronized (this) {
          stream.onError(
              Status.UNAVAILABLE
                  .withDescription("the node is shutting down; watch another node")
                  .asRuntimeException());
        }
      }
    }
  }
}
