package dev.loopd.control.api;

import com.google.protobuf.util.Timestamps;
import dev.loopd.control.auth.Caller;
import dev.loopd.control.auth.Tokens;
import dev.loopd.control.errors.ApiException;
import dev.loopd.control.validate.Names;
import dev.loopd.operator.core.StatusView;
import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.CreateTenantResponse;
import dev.loopd.proto.control.v1.CreateTokenRequest;
import dev.loopd.proto.control.v1.CreateTokenResponse;
import dev.loopd.proto.control.v1.DeleteTenantRequest;
import dev.loopd.proto.control.v1.DeleteTenantResponse;
import dev.loopd.proto.control.v1.GetTenantRequest;
import dev.loopd.proto.control.v1.ListTenantsRequest;
import dev.loopd.proto.control.v1.ListTenantsResponse;
import dev.loopd.proto.control.v1.ListTokensRequest;
import dev.loopd.proto.control.v1.ListTokensResponse;
import dev.loopd.proto.control.v1.RevokeTokenRequest;
import dev.loopd.proto.control.v1.RevokeTokenResponse;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import dev.loopd.proto.control.v1.Token;
import dev.loopd.proto.control.v1.UpdateTenantRequest;
import dev.loopd.proto.control.v1.Usage;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@code TenantService}: tenants (admin) and bearer tokens. */
@GrpcService
@Blocking
public class TenantGrpcService extends TenantServiceGrpc.TenantServiceImplBase {

  private final Store store;
  private final StatusView status;
  private final Clock clock;

  @Inject
  public TenantGrpcService(Store store, StatusView status, Clock clock) {
    this.store = store;
    this.status = status;
    this.clock = clock;
  }

