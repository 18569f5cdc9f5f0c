package dev.loopd.cli;

import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.TelemetryServiceGrpc;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A connection to the control API with the caller's bearer token on every call. */
public final class Api implements AutoCloseable {

  /** Makes channels; tests substitute an in-process one. */
  public static Function<String, ManagedChannel> channels =
      target -> Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  final Config config;
  private final ManagedChannel channel;
  private final CallCredentials credentials;

  Api(Config config) {
    this.config = config;
    this.channel = channels.apply(config.server());
    String token = config.token();
    this.credentials =
        new CallCredentials() {
          @Override
          public void applyRequestMetadata(
              RequestInfo info, Executor executor, MetadataApplier applier) {
            if (token == null) {
              applier.fail(
                  Status.UNAUTHENTICATED.withDescription(
                      "no token: pass --token, set LOOPD_TOKEN or run `loopctl login`"));
              return;
            }
            Metadata md = new Metadata();
            md.put(AUTHORIZATION, "Bearer " + token);
            applier.apply(md);
          }
        };
  }

  TenantServiceGrpc.TenantServiceBlockingStub tenants() {
    return TenantServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(credentials)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  HandlerServiceGrpc.HandlerServiceBlockingStub handlers() {
    return HandlerServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(credentials)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  PoolServiceGrpc.PoolServiceBlockingStub pools() {
    return PoolServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(credentials)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  InvokeServiceGrpc.InvokeServiceBlockingStub invoke() {
    return InvokeServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
  }

  InvokeServiceGrpc.InvokeServiceFutureStub invokeAsync() {
    return InvokeServiceGrpc.newFutureStub(channel).withCallCredentials(credentials);
  }

  TelemetryServiceGrpc.TelemetryServiceBlockingStub telemetry() {
    return TelemetryServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
