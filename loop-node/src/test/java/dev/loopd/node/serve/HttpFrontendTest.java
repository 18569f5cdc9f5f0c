package dev.loopd.node.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.QueryParam;
import io.grpc.Status;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpFrontendTest {

  private static final int MAX_BODY = 1024;

  private final FakeNodeCore core = new FakeNodeCore();
  private final HttpClient client = newClient();
  private HttpFrontend http;

  @BeforeEach
  void start() {
    http =
        HttpFrontend.start(
            core,
            HttpFrontend.Options.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withEventLoops(1)
                .withMaxRequestBytes(MAX_BODY));
  }

  @AfterEach
  void stop() {
    http.close();
    client.close();
  }

  @Test
  void requestMapsMethodPathQueryHeadersAndBody() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/h/hello/a%20b/c?x=1&y=a+b&x=%E2%9C%93&flag"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("payload"))
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .header("tracestate", "congo=t61rcWkgMzE")
                .header(HttpFrontend.TIMEOUT_HEADER, "1500"));

    assertThat(response.statusCode()).isEqualTo(200);
    InvokeRequest request = core.invocations.poll(5, TimeUnit.SECONDS).request();
    assertThat(request.getHandler()).isEqualTo("hello");
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getPath()).as("path as sent, not decoded").isEqualTo("/a%20b/c");
    assertThat(request.getQueryList())
        .containsExactly(param("x", "1"), param("y", "a b"), param("x", "✓"), param("flag", ""));
    assertThat(request.getHeadersList())
        .containsSubsequence(header("x-multi", "one"), header("x-multi", "two"));
    assertThat(request.getHeadersList())
        .allMatch(h -> h.getName().equals(h.getName().toLowerCase()));
    assertThat(request.getTraceparent())
        .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(request.getTracestate()).isEqualTo("congo=t61rcWkgMzE");
    assertThat(request.getTimeout().getSeconds()).isEqualTo(1);
    assertThat(request.getTimeout().getNanos()).isEqualTo(500_000_000);
    assertThat(request.getBody().toStringUtf8()).isEqualTo("payload");
  }

  @Test
  @EnabledOnOs(
      value = OS.LINUX,
      architectures = {"amd64", "aarch64"})
  void servesOnEpollWhereNettyHasIt() {
    assertThat(http.transport()).isEqualTo("epoll");
  }

  @Test
  void handlerNameAloneIsRootPath() throws Exception {
    send(get("/h/hello"));
    send(get("/h/hello/"));
    assertThat(core.invocations.poll(5, TimeUnit.SECONDS).request().getPath()).isEqualTo("/");
    assertThat(core.invocations.poll(5, TimeUnit.SECONDS).request().getPath()).isEqualTo("/");
  }

  @Test
  void responseCarriesStatusRepeatedHeadersBodyAndInvocationHeaders() throws Exception {
    core.onInvoke =
        request ->
            CompletableFuture.completedFuture(
                InvokeResponse.newBuilder()
                    .setStatus(201)
                    .addHeaders(header("content-type", "text/plain"))
                    .addHeaders(header("Set-Cookie", "a=1"))
                    .addHeaders(header("set-cookie", "b=2"))
                    .addHeaders(header("content-length", "999"))
                    .setBody(ByteString.copyFromUtf8("created"))
                    .setInvocationId("0b9c")
                    .setHandlerVersion("3")
                    .build());

    HttpResponse<String> response = send(get("/h/hello"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
    assertThat(response.headers().firstValue("content-length"))
        .as("the handler cannot break framing")
        .hasValue("7");
    assertThat(response.headers().firstValue(HttpFrontend.INVOCATION_ID_HEADER)).hasValue("0b9c");
    assertThat(response.headers().firstValue(HttpFrontend.HANDLER_VERSION_HEADER)).hasValue("3");
    assertThat(response.body()).isEqualTo("created");
  }

  @Test
  void handlerHeaderThatWouldSplitTheResponseIs500() throws Exception {
    core.onInvoke =
        request ->
            CompletableFuture.completedFuture(
                InvokeResponse.newBuilder()
                    .setStatus(200)
                    .addHeaders(header("x-evil", "a\r\nset-cookie: stolen=1"))
                    .build());

    HttpResponse<String> response = send(get("/h/hello"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("set-cookie")).isEmpty();
    assertThat(response.headers().firstValue("x-evil")).isEmpty();
    assertThat(error(response).getString("message")).contains("header");
  }

  @Test
  void handlerNameThatIsNotADnsLabelIs404WithoutCallingTheCore() throws Exception {
    HttpResponse<String> response = send(get("/h/Hello_World/x"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).getString("code")).isEqualTo("NOT_FOUND");
    assertThat(error(response).getString("message")).contains("DNS-1123");
    assertThat(core.invocations).isEmpty();
  }

  @Test
  void contentLengthOverTheLimitIs413BeforeTheBodyIsRead() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/h/hello"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BODY * 64])));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(error(response).getString("code")).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error(response).getString("message")).contains("Content-Length", "1024");
    assertThat(core.invocations).isEmpty();
  }

  @Test
  void chunkedBodyOverTheLimitIs413() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/h/hello"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[MAX_BODY * 64]))));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(error(response).getString("message")).contains("chunked");
    assertThat(core.invocations).isEmpty();
  }

  @Test
  void chunkedBodyWithinTheLimitArrivesWhole() throws Exception {
    byte[] body = new byte[MAX_BODY];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri("/h/hello"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
  }

  @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
  @CsvSource({
    "INVALID_ARGUMENT, bad, 400",
    "NOT_FOUND, no handler named hello, 404",
    "FAILED_PRECONDITION, handler failed to load, 409",
    "RESOURCE_EXHAUSTED, request body is 2000 bytes over the limit, 413",
    "RESOURCE_EXHAUSTED, response body is 2000 bytes over the limit, 500",
    "RESOURCE_EXHAUSTED, cpu budget of 50 ms exceeded, 503",
    "DEADLINE_EXCEEDED, deadline passed, 504",
    "UNAVAILABLE, draining, 503",
    "INTERNAL, bug, 500",
    "UNKNOWN, what, 500",
  })
  void coreFailuresMapToHttpStatuses(Status.Code code, String message, int httpStatus)
      throws Exception {
    core.onInvoke =
        request ->
            CompletableFuture.failedFuture(
                Status.fromCode(code).withDescription(message).asRuntimeException());

    HttpResponse<String> response = send(get("/h/hello"));

    assertThat(response.statusCode()).isEqualTo(httpStatus);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(error(response).getString("code")).isEqualTo(code.name());
    assertThat(error(response).getString("message")).isEqualTo(message);
    assertThat(response.headers().firstValue("retry-after").isPresent())
        .isEqualTo(code == Status.Code.UNAVAILABLE);
  }

  @Test
  void unexpectedCoreExceptionIsSanitized500() throws Exception {
    core.onInvoke = request -> CompletableFuture.failedFuture(new IllegalStateException("secret"));

    HttpResponse<String> response = send(get("/h/hello"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(error(response).getString("code")).isEqualTo("INTERNAL");
    assertThat(response.body()).doesNotContain("secret");
  }

  @Test
  void badTimeoutHeaderIs400() throws Exception {
    for (String bad : List.of("abc", "0", "-5", "1.5")) {
      HttpResponse<String> response =
          send(HttpRequest.newBuilder(uri("/h/hello")).header(HttpFrontend.TIMEOUT_HEADER, bad));
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(error(response).getString("message")).contains(HttpFrontend.TIMEOUT_HEADER);
    }
    assertThat(core.invocations).isEmpty();
  }

  @Test
  void probesFollowTheCore() throws Exception {
    assertThat(send(get("/healthz/live")).statusCode()).isEqualTo(200);
    assertThat(send(get("/healthz/ready")).statusCode()).isEqualTo(200);

    core.ready = false;
    assertThat(send(get("/healthz/ready")).statusCode()).isEqualTo(503);
    assertThat(send(get("/healthz/live")).statusCode()).isEqualTo(200);

    core.live = false;
    assertThat(send(get("/healthz/live")).statusCode()).isEqualTo(503);
  }

  @Test
  void metricsServedOnceMounted() throws Exception {
    assertThat(send(get("/metrics")).statusCode()).isEqualTo(404);

    http.metrics(() -> "loopd_up 1\n");
    HttpResponse<String> response = send(get("/metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue(HttpFrontend.PROMETHEUS_CONTENT_TYPE);
    assertThat(response.body()).isEqualTo("loopd_up 1\n");
  }

  @Test
  void unknownPathIs404ListingTheRoutes() throws Exception {
    HttpResponse<String> response = send(get("/nope"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).getString("message"))
        .contains("/h/{handler}/{path...}", "/healthz/ready", "/metrics");
  }

  @Test
  void gracefulCloseFinishesInFlightAndRefusesNewConnections() throws Exception {
    CompletableFuture<InvokeResponse> slow = new CompletableFuture<>();
    core.onInvoke = request -> slow;
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(get("/h/slow").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(core.invocations.poll(5, TimeUnit.SECONDS)).isNotNull();

    CompletableFuture<Void> closed = http.closeGracefully(Duration.ofSeconds(10));

    try (HttpClient fresh = newClient()) {
      assertThatThrownBy(
              () -> fresh.send(get("/healthz/live").build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
    assertThat(closed).isNotDone();

    slow.complete(
        InvokeResponse.newBuilder()
            .setStatus(200)
            .setBody(ByteString.copyFromUtf8("done"))
            .build());

    HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("done");
    closed.get(5, TimeUnit.SECONDS);
  }

  @Test
  void gracefulCloseStopsWaitingWhenTheGraceEnds() throws Exception {
    core.onInvoke = request -> new CompletableFuture<>();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(get("/h/stuck").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(core.invocations.poll(5, TimeUnit.SECONDS)).isNotNull();

    long start = System.nanoTime();
    http.closeGracefully(Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(inFlight).failsWithin(Duration.ofSeconds(5));
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + http.port() + pathAndQuery);
  }

  private HttpRequest.Builder get(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonObject error(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonObject("error");
  }

  private static QueryParam param(String name, String value) {
    return QueryParam.newBuilder().setName(name).setValue(value).build();
  }

  private static Header header(String name, String value) {
    return Header.newBuilder().setName(name).setValue(value).build();
  }
}
