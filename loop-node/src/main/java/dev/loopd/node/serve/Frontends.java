package dev.loopd.node.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP and gRPC ports of one serving node, started and shut down together.
 *
 * <p>{@link #shutdown(Duration)} is what {@code loop-node serve} runs on SIGTERM: both ports stop
 * taking new work at once (readiness turns 503 / NOT_SERVING, new connections and calls are
 * refused), the core drains (in-flight invocations get the grace period, the rest are cancelled),
 * and each port closes once its own in-flight requests are answered or the grace period ends.
 */
public final class Frontends implements AutoCloseable {

  private final NodeCore core;
  private final HttpFrontend http;
  private final GrpcFrontend grpc;
  private CompletableFuture<Void> shutdown;

  private Frontends(NodeCore core, HttpFrontend http, GrpcFrontend grpc) {
    this.core = core;
    this.http = http;
    this.grpc = grpc;
  }

  /**
   * Binds both ports.
   *
   * @throws IllegalStateException when either port cannot be bound (the other is closed again)
   */
  public static Frontends start(
      NodeCore core, HttpFrontend.Options httpOptions, GrpcFrontend.Options grpcOptions) {
    Objects.requireNonNull(core, "core");
    HttpFrontend http = HttpFrontend.start(core, httpOptions);
    try {
      return new Frontends(core, http, GrpcFrontend.start(core, grpcOptions));
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  public HttpFrontend http() {
    return http;
  }

  public GrpcFrontend grpc() {
    return grpc;
  }

  /**
   * Stops taking work, drains the core and closes both ports, all within about {@code grace}.
   * Calling it again returns the same future.
   *
   * @return completes when both ports are closed and the core has drained
   */
  public synchronized CompletableFuture<Void> shutdown(Duration grace) {
    if (shutdown != null) {
      return shutdown;
    }
    CompletableFuture<Void> httpClosed = http.closeGracefully(grace);
    CompletableFuture<Void> grpcClosed = grpc.closeGracefully(grace);
    CompletableFuture<?> drained;
    try {
      drained = core.drain(grace).exceptionally(failure -> null);
    } catch (RuntimeException e) {
      drained = CompletableFuture.completedFuture(null);
    }
    shutdown = CompletableFuture.allOf(httpClosed, grpcClosed, drained);
    return shutdown;
  }

  /** Shuts down without a grace period. */
  @Override
  public void close() {
    shutdown(Duration.ZERO).join();
  }
}
