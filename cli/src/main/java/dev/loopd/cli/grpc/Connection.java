package dev.loopd.cli.grpc;

import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.TelemetryServiceGrpc;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/**
 * An open channel to the control plane with the caller's bearer token attached, and the stubs of
 * its services. Close it when the command is done.
 */
public final class Connection implements AutoCloseable {
  private final String server;
  private final ManagedChannel managed;
  private final Channel channel;

  public Connection(String server, String token, ChannelFactory factory) {
    this.server = server;
    this.managed = factory.open(server);
    this.channel =
        token == null ? managed : ClientInterceptors.intercept(managed, new BearerToken(token));
  }

  public String server() {
    return server;
  }

  public Channel channel() {
    return channel;
  }

  public TenantServiceGrpc.TenantServiceBlockingStub tenants() {
    return TenantServiceGrpc.newBlockingStub(channel);
  }

  public HandlerServiceGrpc.HandlerServiceBlockingStub handlers() {
    return HandlerServiceGrpc.newBlockingStub(channel);
  }

  public PoolServiceGrpc.PoolServiceBlockingStub pools() {
    return PoolServiceGrpc.newBlockingStub(channel);
  }

  public InvokeServiceGrpc.InvokeServiceBlockingStub invoke() {
    return InvokeServiceGrpc.newBlockingStub(channel);
  }

  public InvokeServiceGrpc.InvokeServiceStub invokeAsync() {
    return InvokeServiceGrpc.newStub(channel);
  }

  public TelemetryServiceGrpc.TelemetryServiceBlockingStub telemetry() {
    return TelemetryServiceGrpc.newBlockingStub(channel);
  }

  @Override
  public void close() {
    managed.shutdownNow();
    try {
      managed.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
