package dev.loopd.node.serve;

import com.google.protobuf.UnsafeByteOperations;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import io.grpc.Status;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

  /** How long a refused request's remaining body is read and discarded before the close. */
  private static final long LINGER_MILLIS = 2_000;

  /** Hop-by-hop headers a handler may not set; Vert.x frames the response itself. */
  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "upgrade");

  private static final System.Logger LOG = System.getLogger(HttpFrontend.class.getName());

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

  // ---- requests ----------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    Exchange exchange = new Exchange(request);
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

  /** One request from receipt to its response; lives on the connection's event loop. */
  private final class Exchange {
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private boolean finished;
    private boolean refused;
    private Buffer body;
    private CompletableFuture<InvokeResponse> call;

    Exchange(HttpServerRequest request) {
      this.request = request;
      this.response = request.response();
      this.context = Vertx.currentContext();
      inFlight.incrementAndGet();
      response.endHandler(v -> finish());
      response.closeHandler(v -> {
        if (call != null) {
          call.cancel(false);
        }
        finish();
      });
    }

    private void finish() {
      if (finished) {
        return;
      }
      finished = true;
      if (inFlight.decrementAndGet() == 0 && draining) {
        quiet.complete(null);
      }
    }

    void invoke(HttpMapping.Target target) {
      if (target.handler().isEmpty()) {
        fail(
            Status.NOT_FOUND.withDescription("the path names no handler: use /h/{handler}/{path}"));
        return;
      }
      if (!HandlerNames.isValid(target.handler())) {
        fail(
            Status.NOT_FOUND.withDescription(
                "no handler named " + HandlerNames.describeInvalid(target.handler())));
        return;
      }
      InvokeRequest.Builder invoke =
          InvokeRequest.newBuilder()
              .setHandler(target.handler())
              .setMethod(request.method().name())
              .setPath(target.path())
              .addAllQuery(HttpMapping.query(request.query()));
      for (Map.Entry<String, String> header : request.headers()) {
        String name = header.getKey().toLowerCase(Locale.ROOT);
        invoke.addHeaders(Header.newBuilder().setName(name).setValue(header.getValue()));
      }
      String traceparent = request.getHeader("traceparent");
      if (traceparent != null) {
        invoke.setTraceparent(traceparent);
      }
      if (request.headers().contains("tracestate")) {
        invoke.setTracestate(String.join(",", request.headers().getAll("tracestate")));
      }
      String timeout = request.getHeader(TIMEOUT_HEADER);
      if (timeout != null) {
        long millis = parseTimeoutMillis(timeout);
        if (millis <= 0) {
          fail(
              Status.INVALID_ARGUMENT.withDescription(
                  TIMEOUT_HEADER
                      + " must be a positive whole number of milliseconds, got '"
                      + timeout
                      + "'"));
          return;
        }
        invoke.setTimeout(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(millis / 1000)
                .setNanos((int) (millis % 1000) * 1_000_000));
      }
      long declared = contentLength();
      if (declared > options.maxRequestBytes()) {
        fail(tooLarge(declared + " bytes (Content-Length)"));
        return;
      }
      if (request.headers().contains("expect", "100-continue", true)) {
        response.writeContinue();
      }
      body = Buffer.buffer((int) Math.max(0, Math.min(declared, options.maxRequestBytes())));
      request.handler(chunk -> {
        if (refused) {
          return;
        }
        if ((long) body.length() + chunk.length() > options.maxRequestBytes()) {
          body = null;
          fail(tooLarge("more than " + options.maxRequestBytes() + " bytes (chunked)"));
          return;
        }
        body.appendBuffer(chunk);
      });
      request.endHandler(v -> {
        if (refused) {
          return;
        }
        invoke.setBody(UnsafeByteOperations.unsafeWrap(body.getBytes()));
        body = null;
        dispatch(invoke.build());
      });
    }

    private void dispatch(InvokeRequest invoke) {
      try {
        call = core.invoke(invoke, Long.MAX_VALUE);
      } catch (RuntimeException e) {
        call = CompletableFuture.failedFuture(e);
      }
      call.whenComplete((result, failure) ->
          context.runOnContext(v -> {
            if (failure != null) {
              fail(CoreErrors.toStatus(failure));
            } else {
              respond(result);
            }
          }));
    }

    private void respond(InvokeResponse result) {
      if (response.ended() || response.closed()) {
        return;
      }
      int status = result.getStatus();
      if (status < 100 || status > 599) {
        fail(
            Status.INTERNAL.withDescription(
                "handler " + request.path() + " answered with HTTP status " + status));
        return;
      }
      try {
        response.setStatusCode(status);
        for (Header header : result.getHeadersList()) {
          String name = header.getName().toLowerCase(Locale.ROOT);
          if (!HOP_BY_HOP.contains(name)) {
            response.headers().add(name, header.getValue());
          }
        }
      } catch (IllegalArgumentException e) {
        response.headers().clear();
        fail(
            Status.INTERNAL.withDescription(
                "the handler's response has a header HTTP cannot carry: " + e.getMessage()));
        return;
      }
      response.putHeader(INVOCATION_ID_HEADER, result.getInvocationId());
      response.putHeader(HANDLER_VERSION_HEADER, result.getHandlerVersion());
      if (draining) {
        response.putHeader("connection", "close");
      }
      response.end(Buffer.buffer(result.getBody().toByteArray()));
    }

    void probe(boolean ok, String yes, String no) {
      if (!isGetOrHead()) {
        return;
      }
      response
          .setStatusCode(ok ? 200 : 503)
          .putHeader("content-type", "text/plain; charset=utf-8")
          .end(ok ? yes + "\n" : no + "\n");
    }

    void metrics() {
      if (!isGetOrHead()) {
        return;
      }
      Supplier<String> source = HttpFrontend.this.metrics;
      if (source == null) {
        fail(Status.NOT_FOUND.withDescription("metrics are not enabled on this node"));
        return;
      }
      vertx
          .<String>executeBlocking(source::get, false)
          .onComplete(ar -> {
            if (ar.failed()) {
              LOG.log(System.Logger.Level.ERROR, "metrics scrape failed", ar.cause());
              fail(Status.INTERNAL.withDescription("metrics scrape failed (see the node log)"));
            } else if (!response.closed()) {
              response
                  .setStatusCode(200)
                  .putHeader("content-type", PROMETHEUS_CONTENT_TYPE)
                  .end(ar.result());
            }
          });
    }

    private boolean isGetOrHead() {
      if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
        return true;
      }
      response.putHeader("allow", "GET, HEAD");
      sendError(
          405,
          Status.Code.INVALID_ARGUMENT,
          request.method().name() + " " + request.path() + " is not allowed; use GET");
      return false;
    }

    /** Declared Content-Length, or -1 when absent or malformed. */
    private long contentLength() {
      String value = request.getHeader("content-length");
      if (value == null) {
        return -1;
      }
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** Whether the request carries a body (HTTP/1.1: Content-Length above 0 or chunked). */
    private boolean hasBody() {
      return contentLength() > 0 || request.headers().contains("transfer-encoding");
    }

    private Status tooLarge(String size) {
      return Status.RESOURCE_EXHAUSTED.withDescription(
          CoreErrors.REQUEST_BODY
              + " is "
              + size
              + ", over this node's limit of "
              + options.maxRequestBytes()
              + " bytes");
    }

    void fail(Status status) {
      int http = HttpMapping.httpStatus(status);
      if (status.getCode() == Status.Code.UNAVAILABLE) {
        response.putHeader("retry-after", "1");
      }
      sendError(http, status.getCode(), HttpMapping.message(status));
    }

    /**
     * Sends an error. When the request body has not been read to the end, the rest of it is read
     * and dropped (at most {@link #LINGER_MILLIS}) before the connection closes, so the client gets
     * to read the answer instead of a reset.
     */
    private void sendError(int httpStatus, Status.Code code, String message) {
      if (response.ended() || response.closed()) {
        return;
      }
      boolean bodyPending = !request.isEnded() && hasBody();
      boolean close = bodyPending || draining;
      response.setStatusCode(httpStatus).putHeader("content-type", "application/json");
      if (close) {
        response.putHeader("connection", "close");
      }
      response.end(HttpMapping.errorBody(code, message));
      if (bodyPending) {
        refused = true;
        body = null;
        if (request.headers().contains("expect", "100-continue", true)) {
          request.connection().close();
          return;
        }
        long timer = vertx.setTimer(LINGER_MILLIS, id -> request.connection().close());
        request.handler(chunk -> {});
        request.endHandler(v -> {
          vertx.cancelTimer(timer);
          request.connection().close();
        });
      }
    }
  }

  private static long parseTimeoutMillis(String value) {
    if (value.isEmpty() || value.length() > 12) {
      return -1;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(value);
  }
}
