package dev.loopd.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopd.control.auth.TokenAuthInterceptor;
import dev.loopd.control.auth.Tokens;
import dev.loopd.control.errors.ErrorMappingInterceptor;
import dev.loopd.control.validate.SourceValidator;
import dev.loopd.operator.core.StatusView;
import dev.loopd.operator.store.InMemoryStore;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.CreateTenantResponse;
import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import io.grpc.BindableService;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The control API's tenant-facing services on an in-process gRPC server, behind the real
 * authentication and error-mapping interceptors, over an {@link InMemoryStore}. Not Quarkus: the
 * services are constructed directly, as their constructors allow.
 */
final class ControlApiHarness implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

  /** A handler module that parses. */
  static final String HELLO = "export default async (request) => new Response('hello');\n";

  final InMemoryStore store = new InMemoryStore();
  final SourceValidator validator = new SourceValidator();
  final String adminToken;
  private final Server server;
  private final ManagedChannel channel;

  ControlApiHarness(StatusView status) throws IOException {
    adminToken = Tokens.issue(store, "", true, "admin", CLOCK).secret();
    String name = InProcessServerBuilder.generateName();
    var builder = InProcessServerBuilder.forName(name);
    for (BindableService service :
        new BindableService[] {
          new TenantGrpcService(store, status, CLOCK),
          new PoolGrpcService(store, status, CLOCK),
          new HandlerGrpcService(store, status, validator, CLOCK)
        }) {
      // The last interceptor runs first: authentication, then error mapping around the service.
      builder.addService(
          ServerInterceptors.intercept(
              service, new ErrorMappingInterceptor(), new TokenAuthInterceptor(store)));
    }
    server = builder.build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  ControlApiHarness() throws IOException {
    this(StatusView.NONE);
  }

  static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier out) {
        Metadata headers = new Metadata();
        headers.put(
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        out.apply(headers);
      }
    };
  }

  TenantServiceGrpc.TenantServiceBlockingStub tenants(String token) {
    var stub = TenantServiceGrpc.newBlockingStub(channel);
    return token == null ? stub : stub.withCallCredentials(bearer(token));
  }

  PoolServiceGrpc.PoolServiceBlockingStub pools(String token) {
    return PoolServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  HandlerServiceGrpc.HandlerServiceBlockingStub handlers(String token) {
    return HandlerServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(token));
  }

  /** Creates a tenant with the admin token; returns its first token. */
  String tenant(String name, Quotas quotas) {
    CreateTenantResponse created =
        tenants(adminToken)
            .createTenant(CreateTenantRequest.newBuilder().setName(name).setQuotas(quotas).build());
    return created.getSecret();
  }

  String tenant(String name) {
    return tenant(name, Quotas.getDefaultInstance());
  }

  /** A tenant with a pool "default" (max 2 nodes), ready for handlers; returns its token. */
  String tenantWithDefaultPool(String name) {
    String token = tenant(name);
    pools(token)
        .createPool(
            CreatePoolRequest.newBuilder()
                .setName("default")
                .setSpec(PoolSpec.newBuilder().setMaxNodes(2))
                .build());
    return token;
  }

  /** The status a call fails with, asserting its code. */
  static StatusRuntimeException failure(Status.Code code, ThrowingCallable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call should fail with " + code).isNotNull();
    assertThat(e.getStatus().getCode())
        .as(String.valueOf(e.getStatus().getDescription()))
        .isEqualTo(code);
    return e;
  }

  static String message(Status.Code code, ThrowingCallable call) {
    return failure(code, call).getStatus().getDescription();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    validator.close();
  }
}
