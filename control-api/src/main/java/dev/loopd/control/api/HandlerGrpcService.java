package dev.loopd.control.api;

import com.google.protobuf.util.Timestamps;
import dev.loopd.control.auth.Caller;
import dev.loopd.control.errors.ApiException;
import dev.loopd.control.validate.Names;
import dev.loopd.control.validate.SourceValidator;
import dev.loopd.operator.core.StatusView;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.DeleteHandlerResponse;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListHandlerVersionsResponse;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.ListHandlersResponse;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import dev.loopd.proto.node.v1.Limits;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** {@code HandlerService}: a tenant's handlers and their immutable versions. */
@GrpcService
@Blocking
public class HandlerGrpcService extends HandlerServiceGrpc.HandlerServiceImplBase {

  static final String DEFAULT_POOL = "default";

  private final Store store;
  private final StatusView status;
  private final SourceValidator validator;
  private final Clock clock;

  @Inject
  public HandlerGrpcService(
      Store store, StatusView status, SourceValidator validator, Clock clock) {
    this.store = store;
    this.status = status;
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  public void submitHandler(
      SubmitHandlerRequest request, StreamObserver<SubmitHandlerResponse> responses) {
    String tenant = Caller.current().requireTenant();
    String name = Names.requireLabel("name", request.getName());
    String pool =
        Names.requireLabel("pool", request.getPool().isEmpty() ? DEFAULT_POOL : request.getPool());
    Limits limits = request.getLimits();
    if (limits.getCpuBudgetMs() < 0
        || limits.getDeadlineMs() < 0
        || limits.getMaxRequestBytes() < 0
        || limits.getMaxResponseBytes() < 0) {
      throw ApiException.invalidArgument("limits", "must not be negative (0 means the default)");
    }
    validator.validate(name, request.getSource());
    String sha = sha256(request.getSource());
    SubmitHandlerResponse response =
        store.atomically(() -> {
          if (store.pool(tenant, pool).isEmpty()) {
            throw ApiException.failedPrecondition(
                "pool \""
                    + pool
                    + "\" does not exist: create it first (`loopctl pools create "
                    + pool
                    + "`) or submit to an existing pool with --pool");
          }
          var now = Timestamps.fromMillis(clock.millis());
          Handler existing = store.handler(tenant, name).orElse(null);
          if (existing == null
              && store.handlers(tenant).size() >= TenantQuotas.of(store, tenant).maxHandlers()) {
            int max = TenantQuotas.of(store, tenant).maxHandlers();
            throw TenantQuotas.exceeded(tenant, "handler", max, "max_handlers", "delete a handler");
          }
          if (existing != null) {
            HandlerVersion active =
                store.version(tenant, name, existing.getActiveVersion()).orElseThrow();
            if (active.getSourceSha256().equals(sha) && active.getLimits().equals(limits)) {
              Handler same = existing;
              if (!existing.getPool().equals(pool) && !request.getValidateOnly()) {
                same = existing.toBuilder().setPool(pool).setUpdateTime(now).build();
                store.putHandler(same, null);
              }
              return SubmitHandlerResponse.newBuilder()
                  .setHandler(same)
                  .setVersion(active.toBuilder().clearSource())
                  .setCreated(false)
                  .build();
            }
          }
          long next = existing == null ? 1 : Long.parseLong(existing.getLatestVersion()) + 1;
          HandlerVersion version =
              HandlerVersion.newBuilder()
                  .setVersion(Long.toString(next))
                  .setSourceSha256(sha)
                  .setSourceSizeBytes(request.getSource().getBytes(StandardCharsets.UTF_8).length)
                  .setLimits(limits)
                  .setDescription(request.getDescription())
                  .setCreateTime(now)
                  .setSource(request.getSource())
                  .build();
          Handler handler =
              (existing == null
                      ? Handler.newBuilder().setName(name).setTenant(tenant).setCreateTime(now)
                      : existing.toBuilder())
                  .setPool(pool)
                  .setActiveVersion(version.getVersion())
                  .setLatestVersion(version.getVersion())
                  .setLimits(limits)
                  .setDescription(request.getDescription())
                  .setUpdateTime(now)
                  .clearStatus()
                  .build();
          if (!request.getValidateOnly()) {
            store.putHandler(handler, version);
          }
          return SubmitHandlerResponse.newBuilder()
              .setHandler(handler)
              .setVersion(version.toBuilder().clearSource())
              .setCreated(!request.getValidateOnly())
              .build();
        });
    responses.onNext(response.toBuilder().setHandler(withStatus(response.getHandler())).build());
    responses.onCompleted();
  }

  @Override
  public void getHandler(GetHandlerRequest request, StreamObserver<Handler> responses) {
    responses.onNext(withStatus(find(request.getName())));
    responses.onCompleted();
  }

  @Override
  public void listHandlers(
      ListHandlersRequest request, StreamObserver<ListHandlersResponse> responses) {
    String tenant = Caller.current().requireTenant();
    ListHandlersResponse.Builder out = ListHandlersResponse.newBuilder();
    for (Handler h : store.handlers(tenant)) {
      if (request.getPool().isEmpty() || request.getPool().equals(h.getPool())) {
        out.addHandlers(withStatus(h));
      }
    }
    responses.onNext(out.build());
    responses.onCompleted();
  }

  @Override
  public void listHandlerVersions(
      ListHandlerVersionsRequest request, StreamObserver<ListHandlerVersionsResponse> responses) {
    Handler h = find(request.getName());
    ListHandlerVersionsResponse.Builder out =
        ListHandlerVersionsResponse.newBuilder().setActiveVersion(h.getActiveVersion());
    for (HandlerVersion v : store.versions(h.getTenant(), h.getName())) {
      out.addVersions(v.toBuilder().clearSource());
    }
    responses.onNext(out.build());
    responses.onCompleted();
  }

  @Override
  public void getHandlerVersion(
      GetHandlerVersionRequest request, StreamObserver<HandlerVersion> responses) {
    Handler h = find(request.getName());
    String version = request.getVersion().isEmpty() ? h.getActiveVersion() : request.getVersion();
    responses.onNext(
        store
            .version(h.getTenant(), h.getName(), version)
            .orElseThrow(() -> versionNotFound(h, version)));
    responses.onCompleted();
  }

  @Override
  public void rollbackHandler(RollbackHandlerRequest request, StreamObserver<Handler> responses) {
    String tenant = Caller.current().requireTenant();
    Handler updated =
        store.atomically(() -> {
          Handler h = find(request.getName());
          List<HandlerVersion> versions = store.versions(tenant, h.getName());
          HandlerVersion target;
          if (request.getVersion().isEmpty()) {
            long active = Long.parseLong(h.getActiveVersion());
            target =
                versions.stream()
                    .filter(v -> Long.parseLong(v.getVersion()) < active)
                    .reduce((a, b) -> b)
                    .orElseThrow(() ->
                        ApiException.failedPrecondition(
                            "handler \""
                                + h.getName()
                                + "\" has no version before "
                                + h.getActiveVersion()
                                + " to roll back to"));
          } else {
            target =
                versions.stream()
                    .filter(v -> v.getVersion().equals(request.getVersion()))
                    .findFirst()
                    .orElseThrow(() -> versionNotFound(h, request.getVersion()));
          }
          Handler next =
              h.toBuilder()
                  .setActiveVersion(target.getVersion())
                  .setLimits(target.getLimits())
                  .setUpdateTime(Timestamps.fromMillis(clock.millis()))
                  .build();
          store.putHandler(next, null);
          return next;
        });
    responses.onNext(withStatus(updated));
    responses.onCompleted();
  }

  @Override
  public void deleteHandler(
      DeleteHandlerRequest request, StreamObserver<DeleteHandlerResponse> responses) {
    Handler h = find(request.getName());
    store.deleteHandler(h.getTenant(), h.getName());
    responses.onNext(DeleteHandlerResponse.getDefaultInstance());
    responses.onCompleted();
  }

  private Handler find(String name) {
    String tenant = Caller.current().requireTenant();
    if (name.isEmpty()) {
      throw ApiException.invalidArgument("name", "is required, e.g. \"hello\"");
    }
    return store.handler(tenant, name).orElseThrow(() -> ApiException.notFound("handler", name));
  }

  private static ApiException versionNotFound(Handler h, String version) {
    return new ApiException(
        io.grpc.Status.Code.NOT_FOUND,
        "handler \"" + h.getName() + "\" has no version \"" + version + "\"");
  }

  private Handler withStatus(Handler h) {
    return h.toBuilder().setStatus(status.handlerStatus(h.getTenant(), h.getName())).build();
  }

  static String sha256(String source) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
