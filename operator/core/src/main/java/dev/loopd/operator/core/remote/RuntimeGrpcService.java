package dev.loopd.operator.core.remote;

import dev.loopd.operator.core.NodeTarget;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.core.PoolWatcher;
import dev.loopd.operator.core.StreamingPoolWatcher;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.operator.v1.AwaitNodeRequest;
import dev.loopd.proto.operator.v1.AwaitNodeResponse;
import dev.loopd.proto.operator.v1.GetStatusRequest;
import dev.loopd.proto.operator.v1.GetStatusResponse;
import dev.loopd.proto.operator.v1.PoolKey;
import dev.loopd.proto.operator.v1.RuntimeServiceGrpc;
import dev.loopd.proto.operator.v1.RuntimeWatchEvent;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Serves a {@link PlatformRuntime} (the operator core) to a control API running in another process:
 * the operator binds it beside the node sessions. {@link RemoteRuntime} is the other end.
 */
public final class RuntimeGrpcService extends RuntimeServiceGrpc.RuntimeServiceImplBase {

  private final PlatformRuntime runtime;

  public RuntimeGrpcService(PlatformRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void awaitNode(AwaitNodeRequest request, StreamObserver<AwaitNodeResponse> responses) {
    CompletableFuture<NodeTarget> node =
        runtime.awaitNode(ref(request.getPool()), Set.copyOf(request.getExcludeNodeIdsList()));
    node.whenComplete((target, failure) -> {
      if (failure != null) {
        responses.onError(Status.fromThrowable(unwrap(failure)).asRuntimeException());
      } else {
        responses.onNext(
            AwaitNodeResponse.newBuilder()
                .setNodeId(target.nodeId())
                .setGrpcAddress(target.grpcAddress())
                .build());
        responses.onCompleted();
      }
    });
    // The caller gave up (deadline, cancel): stop holding a place in the pool's queue.
    Context.current().addListener(c -> node.cancel(false), Runnable::run);
  }

  @Override
  public void getPoolHealth(PoolKey request, StreamObserver<PoolHealth> responses) {
    PoolRef ref = ref(request);
    var health = runtime.health(ref);
    if (health.isEmpty()) {
      responses.onError(notFound(ref));
      return;
    }
    responses.onNext(health.get());
    responses.onCompleted();
  }

  @Override
  public void watchPool(PoolKey request, StreamObserver<RuntimeWatchEvent> responses) {
    PoolRef ref = ref(request);
    var call = (ServerCallStreamObserver<RuntimeWatchEvent>) responses;
    var initial = runtime.health(ref);
    if (initial.isEmpty()) {
      responses.onError(notFound(ref));
      return;
    }
    PoolWatcher watcher =
        new StreamingPoolWatcher<>(
            call,
            health -> RuntimeWatchEvent.newBuilder().setHealth(health).build(),
            event -> RuntimeWatchEvent.newBuilder().setScalingEvent(event).build(),
            () -> notFound(ref));
    watcher.health(initial.get());
    call.setOnCancelHandler(runtime.watch(ref, watcher));
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<GetStatusResponse> responses) {
    GetStatusResponse.Builder status = GetStatusResponse.newBuilder();
    switch (request.getOfCase()) {
      case POOL -> status.setPool(runtime.poolStatus(request.getTenant(), request.getPool()));
      case HANDLER ->
          status.setHandler(runtime.handlerStatus(request.getTenant(), request.getHandler()));
      case RUNNING_NODES -> status.setRunningNodes(runtime.runningNodes(request.getTenant()));
      case OF_NOT_SET -> {
        responses.onError(
            Status.INVALID_ARGUMENT
                .withDescription("GetStatus needs one of pool, handler or running_nodes")
                .asRuntimeException());
        return;
      }
    }
    responses.onNext(status.build());
    responses.onCompleted();
  }

  private static PoolRef ref(PoolKey key) {
    return new PoolRef(key.getTenant(), key.getPool());
  }

  private static RuntimeException notFound(PoolRef ref) {
    return Status.NOT_FOUND
        .withDescription("pool \"" + ref.name() + "\" does not exist")
        .asRuntimeException();
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
