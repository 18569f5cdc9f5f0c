package dev.loopd.control.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopd.control.errors.ApiException;
import dev.loopd.control.errors.ErrorMappingInterceptor;
import dev.loopd.operator.store.InMemoryStore;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authentication on its own: a WhoAmI that echoes the {@link Caller} (or throws), and a health
 * service that must answer without a token.
 */
class TokenAuthInterceptorTest {

  private final InMemoryStore store = new InMemoryStore();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    store.putTenant(Tenant.newBuilder().setName("acme").build());
    String name = InProcessServerBuilder.generateName();
    var auth = new TokenAuthInterceptor(store);
    var errors = new ErrorMappingInterceptor();
    server =
        InProcessServerBuilder.forName(name)
            .addService(
                ServerInterceptors.intercept(
                    new TenantServiceGrpc.TenantServiceImplBase() {
                      @Override
                      public void whoAmI(
                          WhoAmIRequest request, StreamObserver<WhoAmIResponse> responses) {
                        Caller c = Caller.current();
                        if (c.tenant().equals("boom")) {
                          throw new IllegalStateException("secret internals");
                        }
                        responses.onNext(
                            WhoAmIResponse.newBuilder()
                                .setTenant(c.tenant())
                                .setAdmin(c.admin())
                                .setTokenId(c.tokenId())
                                .build());
                        responses.onCompleted();
                      }
                    },
                    errors,
                    auth))
            .addService(ServerInterceptors.intercept(open(), errors, auth))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /**
   * A method of the health service ({@code grpc.health.v1.Health}), which needs no token: it
   * answers with the caller's tenant, "anonymous" when there is none.
   */
  private static final MethodDescriptor<WhoAmIRequest, WhoAmIResponse> HEALTH_CHECK =
      MethodDescriptor.<WhoAmIRequest, WhoAmIResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("grpc.health.v1.Health/Check")
          .setRequestMarshaller(ProtoUtils.marshaller(WhoAmIRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(WhoAmIResponse.getDefaultInstance()))
          .build();

  private static ServerServiceDefinition open() {
    return ServerServiceDefinition.builder("grpc.health.v1.Health")
        .addMethod(
            HEALTH_CHECK,
            ServerCalls.asyncUnaryCall((request, responses) -> {
              Caller c = Caller.KEY.get();
              responses.onNext(
                  WhoAmIResponse.newBuilder()
                      .setTenant(c == null ? "anonymous" : c.tenant())
                      .build());
              responses.onCompleted();
            }))
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private WhoAmIResponse whoAmI(String authorization) {
    var stub = TenantServiceGrpc.newBlockingStub(channel);
    if (authorization != null) {
      Metadata headers = new Metadata();
      headers.put(TokenAuthInterceptor.AUTHORIZATION, authorization);
      stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return stub.whoAmI(WhoAmIRequest.getDefaultInstance());
  }

  private static String refusal(Status.Code code, Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(code);
    return e.getStatus().getDescription();
  }

  @Test
  void aValidTokenPutsItsCallerOnTheContext() {
    var issued = Tokens.issue(store, "acme", false, "", Clock.systemUTC());

    WhoAmIResponse who = whoAmI("Bearer " + issued.secret());

    assertThat(who.getTenant()).isEqualTo("acme");
    assertThat(who.getAdmin()).isFalse();
    assertThat(who.getTokenId()).isEqualTo(issued.record().id());
    assertThat(whoAmI("bearer " + issued.secret()).getTenant())
        .as("the scheme is case-insensitive")
        .isEqualTo("acme");
  }

  @Test
  void anAdminTokenIsAnAdminCaller() {
    var issued = Tokens.issue(store, "", true, "", Clock.systemUTC());

    assertThat(whoAmI("Bearer " + issued.secret()).getAdmin()).isTrue();
  }

  @Test
  void noTokenIsUnauthenticatedAndSaysWhatToPass() {
    assertThat(refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI(null)))
        .contains("missing bearer token")
        .contains("--token");
  }

  @Test
  void anotherSchemeIsUnauthenticated() {
    assertThat(refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI("Basic YWxhZGRpbjpvcGVu")))
        .contains("Bearer <token>");
  }

  @Test
  void anUnknownOrForgedTokenIsUnauthenticated() {
    var issued = Tokens.issue(store, "acme", false, "", Clock.systemUTC());
    String forged = "loopd_" + issued.record().id() + "_not-the-secret";

    assertThat(refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI("Bearer " + forged)))
        .contains("unknown or revoked");
    refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI("Bearer garbage"));
    refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI("Bearer loopd_nounderscore"));
  }

  @Test
  void aRevokedTokenIsUnauthenticatedAtOnce() {
    var issued = Tokens.issue(store, "acme", false, "", Clock.systemUTC());
    whoAmI("Bearer " + issued.secret());

    store.deleteToken(issued.record().id());

    refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI("Bearer " + issued.secret()));
  }

  @Test
  void aTokenOfADeletedTenantIsUnauthenticated() {
    var issued = Tokens.issue(store, "ghost", false, "", Clock.systemUTC());

    assertThat(refusal(Status.Code.UNAUTHENTICATED, () -> whoAmI("Bearer " + issued.secret())))
        .contains("ghost");
  }

  @Test
  void healthIsOpenWithoutAToken() {
    WhoAmIResponse answer =
        ClientCalls.blockingUnaryCall(
            channel, HEALTH_CHECK, CallOptions.DEFAULT, WhoAmIRequest.getDefaultInstance());

    assertThat(answer.getTenant()).isEqualTo("anonymous");
  }

  @Test
  void anUnexpectedExceptionIsASanitizedInternalError() {
    store.putTenant(Tenant.newBuilder().setName("boom").build());
    var issued = Tokens.issue(store, "boom", false, "", Clock.systemUTC());

    String m = refusal(Status.Code.INTERNAL, () -> whoAmI("Bearer " + issued.secret()));

    assertThat(m).contains("internal error (id ").doesNotContain("secret internals");
  }

  @Test
  void callerCurrentOutsideAnAuthenticatedCallIsUnauthenticated() {
    ApiException e = catchThrowableOfType(ApiException.class, Caller::current);

    assertThat(e.code()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }
}
