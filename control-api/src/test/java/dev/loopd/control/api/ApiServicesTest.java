package dev.loopd.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Durations;
import dev.loopd.control.auth.TokenAuthInterceptor;
import dev.loopd.control.auth.Tokens;
import dev.loopd.control.errors.ErrorMappingInterceptor;
import dev.loopd.control.validate.SourceValidator;
import dev.loopd.operator.core.StatusView;
import dev.loopd.operator.store.InMemoryStore;
import dev.loopd.operator.store.StoreException;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.DeleteTenantRequest;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.RevokeTokenRequest;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant, handler and pool services behind the real interceptors (authentication, error
 * mapping) on an in-process gRPC server, over a store in memory.
 */
class ApiServicesTest {

  static final SourceValidator VALIDATOR = new SourceValidator();

  final AtomicBoolean failWrites = new AtomicBoolean();
  final InMemoryStore store =
      new InMemoryStore() {
        @Override
        protected void persist(Write write) {
          if (failWrites.get()) {
            throw new StoreException("disk full", null);
          }
        }
      };
  final Clock clock = Clock.systemUTC();
  Server server;
  ManagedChannel channel;
  String admin;
  String tokenA;
  String tokenB;

  @BeforeEach
  void setUp() throws Exception {
    String name = InProcessServerBuilder.generateName();
    var interceptors =
        new io.grpc.ServerInterceptor[] {
          new ErrorMappingInterceptor(), new TokenAuthInterceptor(store)
        };
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerInterceptors.intercept(
                    new TenantGrpcService(store, StatusView.NONE, clock), interceptors))
            .addService(
                ServerInterceptors.intercept(
                    new HandlerGrpcService(store, StatusView.NONE, VALIDATOR, clock), interceptors))
            .addService(
                ServerInterceptors.intercept(
                    new PoolGrpcService(store, StatusView.NONE, clock), interceptors))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    admin = Tokens.issue(store, "", true, "test admin", clock).secret();
    tokenA =
        tenants(admin)
            .createTenant(CreateTenantRequest.newBuilder().setName("a").build())
            .getSecret();
    tokenB =
        tenants(admin)
            .createTenant(CreateTenantRequest.newBuilder().setName("b").build())
            .getSecret();
    for (String t : new String[] {tokenA, tokenB}) {
      pools(t).createPool(CreatePoolRequest.newBuilder().setName("default").build());
    }
  }

  @AfterEach
  void tearDown() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @AfterAll
  static void closeValidator() {
    VALIDATOR.close();
  }

  static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata md = new Metadata();
        if (token != null) {
          md.put(
              Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
              "Bearer " + token);
        }
        applier.apply(md);
      }
    };
  }

  TenantServiceGrpc.TenantServiceBlockingStub tenants(String token) {
    return TenantServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  HandlerServiceGrpc.HandlerServiceBlockingStub handlers(String token) {
    return HandlerServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  PoolServiceGrpc.PoolServiceBlockingStub pools(String token) {
    return PoolServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  static StatusRuntimeException fails(Status.Code code, ThrowingCallable call) {
    StatusRuntimeException[] caught = new StatusRuntimeException[1];
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
              caught[0] = e;
            });
    return caught[0];
  }

  static SubmitHandlerRequest submit(String name, String source) {
    return SubmitHandlerRequest.newBuilder().setName(name).setSource(source).build();
  }

  @Test
  void versionsAreNumberedAnIdenticalResubmitCreatesNoneAndRollbackPicksThePreviousOne() {
    var h = handlers(tokenA);
    assertThat(h.submitHandler(submit("hello", "export default () => 1")).getVersion().getVersion())
        .isEqualTo("1");
    var same = h.submitHandler(submit("hello", "export default () => 1"));
    assertThat(same.getCreated()).isFalse();
    assertThat(h.submitHandler(submit("hello", "export default () => 2")).getVersion().getVersion())
        .isEqualTo("2");
    assertThat(
            h.submitHandler(submit("hello", "export default () => 3"))
                .getHandler()
                .getActiveVersion())
        .isEqualTo("3");

    assertThat(
            h.rollbackHandler(RollbackHandlerRequest.newBuilder().setName("hello").build())
                .getActiveVersion())
        .isEqualTo("2");
    assertThat(
            h.rollbackHandler(
                    RollbackHandlerRequest.newBuilder().setName("hello").setVersion("1").build())
                .getActiveVersion())
        .isEqualTo("1");
    fails(
        Status.Code.FAILED_PRECONDITION,
        () -> h.rollbackHandler(RollbackHandlerRequest.newBuilder().setName("hello").build()));
    fails(
        Status.Code.NOT_FOUND,
        () ->
            h.rollbackHandler(
                RollbackHandlerRequest.newBuilder().setName("hello").setVersion("9").build()));
    var versions =
        h.listHandlerVersions(ListHandlerVersionsRequest.newBuilder().setName("hello").build());
    assertThat(versions.getVersionsList())
        .extracting(v -> v.getVersion())
        .containsExactly("1", "2", "3");
    assertThat(versions.getVersionsList()).allSatisfy(v -> assertThat(v.getSource()).isEmpty());
    assertThat(versions.getActiveVersion()).isEqualTo("1");
  }

  @Test
  void aSyntaxErrorCarriesItsPositionAndStoresNothing() throws Exception {
    var e =
        fails(
            Status.Code.INVALID_ARGUMENT,
            () ->
                handlers(tokenA)
                    .submitHandler(submit("bad", "export default () => {\n  let x = ;\n}")));
    SourceError error = StatusProto.fromThrowable(e).getDetails(0).unpack(SourceError.class);
    assertThat(error.getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(error.getLine()).isEqualTo(2);
    assertThat(error.getColumn()).isEqualTo(11);
    assertThat(e.getStatus().getDescription())
        .startsWith("handler \"bad\": syntax error at 2:11: ");
    fails(
        Status.Code.NOT_FOUND,
        () -> handlers(tokenA).getHandler(GetHandlerRequest.newBuilder().setName("bad").build()));
  }

  @Test
  void namesMustBeDns1123Labels() {
    var e =
        fails(
            Status.Code.INVALID_ARGUMENT,
            () -> handlers(tokenA).submitHandler(submit("Hello_World", "export default () => 1")));
    assertThat(e.getStatus().getDescription()).contains("DNS-1123").contains("hello-world");
    fails(
        Status.Code.INVALID_ARGUMENT,
        () -> pools(tokenA).createPool(CreatePoolRequest.newBuilder().setName("-x").build()));
  }

  @Test
  void anotherTenantsResourcesAreNotFound() {
    handlers(tokenA).submitHandler(submit("secret", "export default () => 1"));
    fails(
        Status.Code.NOT_FOUND,
        () ->
            handlers(tokenB).getHandler(GetHandlerRequest.newBuilder().setName("secret").build()));
    fails(
        Status.Code.NOT_FOUND,
        () ->
            handlers(tokenB)
                .rollbackHandler(RollbackHandlerRequest.newBuilder().setName("secret").build()));
    assertThat(
            handlers(tokenB)
                .listHandlers(ListHandlersRequest.getDefaultInstance())
                .getHandlersList())
        .isEmpty();
    pools(tokenA).createPool(CreatePoolRequest.newBuilder().setName("private").build());
    fails(
        Status.Code.NOT_FOUND,
        () -> pools(tokenB).getPool(GetPoolRequest.newBuilder().setName("private").build()));
  }

  @Test
  void quotasRefuseWithTheQuotaNamed() {
    tenants(admin)
        .updateTenant(
            dev.loopd.proto.control.v1.UpdateTenantRequest.newBuilder()
                .setName("a")
                .setQuotas(Quotas.newBuilder().setMaxHandlers(1).setMaxPools(2).setMaxNodes(6))
                .build());
    handlers(tokenA).submitHandler(submit("one", "export default () => 1"));
    var e =
        fails(
            Status.Code.RESOURCE_EXHAUSTED,
            () -> handlers(tokenA).submitHandler(submit("two", "export default () => 2")));
    assertThat(e.getStatus().getDescription())
        .contains("handler quota reached")
        .contains("max_handlers");
    assertThat(
            handlers(tokenA).submitHandler(submit("one", "export default () => 11")).getCreated())
        .as("a new version of an existing handler is not a new handler")
        .isTrue();

    var nodes =
        fails(
            Status.Code.RESOURCE_EXHAUSTED,
            () ->
                pools(tokenA)
                    .createPool(
                        CreatePoolRequest.newBuilder()
                            .setName("big")
                            .setSpec(PoolSpec.newBuilder().setMaxNodes(2))
                            .build()));
    assertThat(nodes.getStatus().getDescription()).contains("node quota").contains("max_nodes");
  }

  @Test
  void poolSpecsAreValidatedFieldByField() {
    var e =
        fails(
            Status.Code.INVALID_ARGUMENT,
            () ->
                pools(tokenA)
                    .createPool(
                        CreatePoolRequest.newBuilder()
                            .setName("p")
                            .setSpec(PoolSpec.newBuilder().setMinNodes(3).setMaxNodes(2))
                            .build()));
    assertThat(e.getStatus().getDescription()).contains("spec.min_nodes");
    e =
        fails(
            Status.Code.INVALID_ARGUMENT,
            () ->
                pools(tokenA)
                    .createPool(
                        CreatePoolRequest.newBuilder()
                            .setName("p")
                            .setSpec(
                                PoolSpec.newBuilder()
                                    .setAutoscaling(
                                        AutoscalingPolicy.newBuilder()
                                            .setStableWindow(Durations.fromSeconds(5))
                                            .setPanicWindow(Durations.fromSeconds(6))))
                            .build()));
    assertThat(e.getStatus().getDescription()).contains("spec.autoscaling.panic_window");
    e =
        fails(
            Status.Code.INVALID_ARGUMENT,
            () ->
                pools(tokenA)
                    .createPool(
                        CreatePoolRequest.newBuilder()
                            .setName("p")
                            .setSpec(
                                PoolSpec.newBuilder()
                                    .setAutoscaling(
                                        AutoscalingPolicy.newBuilder().setTargetElu(1.5)))
                            .build()));
    assertThat(e.getStatus().getDescription()).contains("spec.autoscaling.target_elu");
  }

  @Test
  void poolsAreStoredWithDefaultsScaleTurnsManualAndDeleteWaitsForHandlers() {
    var p = pools(tokenA).createPool(CreatePoolRequest.newBuilder().setName("web").build());
    assertThat(p.getSpec().getMaxNodes()).isEqualTo(5);
    assertThat(p.getSpec().getAutoscaling().getTargetElu()).isEqualTo(0.6);
    var scaled =
        pools(tokenA).scalePool(ScalePoolRequest.newBuilder().setName("web").setNodes(3).build());
    assertThat(scaled.getSpec().getAutoscaling().getMode())
        .isEqualTo(AutoscalingPolicy.Mode.MODE_MANUAL);
    assertThat(scaled.getSpec().getNodes()).isEqualTo(3);
    assertThat(scaled.getGeneration()).isEqualTo(2);
    fails(
        Status.Code.INVALID_ARGUMENT,
        () ->
            pools(tokenA)
                .scalePool(ScalePoolRequest.newBuilder().setName("web").setNodes(6).build()));

    handlers(tokenA)
        .submitHandler(submit("h", "export default () => 1").toBuilder().setPool("web").build());
    var e =
        fails(
            Status.Code.FAILED_PRECONDITION,
            () -> pools(tokenA).deletePool(DeletePoolRequest.newBuilder().setName("web").build()));
    assertThat(e.getStatus().getDescription()).contains("h");
    var missing =
        fails(
            Status.Code.FAILED_PRECONDITION,
            () ->
                handlers(tokenA)
                    .submitHandler(
                        submit("x", "export default () => 1").toBuilder().setPool("nope").build()));
    assertThat(missing.getStatus().getDescription()).contains("loopctl pools create nope");
  }

  @Test
  void tokensAreCheckedRevocableAndScopedToRoles() {
    fails(
        Status.Code.UNAUTHENTICATED,
        () -> tenants(null).whoAmI(WhoAmIRequest.getDefaultInstance()));
    fails(
        Status.Code.UNAUTHENTICATED,
        () -> tenants("loopd_zzzzzzzzzzzz_nope").whoAmI(WhoAmIRequest.getDefaultInstance()));
    String forged = tokenA.substring(0, tokenA.length() - 2) + "xx";
    fails(
        Status.Code.UNAUTHENTICATED,
        () -> tenants(forged).whoAmI(WhoAmIRequest.getDefaultInstance()));
    assertThat(tenants(tokenA).whoAmI(WhoAmIRequest.getDefaultInstance()).getTenant())
        .isEqualTo("a");

    fails(
        Status.Code.PERMISSION_DENIED,
        () -> tenants(tokenA).createTenant(CreateTenantRequest.newBuilder().setName("c").build()));
    fails(
        Status.Code.PERMISSION_DENIED,
        () -> handlers(admin).listHandlers(ListHandlersRequest.getDefaultInstance()));

    String id = tenants(tokenA).whoAmI(WhoAmIRequest.getDefaultInstance()).getTokenId();
    fails(
        Status.Code.NOT_FOUND,
        () -> tenants(tokenB).revokeToken(RevokeTokenRequest.newBuilder().setId(id).build()));
    tenants(tokenA).revokeToken(RevokeTokenRequest.newBuilder().setId(id).build());
    fails(
        Status.Code.UNAUTHENTICATED,
        () -> tenants(tokenA).whoAmI(WhoAmIRequest.getDefaultInstance()));
    assertThat(store.tokens()).allSatisfy(t -> assertThat(tokenB).doesNotContain(t.secretSha256()));
  }

  @Test
  void aTenantHoldingResourcesCannotBeDeleted() {
    var e =
        fails(
            Status.Code.FAILED_PRECONDITION,
            () ->
                tenants(admin).deleteTenant(DeleteTenantRequest.newBuilder().setName("a").build()));
    assertThat(e.getStatus().getDescription()).contains("1 pools");
  }

  @Test
  void aFailedStoreWriteIsUnavailableAndChangesNothing() {
    failWrites.set(true);
    var e =
        fails(
            Status.Code.UNAVAILABLE,
            () -> handlers(tokenA).submitHandler(submit("h", "export default () => 1")));
    assertThat(e.getStatus().getDescription()).contains("nothing was changed");
    failWrites.set(false);
    fails(
        Status.Code.NOT_FOUND,
        () -> handlers(tokenA).getHandler(GetHandlerRequest.newBuilder().setName("h").build()));
    assertThat(store.tenant("a")).map(Tenant::getName).contains("a");
  }
}
