package dev.loopd.control.api;

import static dev.loopd.control.api.ControlApiHarness.failure;
import static dev.loopd.control.api.ControlApiHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.operator.core.StatusView;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.CreateTenantResponse;
import dev.loopd.proto.control.v1.CreateTokenRequest;
import dev.loopd.proto.control.v1.CreateTokenResponse;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.DeleteTenantRequest;
import dev.loopd.proto.control.v1.GetTenantRequest;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.ListTenantsRequest;
import dev.loopd.proto.control.v1.ListTokensRequest;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.RevokeTokenRequest;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.control.v1.TenantServiceGrpc.TenantServiceBlockingStub;
import dev.loopd.proto.control.v1.Token;
import dev.loopd.proto.control.v1.UpdateTenantRequest;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import io.grpc.Status.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantGrpcServiceTest {

  private ControlApiHarness api;
  private TenantServiceBlockingStub admin;

  @BeforeEach
  void start() throws Exception {
    api =
        new ControlApiHarness(
            new StatusView() {
              @Override
              public PoolStatus poolStatus(String tenant, String pool) {
                return PoolStatus.getDefaultInstance();
              }

              @Override
              public HandlerStatus handlerStatus(String tenant, String handler) {
                return HandlerStatus.getDefaultInstance();
              }

              @Override
              public int runningNodes(String tenant) {
                return tenant.equals("acme") ? 3 : 0;
              }
            });
    admin = api.tenants(api.adminToken);
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  private static final WhoAmIRequest WHO = WhoAmIRequest.getDefaultInstance();

  @Test
  void createTenantReturnsAFirstTokenThatActsForIt() {
    CreateTenantResponse created =
        admin.createTenant(
            CreateTenantRequest.newBuilder()
                .setName("acme")
                .setQuotas(Quotas.newBuilder().setMaxPools(3))
                .build());

    assertThat(created.getTenant().getQuotas())
        .as("unset quotas take the platform defaults")
        .isEqualTo(Quotas.newBuilder().setMaxHandlers(100).setMaxPools(3).setMaxNodes(20).build());
    assertThat(created.getSecret()).startsWith("loopd_" + created.getToken().getId() + "_");
    assertThat(created.getToken().getTenant()).isEqualTo("acme");
    assertThat(created.getToken().getAdmin()).isFalse();
    assertThat(api.store.token(created.getToken().getId()).orElseThrow().secretSha256())
        .as("only the hash is stored")
        .doesNotContain(created.getSecret());
    WhoAmIResponse who = api.tenants(created.getSecret()).whoAmI(WHO);
    assertThat(who.getTenant()).isEqualTo("acme");
    assertThat(who.getAdmin()).isFalse();
    assertThat(who.getTokenId()).isEqualTo(created.getToken().getId());
    failure(
        Code.ALREADY_EXISTS,
        () -> admin.createTenant(CreateTenantRequest.newBuilder().setName("acme").build()));
    assertThat(
            message(
                Code.INVALID_ARGUMENT,
                () ->
                    admin.createTenant(CreateTenantRequest.newBuilder().setName("Acme!").build())))
        .contains("DNS-1123");
    failure(
        Code.INVALID_ARGUMENT,
        () ->
            admin.createTenant(
                CreateTenantRequest.newBuilder()
                    .setName("neg")
                    .setQuotas(Quotas.newBuilder().setMaxNodes(-1))
                    .build()));
  }

  @Test
  void theAdminTokenIsNoTenant() {
    WhoAmIResponse who = admin.whoAmI(WHO);
    assertThat(who.getAdmin()).isTrue();
    assertThat(who.getTenant()).isEmpty();
    api.tenant("acme");

    assertThat(
            message(
                Code.PERMISSION_DENIED,
                () ->
                    api.pools(api.adminToken)
                        .createPool(CreatePoolRequest.newBuilder().setName("web").build())))
        .contains("tenant's token");
  }

  @Test
  void aTenantTokenCannotManageTenants() {
    var acme = api.tenants(api.tenant("acme"));

    assertThat(
            message(
                Code.PERMISSION_DENIED,
                () -> acme.createTenant(CreateTenantRequest.newBuilder().setName("evil").build())))
        .contains("admin token");
    failure(
        Code.PERMISSION_DENIED, () -> acme.listTenants(ListTenantsRequest.getDefaultInstance()));
    failure(
        Code.PERMISSION_DENIED,
        () -> acme.deleteTenant(DeleteTenantRequest.newBuilder().setName("acme").build()));
    failure(
        Code.PERMISSION_DENIED,
        () -> acme.updateTenant(UpdateTenantRequest.newBuilder().setName("acme").build()));
  }

  @Test
  void getTenantShowsUsageAndATenantSeesOnlyItself() {
    String token = api.tenant("acme");
    api.tenant("beta");
    api.pools(token).createPool(CreatePoolRequest.newBuilder().setName("web").build());
    var acme = api.tenants(token);

    Tenant own = acme.getTenant(GetTenantRequest.getDefaultInstance());
    assertThat(own.getName()).isEqualTo("acme");
    assertThat(own.getUsage().getPools()).isEqualTo(1);
    assertThat(own.getUsage().getHandlers()).isZero();
    assertThat(own.getUsage().getNodes()).isEqualTo(3);
    failure(
        Code.NOT_FOUND,
        () -> acme.getTenant(GetTenantRequest.newBuilder().setName("beta").build()));
    assertThat(admin.getTenant(GetTenantRequest.newBuilder().setName("beta").build()).getName())
        .isEqualTo("beta");
    assertThat(admin.listTenants(ListTenantsRequest.getDefaultInstance()).getTenantsList())
        .extracting(Tenant::getName)
        .containsExactly("acme", "beta");
  }

  @Test
  void updateTenantChangesQuotas() {
    api.tenant("acme");

    Tenant t =
        admin.updateTenant(
            UpdateTenantRequest.newBuilder()
                .setName("acme")
                .setQuotas(Quotas.newBuilder().setMaxHandlers(5))
                .build());

    assertThat(t.getQuotas().getMaxHandlers()).isEqualTo(5);
    assertThat(api.store.tenant("acme").orElseThrow().getQuotas().getMaxHandlers()).isEqualTo(5);
    failure(
        Code.NOT_FOUND,
        () -> admin.updateTenant(UpdateTenantRequest.newBuilder().setName("nope").build()));
  }

  @Test
  void deleteTenantRefusesWhileItHoldsPoolsThenRemovesItsTokens() {
    String token = api.tenant("acme");
    var pools = api.pools(token);
    pools.createPool(
        CreatePoolRequest.newBuilder().setName("web").setSpec(PoolSpec.newBuilder()).build());

    assertThat(
            message(
                Code.FAILED_PRECONDITION,
                () -> admin.deleteTenant(DeleteTenantRequest.newBuilder().setName("acme").build())))
        .contains("1 pools")
        .contains("delete them first");

    pools.deletePool(DeletePoolRequest.newBuilder().setName("web").build());
    admin.deleteTenant(DeleteTenantRequest.newBuilder().setName("acme").build());
    assertThat(api.store.tenant("acme")).isEmpty();
    assertThat(api.store.tokens()).noneMatch(t -> t.tenant().equals("acme"));
    failure(Code.UNAUTHENTICATED, () -> api.tenants(token).whoAmI(WHO));
    failure(
        Code.NOT_FOUND,
        () -> admin.deleteTenant(DeleteTenantRequest.newBuilder().setName("acme").build()));
  }

  @Test
  void tenantsCreateListAndRevokeTheirOwnTokens() {
    String first = api.tenant("acme");
    var acme = api.tenants(first);

    CreateTokenResponse ci =
        acme.createToken(CreateTokenRequest.newBuilder().setDescription("ci").build());
    assertThat(api.tenants(ci.getSecret()).whoAmI(WHO).getTenant()).isEqualTo("acme");
    assertThat(acme.listTokens(ListTokensRequest.getDefaultInstance()).getTokensList())
        .extracting(Token::getDescription)
        .containsExactlyInAnyOrder("first token of tenant acme", "ci");

    acme.revokeToken(RevokeTokenRequest.newBuilder().setId(ci.getToken().getId()).build());

    assertThat(message(Code.UNAUTHENTICATED, () -> api.tenants(ci.getSecret()).whoAmI(WHO)))
        .contains("revoked");
    assertThat(acme.whoAmI(WHO).getTenant()).isEqualTo("acme");
  }

  @Test
  void aTenantCannotSeeOrRevokeAnotherTenantsTokens() {
    var acme = api.tenants(api.tenant("acme"));
    String betaToken = api.tenant("beta");
    String betaId = api.tenants(betaToken).whoAmI(WHO).getTokenId();

    failure(
        Code.NOT_FOUND,
        () -> acme.revokeToken(RevokeTokenRequest.newBuilder().setId(betaId).build()));
    failure(
        Code.NOT_FOUND,
        () -> acme.listTokens(ListTokensRequest.newBuilder().setTenant("beta").build()));
    failure(
        Code.NOT_FOUND,
        () -> acme.createToken(CreateTokenRequest.newBuilder().setTenant("beta").build()));
    String adminId = admin.whoAmI(WHO).getTokenId();
    failure(
        Code.NOT_FOUND,
        () -> acme.revokeToken(RevokeTokenRequest.newBuilder().setId(adminId).build()));
    assertThat(api.tenants(betaToken).whoAmI(WHO).getTenant()).isEqualTo("beta");
  }

  @Test
  void theAdminManagesAnyTenantsTokens() {
    api.tenant("acme");

    CreateTokenResponse made =
        admin.createToken(CreateTokenRequest.newBuilder().setTenant("acme").build());
    assertThat(made.getToken().getTenant()).isEqualTo("acme");
    assertThat(
            admin
                .listTokens(ListTokensRequest.newBuilder().setTenant("acme").build())
                .getTokensCount())
        .isEqualTo(2);
    admin.revokeToken(RevokeTokenRequest.newBuilder().setId(made.getToken().getId()).build());
    failure(Code.UNAUTHENTICATED, () -> api.tenants(made.getSecret()).whoAmI(WHO));
    assertThat(
            message(
                Code.INVALID_ARGUMENT,
                () -> admin.createToken(CreateTokenRequest.getDefaultInstance())))
        .contains("tenant");
    failure(
        Code.NOT_FOUND,
        () -> admin.createToken(CreateTokenRequest.newBuilder().setTenant("nope").build()));
  }
}
