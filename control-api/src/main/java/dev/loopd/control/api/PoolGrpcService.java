package dev.loopd.control.api;

import com.google.protobuf.util.Timestamps;
import dev.loopd.control.auth.Caller;
import dev.loopd.control.errors.ApiException;
import dev.loopd.control.validate.Names;
import dev.loopd.operator.core.StatusView;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.DeletePoolResponse;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.ListPoolsRequest;
import dev.loopd.proto.control.v1.ListPoolsResponse;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.UpdatePoolRequest;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** {@code PoolService}: a tenant's pools of loop nodes. */
@GrpcService
@Blocking
public class PoolGrpcService extends PoolServiceGrpc.PoolServiceImplBase {

  private final Store store;
  private final StatusView status;
  private final Clock clock;

  @Inject
  public PoolGrpcService(Store store, StatusView status, Clock clock) {
    this.store = store;
    this.status = status;
    this.clock = clock;
  }

  @Override
  public void createPool(CreatePoolRequest request, StreamObserver<Pool> responses) {
    String tenant = Caller.current().requireTenant();
    String name = Names.requireLabel("name", request.getName());
    PoolSpec spec = PoolSpecs.validated(request.getSpec());
    Pool created =
        store.atomically(() -> {
          if (store.pool(tenant, name).isPresent()) {
            throw ApiException.alreadyExists("pool", name);
          }
          TenantQuotas quotas = TenantQuotas.of(store, tenant);
          if (store.pools(tenant).size() >= quotas.maxPools()) {
            throw TenantQuotas.exceeded(
                tenant, "pool", quotas.maxPools(), "max_pools", "delete a pool");
          }
          checkNodeQuota(tenant, name, spec, quotas);
          var now = Timestamps.fromMillis(clock.millis());
          Pool pool =
              Pool.newBuilder()
                  .setName(name)
                  .setTenant(tenant)
                  .setSpec(spec)
                  .setGeneration(1)
                  .setCreateTime(now)
                  .setUpdateTime(now)
                  .build();
          store.putPool(pool);
          return pool;
        });
    reply(responses, created);
  }

  @Override
  public void updatePool(UpdatePoolRequest request, StreamObserver<Pool> responses) {
    String tenant = Caller.current().requireTenant();
    PoolSpec spec = PoolSpecs.validated(request.getSpec());
    reply(responses, replaceSpec(tenant, request.getName(), spec));
  }

  @Override
  public void scalePool(ScalePoolRequest request, StreamObserver<Pool> responses) {
    String tenant = Caller.current().requireTenant();
    Pool scaled =
        store.atomically(() -> {
          Pool pool = find(tenant, request.getName());
          if (request.getNodes() < 0 || request.getNodes() > pool.getSpec().getMaxNodes()) {
            throw ApiException.invalidArgument(
                "nodes",
                request.getNodes()
                    + " is not between 0 and the pool's max_nodes ("
                    + pool.getSpec().getMaxNodes()
                    + "); raise max_nodes with `loopctl pools update "
                    + pool.getName()
                    + " --max N` first");
          }
          PoolSpec.Builder spec = pool.getSpec().toBuilder().setNodes(request.getNodes());
          spec.getAutoscalingBuilder().setMode(AutoscalingPolicy.Mode.MODE_MANUAL);
          if (spec.getMinNodes() > request.getNodes()) {
            spec.setMinNodes(request.getNodes());
          }
          return replaceSpec(tenant, pool.getName(), spec.build());
        });
    reply(responses, scaled);
  }

  private Pool replaceSpec(String tenant, String name, PoolSpec spec) {
    return store.atomically(() -> {
      Pool pool = find(tenant, name);
      checkNodeQuota(tenant, name, spec, TenantQuotas.of(store, tenant));
      Pool next =
          pool.toBuilder()
              .setSpec(spec)
              .setGeneration(pool.getGeneration() + 1)
              .setUpdateTime(Timestamps.fromMillis(clock.millis()))
              .clearStatus()
              .build();
      store.putPool(next);
      return next;
    });
  }

  /** The node quota bounds the sum of the tenant's pools' max_nodes. */
  private void checkNodeQuota(String tenant, String name, PoolSpec spec, TenantQuotas quotas) {
    int others =
        store.pools(tenant).stream()
            .filter(p -> !p.getName().equals(name))
            .mapToInt(p -> p.getSpec().getMaxNodes())
            .sum();
    if (others + spec.getMaxNodes() > quotas.maxNodes()) {
      throw TenantQuotas.exceeded(
          tenant,
          "node",
          quotas.maxNodes(),
          "max_nodes",
          "the pools' max_nodes would add up to "
              + (others + spec.getMaxNodes())
              + "; lower a pool's max_nodes");
    }
  }

  @Override
  public void getPool(GetPoolRequest request, StreamObserver<Pool> responses) {
    reply(responses, find(Caller.current().requireTenant(), request.getName()));
  }

  @Override
  public void listPools(ListPoolsRequest request, StreamObserver<ListPoolsResponse> responses) {
    String tenant = Caller.current().requireTenant();
    ListPoolsResponse.Builder out = ListPoolsResponse.newBuilder();
    store.pools(tenant).forEach(p -> out.addPools(withStatus(p)));
    responses.onNext(out.build());
    responses.onCompleted();
  }

  @Override
  public void deletePool(DeletePoolRequest request, StreamObserver<DeletePoolResponse> responses) {
    String tenant = Caller.current().requireTenant();
    store.atomically(() -> {
      Pool pool = find(tenant, request.getName());
      List<String> users =
          store.handlers(tenant).stream()
              .filter(h -> h.getPool().equals(pool.getName()))
              .map(Handler::getName)
              .toList();
      if (!users.isEmpty()) {
        throw ApiException.failedPrecondition(
            "pool \""
                + pool.getName()
                + "\" still runs handlers "
                + String.join(", ", users)
                + ": delete them or submit them to another pool first");
      }
      store.deletePool(tenant, pool.getName());
      return null;
    });
    responses.onNext(DeletePoolResponse.getDefaultInstance());
    responses.onCompleted();
  }

  private Pool find(String tenant, String name) {
    if (name.isEmpty()) {
      throw ApiException.invalidArgument("name", "is required, e.g. \"default\"");
    }
    return store.pool(tenant, name).orElseThrow(() -> ApiException.notFound("pool", name));
  }

  private void reply(StreamObserver<Pool> responses, Pool pool) {
    responses.onNext(withStatus(pool));
    responses.onCompleted();
  }

  private Pool withStatus(Pool p) {
    return p.toBuilder().setStatus(status.poolStatus(p.getTenant(), p.getName())).build();
  }
}