  @Override
  public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> responses) {
    Caller c = Caller.current();
    reply(
        responses,
        WhoAmIResponse.newBuilder()
            .setTenant(c.tenant())
            .setAdmin(c.admin())
            .setTokenId(c.tokenId())
            .build());
  }

  @Override
  public void createTenant(
      CreateTenantRequest request, StreamObserver<CreateTenantResponse> responses) {
    Caller.current().requireAdmin();
    String name = Names.requireLabel("name", request.getName());
    var quotas = TenantQuotas.filled(request.getQuotas());
    CreateTenantResponse response =
        store.atomically(() -> {
          if (store.tenant(name).isPresent()) {
            throw ApiException.alreadyExists("tenant", name);
          }
          Tenant tenant =
              Tenant.newBuilder()
                  .setName(name)
                  .setQuotas(quotas)
                  .setCreateTime(Timestamps.fromMillis(clock.millis()))
                  .build();
          store.putTenant(tenant);
          Tokens.IssuedToken token =
              Tokens.issue(store, name, false, "first token of tenant " + name, clock);
          return CreateTenantResponse.newBuilder()
              .setTenant(withUsage(tenant))
              .setToken(token(token.record()))
              .setSecret(token.secret())
              .build();
        });
    reply(responses, response);
  }

  @Override
  public void getTenant(GetTenantRequest request, StreamObserver<Tenant> responses) {
    Caller c = Caller.current();
    String name = c.admin() ? request.getName() : c.tenant();
    if (!c.admin() && !request.getName().isEmpty() && !request.getName().equals(c.tenant())) {
      throw ApiException.notFound("tenant", request.getName());
    }
    if (name.isEmpty()) {
      throw ApiException.invalidArgument("name", "is required with an admin token");
    }
    reply(
        responses,
        withUsage(store.tenant(name).orElseThrow(() -> ApiException.notFound("tenant", name))));
  }

  @Override
  public void listTenants(
      ListTenantsRequest request, StreamObserver<ListTenantsResponse> responses) {
    Caller.current().requireAdmin();
    ListTenantsResponse.Builder out = ListTenantsResponse.newBuilder();
    store.tenants().forEach(t -> out.addTenants(withUsage(t)));
    reply(responses, out.build());
  }

  @Override
  public void updateTenant(UpdateTenantRequest request, StreamObserver<Tenant> responses) {
    Caller.current().requireAdmin();
    var quotas = TenantQuotas.filled(request.getQuotas());
    Tenant updated =
        store.atomically(() -> {
          Tenant t =
              store
                  .tenant(request.getName())
                  .orElseThrow(() -> ApiException.notFound("tenant", request.getName()));
          Tenant next = t.toBuilder().setQuotas(quotas).build();
          store.putTenant(next);
          return next;
        });
    reply(responses, withUsage(updated));
  }

  @Override
  public void deleteTenant(
      DeleteTenantRequest request, StreamObserver<DeleteTenantResponse> responses) {
    Caller.current().requireAdmin();
    String name = request.getName();
    store.atomically(() -> {
      if (store.tenant(name).isEmpty()) {
        throw ApiException.notFound("tenant", name);
      }
      int pools = store.pools(name).size();
      int handlers = store.handlers(name).size();
      if (pools + handlers > 0) {
        throw ApiException.failedPrecondition(
            "tenant \""
                + name
                + "\" still holds "
                + handlers
                + " handlers and "
                + pools
                + " pools: delete them first");
      }
      store.deleteTenant(name);
      return null;
    });
    reply(responses, DeleteTenantResponse.getDefaultInstance());
  }

  @Override
  public void createToken(
      CreateTokenRequest request, StreamObserver<CreateTokenResponse> responses) {
    String tenant = tokenTenant(request.getTenant());
    Tokens.IssuedToken token = Tokens.issue(store, tenant, false, request.getDescription(), clock);
    reply(
        responses,
        CreateTokenResponse.newBuilder()
            .setToken(token(token.record()))
            .setSecret(token.secret())
            .build());
  }

  @Override
  public void listTokens(ListTokensRequest request, StreamObserver<ListTokensResponse> responses) {
    String tenant = tokenTenant(request.getTenant());
    ListTokensResponse.Builder out = ListTokensResponse.newBuilder();
    store.tokens().stream()
        .filter(t -> t.tenant().equals(tenant) && !t.admin())
        .forEach(t -> out.addTokens(token(t)));
    reply(responses, out.build());
  }

  @Override
  public void revokeToken(
      RevokeTokenRequest request, StreamObserver<RevokeTokenResponse> responses) {
    Caller c = Caller.current();
    TokenRecord t =
        store
            .token(request.getId())
            .filter(r -> c.admin() || (!r.admin() && r.tenant().equals(c.tenant())))
            .orElseThrow(() -> ApiException.notFound("token", request.getId()));
    store.deleteToken(t.id());
    reply(responses, RevokeTokenResponse.getDefaultInstance());
  }

  /** The tenant a token RPC is about: the caller's own, or the one an admin names. */
  private String tokenTenant(String requested) {
    Caller c = Caller.current();
    if (!c.admin()) {
      if (!requested.isEmpty() && !requested.equals(c.tenant())) {
        throw ApiException.notFound("tenant", requested);
      }
      return c.tenant();
    }
    if (requested.isEmpty()) {
      throw ApiException.invalidArgument("tenant", "is required with an admin token");
    }
    store.tenant(requested).orElseThrow(() -> ApiException.notFound("tenant", requested));
    return requested;
  }

  private Tenant withUsage(Tenant t) {
    return t.toBuilder()
        .setUsage(
            Usage.newBuilder()
                .setHandlers(store.handlers(t.getName()).size())
                .setPools(store.pools(t.getName()).size())
                .setNodes(status.runningNodes(t.getName())))
        .build();
  }

  private static Token token(TokenRecord r) {
    return Token.newBuilder()
        .setId(r.id())
        .setTenant(r.tenant())
        .setDescription(r.description())
        .setAdmin(r.admin())
        .setCreateTime(Timestamps.fromMillis(r.createTime().toEpochMilli()))
        .build();
  }

  private static <T> void reply(StreamObserver<T> responses, T value) {
    responses.onNext(value);
    responses.onCompleted();
  }
}
