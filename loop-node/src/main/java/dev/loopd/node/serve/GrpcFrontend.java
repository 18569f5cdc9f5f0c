package dev.loopd.node.serve;

import dev.loopd.proto.node.v1.NodeServiceGrpc;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node's gRPC port: NodeService ({@link NodeGrpcService}), the standard health service ({@code
 * grpc.health.v1.Health}) and server reflection ({@code grpc.reflection.v1}), so generic clients
 * such as grpcurl and grpc-health-probe work.
 *
 * <p>Health is SERVING for both the server ("") and {@value #SERVICE_NAME} while {@link
 * NodeCore#ready()} holds, NOT_SERVING otherwise; the core has no readiness callback, so it is
 * polled every {@link Options#healthPollInterval()}. Once {@link #closeGracefully} is called the
 * health service reports NOT_SERVING for good.
 */
public final class GrpcFrontend implements AutoCloseable {

  /** The fully qualified name of NodeService, as the health service knows it. */
  public static final String SERVICE_NAME = NodeServiceGrpc.SERVICE_NAME;

  /**
   * Settings of the gRPC port.
   *
   * @param host address to bind, e.g. "0.0.0.0"
   * @param port port to bind; 0 picks a free one (see {@link GrpcFrontend#port()})
   * @param maxInboundMessageBytes largest request message; must hold a 1 MiB handler source or
   *     request body plus the rest of the message
   * @param healthPollInterval how often the health service re-reads {@link NodeCore#ready()}
   */
  public record Options(
      String host, int port, int maxInboundMessageBytes, Duration healthPollInterval) {

    /** Default message limit: 4 MiB (a 1 MiB source or body with ample room). */
    public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 4 << 20;

    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(healthPollInterval, "healthPollInterval");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("gRPC port must be 0..65535, got " + port);
      }
      if (maxInboundMessageBytes < (1 << 20) + 4096) {
        throw new IllegalArgumentException(
            "max inbound message must hold a 1 MiB source plus overhead (at least "
                + ((1 << 20) + 4096)
                + " bytes), got "
                + maxInboundMessageBytes);
      }
      if (healthPollInterval.isNegative() || healthPollInterval.isZero()) {
        throw new IllegalArgumentException(
            "health poll interval must be positive, got " + healthPollInterval);
      }
    }

    /** Port 9090 on all interfaces, 4 MiB messages, readiness polled every 250 ms. */
    public static Options defaults() {
      return new Options(
          "0.0.0.0", 9090, DEFAULT_MAX_INBOUND_MESSAGE_BYTES, Duration.ofMillis(250));
    }

    public Options withHost(String host) {
      return new Options(host, port, maxInboundMessageBytes, healthPollInterval);
    }

    public Options withPort(int port) {
      return new Options(host, port, maxInboundMessageBytes, healthPollInterval);
    }

    public Options withMaxInboundMessageBytes(int bytes) {
      return new Options(host, port, bytes, healthPollInterval);
    }

    public Options withHealthPollInterval(Duration interval) {
      return new Options(host, port, maxInboundMessageBytes, interval);
    }
  }

  private final NodeCore core;
  private final NodeGrpcService service;
  private final HealthStatusManager health = new HealthStatusManager();
  private final Server server;
  private final ScheduledExecutorService healthPoller;
  private volatile boolean closing;
  private CompletableFuture<Void> closed;

  private GrpcFrontend(NodeCore core, Options options) {
    this.core = Objects.requireNonNull(core, "core");
    this.service = new NodeGrpcService(core);
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()))
            .addService(service)
            .addService(health.getHealthService())
            .addService(ProtoReflectionServiceV1.newInstance())
            .maxInboundMessageSize(options.maxInboundMessageBytes())
            // Control-plane clients keep their channels warm with pings.
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    this.healthPoller =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("loopd-grpc-health").daemon().unstarted(r));
    refreshHealth();
    long every = options.healthPollInterval().toNanos();
    healthPoller.scheduleWithFixedDelay(this::refreshHealth, every, every, TimeUnit.NANOSECONDS);
  }

  /**
   * Starts listening and returns once the port is bound.
   *
   * @throws IllegalStateException when the port cannot be bound (in use, no permission)
   */
  public static GrpcFrontend start(NodeCore core, Options options) {
    GrpcFrontend frontend = new GrpcFrontend(core, options);
    try {
      frontend.server.start();
      return frontend;
    } catch (IOException e) {
      frontend.healthPoller.shutdownNow();
      throw new IllegalStateException(
          "cannot listen for gRPC on " + options.host() + ":" + options.port() + ": " + e, e);
    }
  }

  /** The bound port (the chosen one when {@link Options#port()} was 0). */
  public int port() {
    return server.getPort();
  }

  /** Sets the health service from {@link NodeCore#ready()} now (it is also polled). */
  public void refreshHealth() {
    if (closing) {
      return;
    }
    ServingStatus status = core.ready() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    health.setStatus(SERVICE_NAME, status);
  }

  /**
   * Health turns NOT_SERVING for good, WatchStats streams end with UNAVAILABLE, new calls are
   * refused and calls in flight get up to {@code grace} to finish; those still running then are
   * cancelled. Calling it again returns the same future.
   *
   * @return completes when the server has terminated
   */
  public synchronized CompletableFuture<Void> closeGracefully(Duration grace) {
    if (closed != null) {
      return closed;
    }
    closing = true;
    healthPoller.shutdownNow();
    health.enterTerminalState();
    service.endWatches();
    server.shutdown();
    closed =
        CompletableFuture.runAsync(
            () -> {
              try {
                if (!server.awaitTermination(Math.max(0, grace.toNanos()), TimeUnit.NANOSECONDS)) {
                  server.shutdownNow();
                  server.awaitTermination(5, TimeUnit.SECONDS);
                }
              } catch (InterruptedException e) {
                server.shutdownNow();
                Thread.currentThread().interrupt();
              }
            },
            r -> Thread.ofPlatform().name("loopd-grpc-shutdown").daemon().start(r));
    return closed;
  }

  /** Closes at once: calls in flight are cancelled. */
  @Override
  public void close() {
    closeGracefully(Duration.ZERO).join();
  }
}
