package dev.loopd.node.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.Durations;
import dev.loopd.node.health.Watchdog;
import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.proto.node.v1.HandlerInfo;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.QueryParam;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The serving core on a real loop thread with real GraalJS contexts: what a handler sees, what
 * callers get back, and the isolation between handlers.
 */
class HandlerHostTest {
  private EventLoop loop;
  private BlockingPool pool;
  private HandlerHost host;
  private HandlerLog log;
  private Watchdog watchdog;
  private Thread loopThread;
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    loop = new EventLoop();
    pool = new BlockingPool(2, 64);
    log = new HandlerLog(logged);
    host = new HandlerHost(loop, pool, HandlerHost.Defaults.standard(), log);
    watchdog =
        new Watchdog(
            0,
            50,
            host::runningTaskBudgetNanos,
            seq -> host.interruptRunningTask(),
            () -> null,
            line -> {});
    loop.addObserver(watchdog);
    watchdog.start();
    loop.refHandle();
    loopThread = new Thread(loop::run, "test-loop");
    loopThread.start();
    host.markReady();
  }

  @AfterEach
  void stop() throws Exception {
    loop.submit(loop::stop);
    loopThread.join(5000);
    watchdog.close();
    host.close();
    pool.close();
    log.close();
  }

  private HandlerSpec spec(String name, String version, String source) {
    return HandlerSpec.newBuilder()
        .setName(name)
        .setTenant("acme")
        .setVersion(version)
        .setSource(source)
        .build();
  }

  private void load(String name, String version, String source) throws Exception {
    host.load(spec(name, version, source)).get(30, TimeUnit.SECONDS);
  }

  private InvokeResponse invoke(String name, String path) throws Exception {
    return invoke(InvokeRequest.newBuilder().setHandler(name).setMethod("GET").setPath(path));
  }

  private InvokeResponse invoke(InvokeRequest.Builder request) throws Exception {
    return host.invoke(request.build(), Long.MAX_VALUE).get(30, TimeUnit.SECONDS);
  }

  private static Status statusOf(Throwable t) {
    Throwable cause = t instanceof ExecutionException ? t.getCause() : t;
    assertThat(cause).isInstanceOf(StatusRuntimeException.class);
    return ((StatusRuntimeException) cause).getStatus();
  }

  private static String body(InvokeResponse r) {
    return r.getBody().toStringUtf8();
  }

  @Test
  void handlerSeesTheRequestAndItsResponseComesBack() throws Exception {
    load(
        "echo",
        "1",
        """
        export default async (req, ctx) => {
          const data = await req.json();
          return {
            status: 201,
            headers: { 'x-seen': req.headers['x-a'], 'set-cookie': ['a=1', 'b=2'] },
            body: { method: req.method, path: req.path, q: req.query, data,
                    handler: ctx.handler, tenant: ctx.tenant, version: ctx.version,
                    id: ctx.invocationId, deadlineInFuture: ctx.deadline > Date.now() },
          };
        };
        """);
    InvokeResponse r =
        invoke(
            InvokeRequest.newBuilder()
                .setHandler("echo")
                .setMethod("POST")
                .setPath("/a/b")
                .setInvocationId("inv-1")
                .addQuery(QueryParam.newBuilder().setName("x").setValue("1"))
                .addQuery(QueryParam.newBuilder().setName("x").setValue("2"))
                .addHeaders(Header.newBuilder().setName("X-A").setValue("hi"))
                .setBody(ByteString.copyFromUtf8("{\"n\":42}")));
    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(r.getOutcome()).isEqualTo(InvocationOutcome.INVOCATION_OUTCOME_OK);
    assertThat(r.getInvocationId()).isEqualTo("inv-1");
    assertThat(r.getHandlerVersion()).isEqualTo("1");
    assertThat(body(r))
        .isEqualTo(
            "{\"method\":\"POST\",\"path\":\"/a/b\",\"q\":{\"x\":[\"1\",\"2\"]},\"data\":{\"n\":42},"
                + "\"handler\":\"echo\",\"tenant\":\"acme\",\"version\":\"1\",\"id\":\"inv-1\","
                + "\"deadlineInFuture\":true}");
    assertThat(r.getHeadersList())
        .extracting(h -> h.getName() + "=" + h.getValue())
        .containsExactly(
            "x-seen=hi", "set-cookie=a=1", "set-cookie=b=2", "content-type=application/json");
  }

  @Test
  void stringsBytesAndUndefinedMapToResponses() throws Exception {
    load(
        "kinds",
        "1",
        """
        export default async (req) => {
          if (req.path === '/text') return 'hello';
          if (req.path === '/bytes') return new Uint8Array([1, 2, 3]);
          if (req.path === '/none') return undefined;
          return [1, 2];
        };
        """);
    InvokeResponse text = invoke("kinds", "/text");
    assertThat(body(text)).isEqualTo("hello");
    assertThat(text.getHeaders(0).getValue()).isEqualTo("text/plain; charset=utf-8");
    assertThat(invoke("kinds", "/bytes").getBody().toByteArray()).containsExactly(1, 2, 3);
    assertThat(invoke("kinds", "/none").getStatus()).isEqualTo(204);
    assertThat(body(invoke("kinds", "/json"))).isEqualTo("[1,2]");
  }

  @Test
  void aThrowingHandlerFailsOnlyThatInvocationWith500() throws Exception {
    load(
        "flaky",
        "1",
        """
        export default async (req) => {
          if (req.path === '/throw') throw new TypeError('bad input');
          if (req.path === '/later') { setTimeout(() => { throw new Error('in a timer'); }, 1);
                                       return new Promise(() => {}); }
          return 'fine';
        };
        """);
    InvokeResponse thrown = invoke("flaky", "/throw");
    assertThat(thrown.getStatus()).isEqualTo(500);
    assertThat(thrown.getOutcome()).isEqualTo(InvocationOutcome.INVOCATION_OUTCOME_ERROR);
    assertThat(body(thrown)).contains("TypeError: bad input");
    InvokeResponse later = invoke("flaky", "/later");
    assertThat(later.getStatus()).isEqualTo(500);
    assertThat(body(later)).contains("in a timer");
    assertThat(body(invoke("flaky", "/ok"))).isEqualTo("fine");
  }

  @Test
  void newVersionTakesNewRequestsWhileTheOldFinishesItsOwn() throws Exception {
    load(
        "greet",
        "1",
        """
        export default async (req) => {
          if (req.path === '/slow') await new Promise((r) => setTimeout(r, 300));
          return 'v1';
        };
        """);
    CompletableFuture<InvokeResponse> slow =
        host.invoke(
            InvokeRequest.newBuilder()
                .setHandler("greet")
                .setMethod("GET")
                .setPath("/slow")
                .build(),
            Long.MAX_VALUE);
    Thread.sleep(50);
    load("greet", "2", "export default async () => 'v2';");
    assertThat(body(invoke("greet", "/"))).isEqualTo("v2");
    InvokeResponse old = slow.get(10, TimeUnit.SECONDS);
    assertThat(body(old)).isEqualTo("v1");
    assertThat(old.getHandlerVersion()).isEqualTo("1");
    assertThat(host.list().getHandlersList())
        .extracting(HandlerInfo::getVersion)
        .containsExactly("2");
  }

  @Test
  void sameVersionWithOtherSourceIsRefused() throws Exception {
    load("fixed", "1", "export default async () => 1;");
    load("fixed", "1", "export default async () => 1;"); // the same again: a no-op
    Throwable t = catchThrowable(() -> load("fixed", "1", "export default async () => 2;"));
    assertThat(statusOf(t).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void syntaxErrorIsReportedWithLineAndColumn() {
    Throwable t =
        catchThrowable(
            () -> load("broken", "1", "export default async () => {\n  let x = ;\n};\n"));
    Status status = statusOf(t);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    SourceError error = sourceError(t);
    assertThat(error.getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(error.getLine()).isEqualTo(2);
    assertThat(error.getColumn()).isEqualTo(11);
    assertThat(status.getDescription()).contains("line 2, column 11");
  }

  private static SourceError sourceError(Throwable t) {
    var proto = StatusProto.fromThrowable(t.getCause());
    assertThat(proto).isNotNull();
    for (Any detail : proto.getDetailsList()) {
      if (detail.is(SourceError.class)) {
        try {
          return detail.unpack(SourceError.class);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no SourceError in " + proto);
  }

  @Test
  void missingDefaultExportAndUnsupportedImportsAreLoadErrors() {
    Throwable noExport = catchThrowable(() -> load("a", "1", "export const x = 1;"));
    assertThat(sourceError(noExport).getKind()).isEqualTo(SourceError.Kind.KIND_INVALID_EXPORT);
    Throwable fs =
        catchThrowable(() -> load("b", "1", "import fs from 'fs';\nexport default async () => 1;"));
    assertThat(sourceError(fs).getKind()).isEqualTo(SourceError.Kind.KIND_UNSUPPORTED_MODULE);
    assertThat(sourceError(fs).getMessage()).contains("'fs' is not available");
    Throwable file =
        catchThrowable(
            () -> load("c", "1", "import x from './x.mjs';\nexport default async () => x;"));
    assertThat(sourceError(file).getKind()).isEqualTo(SourceError.Kind.KIND_UNSUPPORTED_MODULE);
  }

  @Test
  void sandboxRefusesHostAccess() throws Exception {
    load(
        "escape",
        "1",
        """
        const attempts = {
          javaType: () => Java.type('java.lang.System'),
          polyglotEval: () => Polyglot.eval('js', '1'),
          load: () => load('/etc/passwd'),
          processBinding: () => process.binding('fs'),
          processExit: () => process.exit(3),
          requireFile: () => globalThis[Symbol.for('loopd.requireFile')]('/etc/passwd'),
          graal: () => Graal.versionGraalVM,
          env: () => Object.keys(process.env).length === 0 ? (() => { throw new Error('empty'); })() : 'leak',
        };
        export default async () => {
          const out = {};
          for (const [name, attempt] of Object.entries(attempts)) {
            try { out[name] = 'allowed: ' + String(attempt()); } catch (e) { out[name] = 'refused'; }
          }
          return out;
        };
        """);
    String result = body(invoke("escape", "/"));
    assertThat(result).doesNotContain("allowed");
    assertThat(result).contains("\"javaType\":\"refused\"").contains("\"processExit\":\"refused\"");
  }

  @Test
  void spinningHandlerIsStoppedByItsBudgetWhileAnotherKeepsAnswering() throws Exception {
    host.load(
            spec(
                    "spin",
                    "1",
                    "export default async (req) => { if (req.path === '/spin') while (true) {} return 'ok'; };")
                .toBuilder()
                .setLimits(Limits.newBuilder().setCpuBudgetMs(100))
                .build())
        .get(30, TimeUnit.SECONDS);
    load("other", "1", "export default async () => 'still here';");
    // A fresh version's first invocations get at least a second (cold code); then its own budget.
    for (int i = 0; i < HandlerHost.COLD_INVOCATIONS; i++) invoke("spin", "/");
    long start = System.nanoTime();
    CompletableFuture<InvokeResponse> spinning =
        host.invoke(
            InvokeRequest.newBuilder().setHandler("spin").setMethod("GET").setPath("/spin").build(),
            Long.MAX_VALUE);
    assertThat(body(invoke("other", "/"))).isEqualTo("still here");
    Throwable t = catchThrowable(() -> spinning.get(10, TimeUnit.SECONDS));
    Status status = statusOf(t);
    assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(status.getDescription()).contains("CPU budget of 100 ms");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
    // The context stays usable.
    assertThat(body(invoke("spin", "/"))).isEqualTo("ok");
  }

  @Test
  void invocationIdsAreDistinctVersion4Uuids() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = HandlerHost.newInvocationId();
      java.util.UUID uuid = java.util.UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void deadlineFiresWithinASweepOfItsTime() throws Exception {
    load("hang", "1", "export default async () => { await new Promise(() => {}); };");
    long start = System.nanoTime();
    Throwable t =
        catchThrowable(() ->
            invoke(
                InvokeRequest.newBuilder()
                    .setHandler("hang")
                    .setMethod("GET")
                    .setPath("/")
                    .setTimeout(Durations.fromMillis(50))));
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(statusOf(t).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(tookMs).isBetween(50L, 50L + HandlerHost.DEADLINE_TICK_MILLIS + 500);
  }

  @Test
  void deadlineFailsTheInvocationAndAbortsItsSignal() throws Exception {
    load(
        "wait",
        "1",
        """
        export let aborted = null;
        export default async (req, ctx) => {
          if (req.path === '/check') return { aborted: globalThis.abortedWith ?? null };
          ctx.signal.addEventListener('abort', () => { globalThis.abortedWith = ctx.signal.reason.name; });
          await new Promise(() => {});
        };
        """);
    Throwable t =
        catchThrowable(() ->
            invoke(
                InvokeRequest.newBuilder()
                    .setHandler("wait")
                    .setMethod("GET")
                    .setPath("/")
                    .setTimeout(Durations.fromMillis(100))));
    assertThat(statusOf(t).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    Thread.sleep(50);
    assertThat(body(invoke("wait", "/check"))).isEqualTo("{\"aborted\":\"TimeoutError\"}");
  }

  @Test
  void oversizedBodyIsRefusedBeforeTheHandlerRuns() throws Exception {
    host.load(
            spec("small", "1", "export default async () => 'ran';").toBuilder()
                .setLimits(Limits.newBuilder().setMaxRequestBytes(10))
                .build())
        .get(30, TimeUnit.SECONDS);
    Throwable t =
        catchThrowable(() ->
            invoke(
                InvokeRequest.newBuilder()
                    .setHandler("small")
                    .setMethod("POST")
                    .setPath("/")
                    .setBody(ByteString.copyFromUtf8("more than ten bytes"))));
    Status status = statusOf(t);
    assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(status.getDescription()).startsWith("request body of 19 bytes");
  }

  @Test
  void unknownHandlerAndOtherTenantAreNotFound() throws Exception {
    load("mine", "1", "export default async () => 1;");
    assertThat(statusOf(catchThrowable(() -> invoke("nope", "/"))).getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    Throwable other =
        catchThrowable(() ->
            invoke(
                InvokeRequest.newBuilder()
                    .setHandler("mine")
                    .setTenant("someone-else")
                    .setMethod("GET")
                    .setPath("/")));
    assertThat(statusOf(other).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void consoleLinesCarryTheInvocation() throws Exception {
    load(
        "talk",
        "1",
        """
        export default async (req, ctx) => {
          console.log('hello from', req.path);
          await null;
          setTimeout(() => ctx.log.warn('later'), 1);
          return 'ok';
        };
        """);
    invoke(
        InvokeRequest.newBuilder()
            .setHandler("talk")
            .setMethod("GET")
            .setPath("/x")
            .setInvocationId("inv-42"));
    Thread.sleep(100);
    log.close();
    List<String> lines = new ArrayList<>(logged.toString(StandardCharsets.UTF_8).lines().toList());
    assertThat(lines)
        .anySatisfy(l ->
            assertThat(l)
                .contains("\"level\":\"info\"")
                .contains("\"tenant\":\"acme\"")
                .contains("\"handler\":\"talk\"")
                .contains("\"invocation\":\"inv-42\"")
                .contains("\"message\":\"hello from /x\""));
    assertThat(lines)
        .anySatisfy(l ->
            assertThat(l)
                .contains("\"level\":\"warn\"")
                .contains("\"invocation\":\"inv-42\"")
                .contains("later"));
  }

  @Test
  void drainWaitsForInFlightThenRefuses() throws Exception {
    load(
        "slow",
        "1",
        "export default async () => { await new Promise((r) => setTimeout(r, 200)); return 'done'; };");
    CompletableFuture<InvokeResponse> inFlight =
        host.invoke(
            InvokeRequest.newBuilder().setHandler("slow").setMethod("GET").setPath("/").build(),
            Long.MAX_VALUE);
    Thread.sleep(20);
    var drained = host.drain(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
    assertThat(drained.getCompleted()).isEqualTo(1);
    assertThat(drained.getAbandoned()).isZero();
    assertThat(body(inFlight.get())).isEqualTo("done");
    assertThat(host.ready()).isFalse();
    assertThat(statusOf(catchThrowable(() -> invoke("slow", "/"))).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void asyncLocalStorageCarriesTheRequestAcrossTimersPromisesAndThePool() throws Exception {
    load(
        "als",
        "1",
        """
        import { AsyncLocalStorage } from 'node:async_hooks';
        import { pbkdf2 } from 'node:crypto';
        const store = new AsyncLocalStorage();
        const seen = () => store.getStore()?.id ?? 'lost';
        export default async (req) => store.run({ id: req.query.id }, async () => {
          const out = [seen()];
          await new Promise((r) => setTimeout(r, Number(req.query.wait)));
          out.push(seen());
          await null;
          out.push(seen());
          await new Promise((r) => pbkdf2('p', 's', 1000, 16, 'sha256', () => { out.push(seen()); r(); }));
          await new Promise((r) => setImmediate(() => { out.push(seen()); r(); }));
          return out.join(',');
        });
        """);
    // Two requests interleave on the loop: the first waits longer, so their callbacks alternate.
    var first =
        host.invoke(
            InvokeRequest.newBuilder()
                .setHandler("als")
                .setMethod("GET")
                .setPath("/")
                .addQuery(QueryParam.newBuilder().setName("id").setValue("a"))
                .addQuery(QueryParam.newBuilder().setName("wait").setValue("60"))
                .build(),
            Long.MAX_VALUE);
    var second =
        host.invoke(
            InvokeRequest.newBuilder()
                .setHandler("als")
                .setMethod("GET")
                .setPath("/")
                .addQuery(QueryParam.newBuilder().setName("id").setValue("b"))
                .addQuery(QueryParam.newBuilder().setName("wait").setValue("1"))
                .build(),
            Long.MAX_VALUE);
    assertThat(body(first.get(30, TimeUnit.SECONDS))).isEqualTo("a,a,a,a,a");
    assertThat(body(second.get(30, TimeUnit.SECONDS))).isEqualTo("b,b,b,b,b");
  }

  @Test
  void handlersDoNotShareGlobals() throws Exception {
    load(
        "writer",
        "1",
        "export default async () => { globalThis.shared = 'from writer'; return 'set'; };");
    load("reader", "1", "export default async () => String(globalThis.shared);");
    assertThat(body(invoke("writer", "/"))).isEqualTo("set");
    assertThat(body(invoke("reader", "/"))).isEqualTo("undefined");
  }

  @Test
  void aHandlerSetReplacesWhatTheNodeHoldsAndKeepsWhatIsUnchanged() throws Exception {
    load("stays", "1", "let calls = 0; export default async () => ++calls;");
    load("goes", "1", "export default async () => 'bye';");
    assertThat(body(invoke("stays", "/"))).isEqualTo("1");
    var failures =
        host.apply(
                dev.loopd.proto.node.v1.ControlMessage.newBuilder()
                    .setHandlerSet(
                        dev.loopd.proto.node.v1.ControlMessage.HandlerSet.newBuilder()
                            .setVersion(12)
                            .addHandlers(
                                spec(
                                    "stays",
                                    "1",
                                    "let calls = 0; export default async () => ++calls;"))
                            .addHandlers(spec("arrives", "1", "export default async () => 'hi';"))
                            .addHandlers(spec("broken", "1", "export default (")))
                    .build())
            .get(60, TimeUnit.SECONDS);
    assertThat(failures).extracting(f -> f.getHandler()).containsExactly("broken");
    assertThat(failures.get(0).getError().getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(host.handlerSetVersion()).isEqualTo(12);
    // The same version was not reloaded: its state (the counter) carried on.
    assertThat(body(invoke("stays", "/"))).isEqualTo("2");
    assertThat(body(invoke("arrives", "/"))).isEqualTo("hi");
    assertThat(statusOf(catchThrowable(() -> invoke("goes", "/"))).getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(statusOf(catchThrowable(() -> invoke("broken", "/"))).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(host.list().getHandlersList())
        .extracting(h -> h.getName() + ":" + h.getState())
        .containsExactly("arrives:STATE_READY", "stays:STATE_READY", "broken:STATE_FAILED");
  }
}
