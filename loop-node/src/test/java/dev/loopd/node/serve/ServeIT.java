package dev.loopd.node.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.loopd.proto.node.v1.HandlerInfo;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.ListHandlersRequest;
import dev.loopd.proto.node.v1.LoadHandlerRequest;
import dev.loopd.proto.node.v1.SourceError;
import dev.loopd.proto.node.v1.UnloadHandlerRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/loop-node serve} as a real process: handlers loaded from files and over gRPC, invoked
 * over HTTP and gRPC, isolated from each other, and drained by SIGTERM.
 */
class ServeIT {
  private static ServeProcess node;

  @BeforeAll
  static void startNode(@TempDir Path dir) throws Exception {
    Path hello = dir.resolve("hello.mjs");
    Files.writeString(
        hello,
        "export default async (req, ctx) => ({ hello: req.query.name ?? 'world', via: ctx.handler });\n");
    node =
        ServeProcess.start(
                "--handler", "hello=" + hello, "--cpu-budget-ms", "100", "--tenant", "acme")
            .awaitReady();
  }

  @AfterAll
  static void stopNode() {
    if (node != null) node.close();
  }

  private static void load(String name, String version, String source, Limits limits) {
    node.grpc()
        .loadHandler(
            LoadHandlerRequest.newBuilder()
                .setHandler(
                    HandlerSpec.newBuilder()
                        .setName(name)
                        .setTenant("acme")
                        .setVersion(version)
                        .setSource(source)
                        .setLimits(limits))
                .build());
  }

  private static void load(String name, String version, String source) {
    load(name, version, source, Limits.getDefaultInstance());
  }

  @Test
  void handlerFromAFileAnswersOverHttp() throws Exception {
    HttpResponse<String> r = node.get("/h/hello/any/path?name=loopd");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"hello\":\"loopd\",\"via\":\"hello\"}");
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void loadInvokeReplaceAndUnloadOverGrpc() throws Exception {
    load("counter", "1", "let n = 0; export default async () => `v1 call ${++n}`;");
    InvokeResponse first =
        node.grpc()
            .invoke(
                InvokeRequest.newBuilder()
                    .setHandler("counter")
                    .setMethod("GET")
                    .setPath("/")
                    .build());
    assertThat(first.getBody().toStringUtf8()).isEqualTo("v1 call 1");
    assertThat(first.getOutcome()).isEqualTo(InvocationOutcome.INVOCATION_OUTCOME_OK);
    assertThat(node.get("/h/counter/").body()).isEqualTo("v1 call 2");

    load("counter", "2", "export default async () => 'v2';");
    assertThat(node.get("/h/counter/").body()).isEqualTo("v2");
    assertThat(node.grpc().listHandlers(ListHandlersRequest.getDefaultInstance()).getHandlersList())
        .filteredOn(h -> h.getName().equals("counter"))
        .extracting(HandlerInfo::getVersion)
        .containsExactly("2");

    node.grpc().unloadHandler(UnloadHandlerRequest.newBuilder().setHandler("counter").build());
    assertThat(node.get("/h/counter/").statusCode()).isEqualTo(404);
  }

  @Test
  void syntaxErrorIsRefusedWithItsPosition() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> load("broken", "1", "export default async () => {\n  return {;\n};\n"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    SourceError error = null;
    for (Any d : StatusProto.fromThrowable(e).getDetailsList()) {
      if (d.is(SourceError.class)) {
        try {
          error = d.unpack(SourceError.class);
        } catch (Exception x) {
          throw new AssertionError(x);
        }
      }
    }
    assertThat(error).isNotNull();
    assertThat(error.getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(error.getLine()).isEqualTo(2);
  }

  @Test
  void spinningHandlerIsStoppedWhileAnotherKeepsAnswering() throws Exception {
    load(
        "spin",
        "1",
        "export default async (req) => { if (req.path === '/spin') while (true) {} return 'ok'; };");
    load("steady", "1", "export default async () => 'steady';");
    // A fresh version's first invocations get at least a second (cold code); then its own budget.
    for (int i = 0; i < 3; i++) assertThat(node.get("/h/spin/").statusCode()).isEqualTo(200);
    CompletableFuture<HttpResponse<String>> spinning =
        node.http.sendAsync(
            HttpRequest.newBuilder(node.uri("/h/spin/spin")).build(),
            HttpResponse.BodyHandlers.ofString());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) statuses.add(node.get("/h/steady/").statusCode());
    HttpResponse<String> stopped = spinning.get();
    assertThat(stopped.statusCode()).isEqualTo(503);
    assertThat(stopped.body()).contains("CPU budget of 100 ms");
    assertThat(statuses).containsOnly(200);
    // The spinning handler's context is still usable: the next call spins and stops again.
    assertThat(node.get("/h/spin/spin").statusCode()).isEqualTo(503);
    assertThat(node.get("/h/spin/").body()).isEqualTo("ok");
  }

