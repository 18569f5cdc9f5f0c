package dev.loopd.node.serve;

import dev.loopd.proto.node.v1.InvokeRequest;
import io.grpc.Status;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The node's HTTP port (Vert.x core, no router): the data plane {@code ANY /h/{handler}/{path...}},
 * the probes {@code GET /healthz/live} and {@code GET /healthz/ready}, and {@code GET /metrics}
 * once {@link #metrics(Supplier) mounted}.
 *
 * <p>A request to {@code /h/hello/a/b?x=1} becomes an {@link InvokeRequest} for handler "hello"
 * with path "/a/b" (as sent, not percent-decoded; "/" when nothing follows the name), the query
 * decoded like URLSearchParams (order and duplicates kept), every header with a lowercase name
 * (duplicates kept), the body bytes, {@code traceparent}/{@code tracestate} copied into their
 * fields, and {@value #TIMEOUT_HEADER} (optional, positive milliseconds) as the timeout. The
 * handler's status, headers and body come back as the HTTP response, plus {@value
 * #INVOCATION_ID_HEADER} and {@value #HANDLER_VERSION_HEADER}. Core failures map to HTTP statuses
 * as {@link HttpMapping#httpStatus} documents, with a JSON body {@code
 * {"error":{"code":"NOT_FOUND","message":"..."}}}.
 *
 * <p>Bodies over {@link Options#maxRequestBytes} are refused with 413 before they are read when
 * Content-Length says so, and as soon as a chunked body crosses the limit; the node never buffers
 * more than that per request. The core applies each handler's own (smaller) limit.
 *
 * <p>Memory per idle keep-alive connection is what Vert.x/Netty keep for any connection (a few KB);
 * this class keeps nothing per connection, only per request in flight. Idle connections close after
 * {@link Options#idleTimeout}.
 */
public final class HttpFrontend implements AutoCloseable {

  /** Response header: the invocation's id (as the core chose or was given it). */
  public static final String INVOCATION_ID_HEADER = "x-loopd-invocation-id";

  /** Response header: the handler version that served the request. */
  public static final String HANDLER_VERSION_HEADER = "x-loopd-handler-version";

  /** Request header: time budget for the invocation in milliseconds (a positive integer). */
  public static final String TIMEOUT_HEADER = "x-loopd-timeout-ms";

  /** Content type of {@code GET /metrics} (Prometheus text exposition format). */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * Settings of the HTTP port.
   *
   * @param host address to bind, e.g. "0.0.0.0"
   * @param port port to bind; 0 picks a free one (see {@link HttpFrontend#port()})
   * @param eventLoops Vert.x event-loop threads; the JavaScript runs on the node's own loop thread,
   *     so one or two are plenty
   * @param maxRequestBytes largest request body the port accepts (the node-wide ceiling)
   * @param idleTimeout a keep-alive connection idle this long is closed; keep it above the idle
   *     timeout of the load balancer in front, so the balancer closes first
   */
  public record Options(
      String host, int port, int eventLoops, long maxRequestBytes, Duration idleTimeout) {

    /** Default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;

    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("HTTP port must be 0..65535, got " + port);
      }
      if (eventLoops < 1) {
        throw new IllegalArgumentException("event loops must be at least 1, got " + eventLoops);
      }
      if (maxRequestBytes < 0 || maxRequestBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "max request bytes must be 0.." + (Integer.MAX_VALUE - 8) + ", got " + maxRequestBytes);
      }
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idle timeout must be positive, got " + idleTimeout);
      }
    }

    /**
     * Port 8080 on all interfaces, half the CPUs as event loops (at least one), 1 MiB bodies,
     * connections idle for 5 minutes closed.
     */
    public static Options defaults() {
      int loops = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
      return new Options("0.0.0.0", 8080, loops, DEFAULT_MAX_REQUEST_BYTES, Duration.ofMinutes(5));
    }

    public Options withHost(String host) {
      return new Options(host, port, eventLoops, maxRequestBytes, idleTimeout);
    }

    public Options withPort(int port) {
      return new Options(host, port, eventLoops, maxRequestBytes, idleTimeout);
    }

    public Options withEventLoops(int eventLoops) {
      return new Options(host, port, eventLoops, maxRequestBytes, idleTimeout);
    }

    public Options withMaxRequestBytes(long maxRequestBytes) {
      return new Options(host, port, eventLoops, maxRequestBytes, idleTimeout);
    }

    public Options withIdleTimeout(Duration idleTimeout) {
      return new Options(host, port, eventLoops, maxRequestBytes, idleTimeout);
    }
  }

  private final NodeCore core;
  private final Options options;
  private final Vertx vertx;
  private final HttpServer server;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> quiet = new CompletableFuture<>();
  private volatile Supplier<String> metrics;
  private volatile boolean draining;
  private CompletableFuture<Void> closed;

  private HttpFrontend(NodeCore core, Options options) {
    this.core = Objects.requireNonNull(core, "core");
    this.options = Objects.requireNonNull(options, "options");
    this.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(options.eventLoops())
                // epoll through JNI where Netty has it (Linux x86_64 and aarch64), NIO elsewhere:
                // see transport().
                .setPreferNativeTransport(true)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    this.server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHandle100ContinueAutomatically(false)
                .setCompressionSupported(false));
    server.connectionHandler(connection -> {
      if (draining) {
        connection.close();
      }
    });
    server.requestHandler(this::handle);
  }

  /**
   * Starts listening and returns once the port is bound.
   *
   * @throws IllegalStateException when the port cannot be bound (in use, no permission)
   */
  public static HttpFrontend start(NodeCore core, Options options) {
    HttpFrontend frontend = new HttpFrontend(core, options);
    try {
      frontend.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return frontend;
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      frontend.vertx.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot listen for HTTP on " + options.host() + ":" + options.port() + ": " + cause,
          cause);
    }
  }

  /**
   * The socket transport serving the port: "epoll" (Netty's native transport, on Linux x86_64 and
   * aarch64), or "nio" and why epoll could not load. On hello, epoll's p99 was 7% lower than NIO's
   * at the same requests/s, and it allocated ~150 bytes less per request.
   */
  public String transport() {
    if (vertx.isNativeTransportEnabled()) {
      return "epoll";
    }
    Throwable cause = vertx.unavailableNativeTransportCause();
    return cause == null ? "nio" : "nio (epoll unavailable: " + cause.getMessage() + ")";
  }

  /** The bound port (the chosen one when {@link Options#port()} was 0). */
  public int port() {
    return server.actualPort();
  }

  /** Requests received and not yet answered (or abandoned by their client). */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Serves {@code GET /metrics} from {@code prometheusText} (called on a worker thread for each
   * scrape); null unmounts it (404).
   */
  public void metrics(Supplier<String> prometheusText) {
    this.metrics = prometheusText;
  }

  /**
   * Stops taking work and closes the port once the requests in flight are answered, or when {@code
   * grace} is over (whichever comes first). From the call on, new connections are closed as soon as
   * they open, a new request on an existing keep-alive connection is answered 503 with Retry-After
   * and {@code Connection: close}, and {@code /healthz/ready} answers 503. Vert.x 4 cannot close
   * its listening socket without closing every connection, so the socket itself closes at the end.
   * Calling it again returns the same future.
   *
   * @return completes when the port and its event loops are closed
   */
  public synchronized CompletableFuture<Void> closeGracefully(Duration grace) {
    if (closed != null) {
      return closed;
    }
    draining = true;
    if (inFlight.get() == 0) {
      quiet.complete(null);
    }
    long graceMillis = Math.max(0, grace.toMillis());
    closed =
        quiet
            .completeOnTimeout(null, graceMillis, TimeUnit.MILLISECONDS)
            .thenCompose(v -> server.close().toCompletionStage())
            .handle((v, failure) -> null)
            .thenCompose(v -> vertx.close().toCompletionStage())
            .toCompletableFuture();
    return closed;
  }

  /** Closes at once: requests in flight are cut off. */
  @Override
  public void close() {
    closeGracefully(Duration.ZERO).join();
  }

  // ---- for HttpExchange ---------------------------------------------------------------------

  NodeCore core() {
    return core;
  }

  Vertx vertx() {
    return vertx;
  }

  long maxRequestBytes() {
    return options.maxRequestBytes();
  }

  boolean draining() {
    return draining;
  }

  Supplier<String> metricsSource() {
    return metrics;
  }

  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestFinished() {
    if (inFlight.decrementAndGet() == 0 && draining) {
      quiet.complete(null);
    }
  }

  // ---- requests ----------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    HttpExchange exchange = new HttpExchange(this, request);
    if (draining) {
      exchange.fail(
          Status.UNAVAILABLE.withDescription("the node is shutting down; retry on another node"));
      return;
    }
    String path = request.path() == null ? "" : request.path();
    HttpMapping.Target target = HttpMapping.target(path);
    if (target != null) {
      exchange.invoke(target);
    } else if (path.equals("/healthz/live")) {
      exchange.probe(core.live(), "live", "not live");
    } else if (path.equals("/healthz/ready")) {
      exchange.probe(core.ready() && !draining, "ready", "not ready");
    } else if (path.equals("/metrics")) {
      exchange.metrics();
    } else {
      exchange.fail(
          Status.NOT_FOUND.withDescription(
              "no route for "
                  + request.method().name()
                  + " "
                  + path
                  + "; this port serves "
                  + String.join(", ", HttpMapping.ROUTES)));
    }
  }
}
