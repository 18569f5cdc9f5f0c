package dev.loopd.cli.fake;

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
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import io.grpc.stub.StreamObserver;

/** Test double of TenantService: canned answers, recorded requests. Not the real service. */
public final class FakeTenants extends TenantServiceGrpc.TenantServiceImplBase {
  public final Calls calls = new Calls();
  public volatile WhoAmIResponse me =
      WhoAmIResponse.newBuilder().setTenant("acme").setTokenId("loopd_t1").build();
  public volatile CreateTenantResponse created =
      CreateTenantResponse.newBuilder()
          .setTenant(Tenant.newBuilder().setName("acme"))
          .setSecret("loopd_t2_s3cret")
          .build();
  public volatile ListTenantsResponse tenants = ListTenantsResponse.getDefaultInstance();

  @Override
  public void whoAmI(WhoAmIRequest r, StreamObserver<WhoAmIResponse> o) {
    calls.answer(r, me, o);
  }

  @Override
  public void createTenant(CreateTenantRequest r, StreamObserver<CreateTenantResponse> o) {
    calls.answer(r, created, o);
  }

  @Override
  public void listTenants(ListTenantsRequest r, StreamObserver<ListTenantsResponse> o) {
    calls.answer(r, tenants, o);
  }

  @Override
  public void getTenant(GetTenantRequest r, StreamObserver<Tenant> o) {
    calls.answer(
        r, Tenant.newBuilder().setName(r.getName().isEmpty() ? "acme" : r.getName()).build(), o);
  }

  @Override
  public void deleteTenant(DeleteTenantRequest r, StreamObserver<DeleteTenantResponse> o) {
    calls.answer(r, DeleteTenantResponse.getDefaultInstance(), o);
  }

  @Override
  public void createToken(CreateTokenRequest r, StreamObserver<CreateTokenResponse> o) {
    calls.answer(
        r,
        CreateTokenResponse.newBuilder()
            .setToken(Token.newBuilder().setId("loopd_t9").setTenant("acme"))
            .setSecret("loopd_t9_secret")
            .build(),
        o);
  }

  @Override
  public void listTokens(ListTokensRequest r, StreamObserver<ListTokensResponse> o) {
    calls.answer(
        r,
        ListTokensResponse.newBuilder()
            .addTokens(Token.newBuilder().setId("loopd_t1").setTenant("acme"))
            .build(),
        o);
  }

  @Override
  public void revokeToken(RevokeTokenRequest r, StreamObserver<RevokeTokenResponse> o) {
    calls.answer(r, RevokeTokenResponse.getDefaultInstance(), o);
  }
}
