package dev.loopd.control.api;

import dev.loopd.control.auth.Caller;
import dev.loopd.control.errors.ApiException;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.core.PoolWatcher;
import dev.loopd.operator.core.StreamingPoolWatcher;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.GetPoolHealthRequest;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.TelemetryServiceGrpc;
import dev.loopd.proto.control.v1.WatchPoolRequest;
import dev.loopd.proto.control.v1.WatchPoolResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;

/** {@code TelemetryService}: a pool's health now, or streamed with its scaling events. */
@GrpcService
public class TelemetryGrpcService extends TelemetryServiceGrpc.TelemetryServiceImplBase {

  private final Store store;
  private final PlatformRuntime core;

  @Inject
  public TelemetryGrpcService(Store store, PlatformRuntime core) {
    this.store = store;
    this.core = core;
  }

  private PoolRef pool(String name) {
    String tenant = Caller.current().requireTenant();
    if (name.isEmpty()) {
      throw ApiException.invalidArgument("pool", "is required, e.g. \"default\"");
    }
    if (store.pool(tenant, name).isEmpty()) {
      throw ApiException.notFound("pool", name);
    }
    return new PoolRef(tenant, name);
  }

  @Override
  public void getPoolHealth(GetPoolHealthRequest request, StreamObserver<PoolHealth> responses) {
    PoolRef ref = pool(request.getPool());
    responses.onNext(core.health(ref).orElseThrow(() -> ApiException.notFound("pool", ref.name())));
    responses.onCompleted();
  }

  @Override
  public void watchPool(WatchPoolRequest request, StreamObserver<WatchPoolResponse> responses) {
    PoolRef ref = pool(request.getPool());
    var call = (ServerCallStreamObserver<WatchPoolResponse>) responses;
    PoolWatcher watcher =
        new StreamingPoolWatcher<>(
            call,
            health -> WatchPoolResponse.newBuilder().setHealth(health).build(),
            event -> WatchPoolResponse.newBuilder().setScalingEvent(event).build(),
            () ->
                Status.NOT_FOUND
                    .withDescription("pool \"" + ref.name() + "\" was deleted")
                    .asRuntimeException());
    core.health(ref).ifPresent(watcher::health);
    Runnable unsubscribe = core.watch(ref, watcher);
    call.setOnCancelHandler(unsubscribe);
  }
}
