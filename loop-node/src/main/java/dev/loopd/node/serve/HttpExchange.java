package dev.loopd.node.serve;

import com.google.protobuf.UnsafeByteOperations;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import io.grpc.Status;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One request on the HTTP port from receipt to its response: reads the body within the limit,
 * builds the {@link InvokeRequest}, calls the core and writes its answer or the error. Lives on the
 * connection's event loop (every method runs there), so it needs no locking.
 */
final class HttpExchange {

  /** How long a refused request's remaining body is read and discarded before the close. */
  private static final long LINGER_MILLIS = 2_000;

  /** Hop-by-hop headers a handler may not set; Vert.x frames the response itself. */
  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "upgrade");

  private static final System.Logger LOG = System.getLogger(HttpExchange.class.getName());

  private final HttpFrontend frontend;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final Context context;
  private boolean finished;
  private boolean refused;
  private Buffer body;
  private CompletableFuture<InvokeResponse> call;

  HttpExchange(HttpFrontend frontend, HttpServerRequest request) {
    this.frontend = frontend;
    this.request = request;
    this.response = request.response();
    this.context = Vertx.currentContext();
    frontend.requestStarted();
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
    frontend.requestFinished();
  }

  void invoke(HttpMapping.Target target) {
    if (target.handler().isEmpty()) {
      fail(Status.NOT_FOUND.withDescription("the path names no handler: use /h/{handler}/{path}"));
      return;
    }
    if (!HandlerNames.isValid(target.handler())) {
      fail(Status.NOT_FOUND.withDescription(HandlerNames.describeInvalid(target.handler())));
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
    String timeout = request.getHeader(HttpFrontend.TIMEOUT_HEADER);
    if (timeout != null) {
      long millis = parseTimeoutMillis(timeout);
      if (millis <= 0) {
        fail(
            Status.INVALID_ARGUMENT.withDescription(
                HttpFrontend.TIMEOUT_HEADER
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
    if (declared > frontend.maxRequestBytes()) {
      fail(tooLarge(declared + " bytes (Content-Length)"));
      return;
    }
    if (request.headers().contains("expect", "100-continue", true)) {
      response.writeContinue();
    }
    body = Buffer.buffer((int) Math.max(0, Math.min(declared, frontend.maxRequestBytes())));
    request.handler(chunk -> {
      if (refused) {
        return;
      }
      if ((long) body.length() + chunk.length() > frontend.maxRequestBytes()) {
        body = null;
        fail(tooLarge("more than " + frontend.maxRequestBytes() + " bytes (chunked)"));
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
      call = frontend.core().invoke(invoke, Long.MAX_VALUE);
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
    response.putHeader(HttpFrontend.INVOCATION_ID_HEADER, result.getInvocationId());
    response.putHeader(HttpFrontend.HANDLER_VERSION_HEADER, result.getHandlerVersion());
    if (frontend.draining() && isHttp1()) {
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
    Supplier<String> source = frontend.metricsSource();
    if (source == null) {
      fail(Status.NOT_FOUND.withDescription("metrics are not enabled on this node"));
      return;
    }
    frontend
        .vertx()
        .<String>executeBlocking(source::get, false)
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.log(System.Logger.Level.ERROR, "metrics scrape failed", ar.cause());
            fail(Status.INTERNAL.withDescription("metrics scrape failed (see the node log)"));
          } else if (!response.closed()) {
            response
                .setStatusCode(200)
                .putHeader("content-type", HttpFrontend.PROMETHEUS_CONTENT_TYPE)
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
            + frontend.maxRequestBytes()
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
   * Sends an error. When the request body has not been read to the end, the rest of it is read and
   * dropped (at most {@link #LINGER_MILLIS}) before the connection closes, so the client gets to
   * read the answer instead of a reset.
   */
  private void sendError(int httpStatus, Status.Code code, String message) {
    if (response.ended() || response.closed()) {
      return;
    }
    boolean bodyPending = !request.isEnded() && hasBody();
    boolean close = bodyPending || frontend.draining();
    response.setStatusCode(httpStatus).putHeader("content-type", "application/json");
    if (close && isHttp1()) {
      response.putHeader("connection", "close"); // HTTP/2 has no such header: it uses GOAWAY
    }
    response.end(HttpMapping.errorBody(code, message));
    if (bodyPending) {
      refused = true;
      body = null;
      if (request.headers().contains("expect", "100-continue", true)) {
        request.connection().close();
        return;
      }
      long timer = frontend.vertx().setTimer(LINGER_MILLIS, id -> request.connection().close());
      request.handler(chunk -> {});
      request.endHandler(v -> {
        frontend.vertx().cancelTimer(timer);
        request.connection().close();
      });
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

  private boolean isHttp1() {
    return request.version() != io.vertx.core.http.HttpVersion.HTTP_2;
  }
}