  @Test
  void deadlineAbortsTheSignal() throws Exception {
    load(
        "waits",
        "1",
        """
        let last = 'none';
        export default async (req, ctx) => {
          if (req.path === '/last') return last;
          ctx.signal.addEventListener('abort', () => { last = ctx.signal.reason.name; });
          await new Promise(() => {});
        };
        """);
    HttpResponse<String> r =
        node.send(
            HttpRequest.newBuilder(node.uri("/h/waits/")).header("x-loopd-timeout-ms", "150"));
    assertThat(r.statusCode()).isEqualTo(504);
    Thread.sleep(100);
    assertThat(node.get("/h/waits/last").body()).isEqualTo("TimeoutError");
  }

  @Test
  void oversizedBodyGets413() throws Exception {
    load(
        "tiny",
        "1",
        "export default async (req) => (await req.text()).length;",
        Limits.newBuilder().setMaxRequestBytes(16).build());
    HttpResponse<String> ok =
        node.send(
            HttpRequest.newBuilder(node.uri("/h/tiny/"))
                .POST(HttpRequest.BodyPublishers.ofString("small")));
    assertThat(ok.body()).isEqualTo("5");
    HttpResponse<String> big =
        node.send(
            HttpRequest.newBuilder(node.uri("/h/tiny/"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))));
    assertThat(big.statusCode()).isEqualTo(413);
    StatusRuntimeException grpc =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                node.grpc()
                    .invoke(
                        InvokeRequest.newBuilder()
                            .setHandler("tiny")
                            .setMethod("POST")
                            .setPath("/")
                            .setBody(ByteString.copyFromUtf8("x".repeat(100)))
                            .build()));
    assertThat(grpc.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }

  @Test
  void sandboxEscapesAreRefused() throws Exception {
    load(
        "escape",
        "1",
        """
        const attempts = {
          javaType: () => Java.type('java.lang.Runtime'),
          polyglotEval: () => Polyglot.eval('js', '1'),
          load: () => load('/etc/passwd'),
          processBinding: () => process.binding('fs'),
          processExit: () => process.exit(0),
          requireFs: () => require('fs'),
          evalEscape: () => (0, eval)('Java.type("java.lang.System")'),
          fnEscape: () => Function('return Java')().type('java.lang.System'),
        };
        export default async () => {
          const out = {};
          for (const [name, attempt] of Object.entries(attempts)) {
            try { attempt(); out[name] = 'allowed'; } catch (e) { out[name] = 'refused'; }
          }
          return out;
        };
        """);
    String body = node.get("/h/escape/").body();
    assertThat(body).doesNotContain("allowed").contains("\"javaType\":\"refused\"");
    StatusRuntimeException fs =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> load("fs", "1", "import fs from 'node:fs';\nexport default async () => 1;"));
    assertThat(fs.getStatus().getDescription()).contains("'fs' is not available");
  }

  @Test
  void grpcHealthAndReadiness() throws Exception {
    assertThat(node.get("/healthz/live").statusCode()).isEqualTo(200);
    assertThat(node.get("/healthz/ready").statusCode()).isEqualTo(200);
    var health =
        io.grpc.health.v1.HealthGrpc.newBlockingStub(node.channel())
            .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
    assertThat(health.getStatus())
        .isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void sigtermDrainsInFlightRequestsAndExitsZero(@TempDir Path dir) throws Exception {
    Path slow = dir.resolve("slow.mjs");
    Files.writeString(
        slow,
        "export default async () => { await new Promise((r) => setTimeout(r, 1500)); return 'finished'; };\n");
    try (ServeProcess own = ServeProcess.start("--handler", "slow=" + slow).awaitReady()) {
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        inFlight.add(
            own.http.sendAsync(
                HttpRequest.newBuilder(own.uri("/h/slow/" + i)).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      Thread.sleep(500); // all five are in the handler now
      int code = own.terminate(Duration.ofSeconds(30));
      assertThat(code).as(own.output()).isZero();
      for (var f : inFlight) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("finished");
      }
      assertThat(own.output()).contains("drained: 5 completed, 0 abandoned");
    }
  }

  @Test
  void aHandlerFileThatDoesNotLoadStopsTheNodeWithItsPosition(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.mjs");
    Files.writeString(bad, "export default async () => {\n  oops(;\n};\n");
    ServeProcess own = ServeProcess.start("--handler", "bad=" + bad);
    try {
      assertThat(own.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(own.process.exitValue()).isEqualTo(1);
      own.terminate(Duration.ofSeconds(5)); // already ended: collects the rest of its output
      assertThat(own.output()).contains("--handler bad=").contains("line 2, column");
    } finally {
      own.close();
    }
  }

  @Test
  void aFreshNodesHistogramsDoNotCountItsStartUp(@TempDir Path dir) throws Exception {
    Path hello = dir.resolve("hello.mjs");
    Files.writeString(hello, "export default async () => 'hi';\n");
    try (ServeProcess own = ServeProcess.start("--handler", "hello=" + hello).awaitReady()) {
      Thread.sleep(1500); // a stats window closes
      String metrics = own.get("/metrics").body();
      // Loading and warming up ran ~2,000 tasks and blocked the loop for seconds; none of it is
      // the node serving.
      assertThat(sampleValue(metrics, "loopd_eventloop_task_duration_seconds_count"))
          .as(metrics)
          .isLessThan(100);
      double lagSamples = sampleValue(metrics, "loopd_eventloop_delay_seconds_count");
      assertThat(lagSamples).as(metrics).isPositive();
      assertThat(sampleValue(metrics, "loopd_eventloop_delay_seconds_bucket{le=\"0.5\"}"))
          .as("no lag sample over 0.5 s:\n" + metrics)
          .isEqualTo(lagSamples);
    }
  }

  /** A sample's value in Prometheus text, ignoring the otel_scope_name label. */
  private static double sampleValue(String metrics, String sample) {
    String name = sample.replaceAll("\\{.*", "");
    String label = sample.contains("{") ? sample.replaceAll(".*\\{(.*)}", "$1") : null;
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> label == null || l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + sample + " in:\n" + metrics));
  }

  @Test
  void metricsAndStatsReportTheLoopAndTheInvocations() throws Exception {
    for (int i = 0; i < 3; i++) assertThat(node.get("/h/hello/").statusCode()).isEqualTo(200);
    load(
        "hash",
        "1",
        "import { pbkdf2Sync, pbkdf2 } from 'node:crypto';\n"
            + "export default async () => new Promise((ok, no) =>"
            + " pbkdf2('p', 's', 1000, 16, 'sha256', (e, k) => e ? no(e) : ok(k.toString('hex'))));");
    assertThat(node.get("/h/hash/").body()).hasSize(32);
    Thread.sleep(1500); // a stats window closes
    String metrics = node.get("/metrics").body();
    assertThat(metrics)
        .contains("loopd_eventloop_delay_seconds")
        .contains("loopd_eventloop_utilization")
        .contains("loopd_eventloop_task_duration_seconds")
        .contains("loopd_pool_size")
        .contains("loopd_pool_queue_wait_seconds")
        .containsPattern(
            "loopd_invocations_total\\{handler=\"hello\",[^}]*outcome=\"ok\"\\} [3-9]");
    var stats = node.grpc().getStats(dev.loopd.proto.node.v1.GetStatsRequest.getDefaultInstance());
    assertThat(stats.getReady()).isTrue();
    assertThat(stats.getLoopLag().getSampleCount()).isPositive();
    assertThat(stats.getInvocationsList())
        .anySatisfy(c -> assertThat(c.getHandler()).isEqualTo("hello"));
  }
}
