package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.GetPoolHealthRequest;
import dev.loopd.proto.control.v1.HandlerServiceGrpc;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolServiceGrpc;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import dev.loopd.proto.control.v1.TelemetryServiceGrpc;
import dev.loopd.proto.control.v1.TenantServiceGrpc;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.LoopLagStats;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * loopctl against an in-process gRPC server whose services are test doubles (they record the
 * request and answer a canned response); the real control API is exercised by the e2e tests.
 */
class LoopctlTest {

  @TempDir Path dir;
  Server server;
  final AtomicReference<Object> lastRequest = new AtomicReference<>();
  final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  final Map<String, String> env = new HashMap<>();
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final ByteArrayOutputStream raw = new ByteArrayOutputStream();

  static final Context.Key<String> AUTH = Context.key("auth");

  @BeforeEach
  void setUp() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerInterceptor recordAuth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            lastAuthorization.set(headers.get(Api.AUTHORIZATION));
            return Contexts.interceptCall(Context.current(), call, headers, next);
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(ServerInterceptors.intercept(new Tenants(), recordAuth))
            .addService(ServerInterceptors.intercept(new Handlers(), recordAuth))
            .addService(ServerInterceptors.intercept(new Invoker(), recordAuth))
            .addService(ServerInterceptors.intercept(new Pools(), recordAuth))
            .addService(ServerInterceptors.intercept(new Telemetry(), recordAuth))
            .build()
            .start();
    Api.channels = target -> InProcessChannelBuilder.forName(name).directExecutor().build();
    env.put("LOOPD_CONFIG", dir.resolve("config.json").toString());
    Loopctl.env = env;
    InvokeCommand.stdout = new PrintStream(raw, true);
  }

  @AfterEach
  void tearDown() {
    server.shutdownNow();
    Loopctl.env = System.getenv();
    InvokeCommand.stdout = System.out;
  }

  int run(String... args) {
    CommandLine cl = Loopctl.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  // Test doubles.

  final class Tenants extends TenantServiceGrpc.TenantServiceImplBase {
    @Override
    public void whoAmI(WhoAmIRequest r, StreamObserver<WhoAmIResponse> o) {
      if (lastAuthorization.get() == null || !lastAuthorization.get().equals("Bearer good")) {
        o.onError(
            Status.UNAUTHENTICATED
                .withDescription("unknown or revoked token")
                .asRuntimeException());
        return;
      }
      o.onNext(WhoAmIResponse.newBuilder().setTenant("acme").setTokenId("tok1").build());
      o.onCompleted();
    }
  }

  final class Handlers extends HandlerServiceGrpc.HandlerServiceImplBase {
    @Override
    public void submitHandler(SubmitHandlerRequest r, StreamObserver<SubmitHandlerResponse> o) {
      lastRequest.set(r);
      if (r.getSource().contains("oops")) {
        o.onError(
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                    .setCode(Status.Code.INVALID_ARGUMENT.value())
                    .setMessage("handler \"x\": syntax error at 2:7: Expected ;")
                    .addDetails(
                        Any.pack(
                            SourceError.newBuilder()
                                .setKind(SourceError.Kind.KIND_SYNTAX)
                                .setLine(2)
                                .setColumn(7)
                                .setMessage("Expected ;")
                                .build()))
                    .build()));
        return;
      }
      o.onNext(
          SubmitHandlerResponse.newBuilder()
              .setCreated(true)
              .setHandler(
                  dev.loopd.proto.control.v1.Handler.newBuilder()
                      .setName(r.getName())
                      .setPool("default"))
              .setVersion(dev.loopd.proto.control.v1.HandlerVersion.newBuilder().setVersion("4"))
              .build());
      o.onCompleted();
    }
  }

  final class Invoker extends InvokeServiceGrpc.InvokeServiceImplBase {
    @Override
    public void invoke(InvokeRequest r, StreamObserver<InvokeResponse> o) {
      lastRequest.set(r);
      o.onNext(
          InvokeResponse.newBuilder()
              .setStatus(201)
              .addHeaders(Header.newBuilder().setName("content-type").setValue("application/json"))
              .setBody(ByteString.copyFromUtf8("{\"ok\":true}"))
              .build());
      o.onCompleted();
    }
  }

  final class Pools extends PoolServiceGrpc.PoolServiceImplBase {
    @Override
    public void createPool(CreatePoolRequest r, StreamObserver<Pool> o) {
      lastRequest.set(r);
      o.onNext(Pool.newBuilder().setName(r.getName()).setSpec(r.getSpec()).build());
      o.onCompleted();
    }
  }

  final class Telemetry extends TelemetryServiceGrpc.TelemetryServiceImplBase {
    @Override
    public void getPoolHealth(GetPoolHealthRequest r, StreamObserver<PoolHealth> o) {
      o.onNext(
          PoolHealth.newBuilder()
              .setPool(r.getPool())
              .setDesiredNodes(2)
              .setReadyNodes(2)
              .setTime(Timestamps.fromSeconds(1_800_000_000))
              .addNodes(node("web-a", 0.42, 0.0011, 0.0123))
              .addNodes(node("web-b", 0.9, 0.002, 0.250))
              .addRecentEvents(
                  ScalingEvent.newBuilder()
                      .setTime(Timestamps.fromSeconds(1_800_000_000))
                      .setFromNodes(1)
                      .setToNodes(2)
                      .setReason(ScalingEvent.Reason.REASON_PANIC)
                      .setMessage("panic: lag p99 250 ms over the 50 ms limit"))
              .build());
      o.onCompleted();
    }

    private NodeHealth node(String id, double elu, double p50, double p99) {
      return NodeHealth.newBuilder()
          .setNodeId(id)
          .setState(NodeHealth.State.STATE_READY)
          .setElu(elu)
          .setLoopLag(
              LoopLagStats.newBuilder().setP50Seconds(p50).setP99Seconds(p99).setMaxSeconds(p99))
          .setBlockingPool(
              dev.loopd.proto.node.v1.BlockingPoolStats.newBuilder()
                  .setSize(4)
                  .setActive(3)
                  .setQueued(2))
          .setPoolSaturation(1.25)
          .setInFlight(7)
          .build();
    }
  }

  // Tests.

  @Test
  void loginChecksTheTokenAndSavesAnOwnerOnlyConfigThatLaterCommandsUse() throws Exception {
    assertThat(run("login", "--server", "somewhere:1", "--token", "good")).isZero();
    assertThat(out.toString()).contains("as tenant acme");
    Path config = dir.resolve("config.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(config))
        .contains("\"server\" : \"somewhere:1\"")
        .contains("\"token\" : \"good\"");

    lastAuthorization.set(null);
    assertThat(run("whoami")).isZero();
    assertThat(lastAuthorization.get()).isEqualTo("Bearer good");

    env.put("LOOPD_TOKEN", "from-env");
    run("whoami");
    assertThat(lastAuthorization.get()).as("env beats the config").isEqualTo("Bearer from-env");
    run("whoami", "--token", "flag");
    assertThat(lastAuthorization.get()).as("a flag beats env").isEqualTo("Bearer flag");
  }

  @Test
  void aRejectedTokenIsOneLineWithAHintAndExitCode1() {
    assertThat(run("whoami", "--token", "bad")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: UNAUTHENTICATED: unknown or revoked token")
        .contains("loopctl login")
        .doesNotContain("at dev.loopd");
  }

  @Test
  void submitSendsTheFileAndLimits() throws Exception {
    Path file = Files.writeString(dir.resolve("h.mjs"), "export default () => 1");
    assertThat(
            run(
                "handlers",
                "submit",
                "hello",
                "-f",
                file.toString(),
                "--pool",
                "web",
                "--cpu-budget-ms",
                "50",
                "--token",
                "good"))
        .isZero();
    SubmitHandlerRequest r = (SubmitHandlerRequest) lastRequest.get();
    assertThat(r.getName()).isEqualTo("hello");
    assertThat(r.getPool()).isEqualTo("web");
    assertThat(r.getSource()).isEqualTo("export default () => 1");
    assertThat(r.getLimits().getCpuBudgetMs()).isEqualTo(50);
    assertThat(out.toString()).contains("version 4");
  }

  @Test
  void aSyntaxErrorIsPrintedAtItsPositionInTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.mjs"), "export default () => {\n  oops x\n}");
    assertThat(run("handlers", "submit", "x", "-f", file.toString(), "--token", "good"))
        .isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo(file + ":2:7: Expected ;");
  }

  @Test
  void invokeSendsBodyHeadersAndQueryAndPrintsLikeCurlDashI() throws Exception {
    Path body = Files.writeString(dir.resolve("body.json"), "{\"n\":1}");
    assertThat(
            run(
                "invoke",
                "hello",
                "--data",
                "@" + body,
                "-H",
                "X-Trace: abc",
                "--query",
                "a=1",
                "--path",
                "/orders",
                "-i",
                "--token",
                "good"))
        .isZero();
    InvokeRequest r = (InvokeRequest) lastRequest.get();
    assertThat(r.getBody().toStringUtf8()).isEqualTo("{\"n\":1}");
    assertThat(r.getHeadersList())
        .extracting(Header::getName, Header::getValue)
        .containsExactly(org.assertj.core.api.Assertions.tuple("x-trace", "abc"));
    assertThat(r.getQuery(0).getName()).isEqualTo("a");
    assertThat(r.getPath()).isEqualTo("/orders");
    assertThat(raw.toString())
        .isEqualTo("HTTP 201\ncontent-type: application/json\n\n{\"ok\":true}");
  }

  @Test
  void invokeWithJsonOutputPrintsTheWholeResponse() {
    assertThat(run("invoke", "hello", "-o", "json", "--token", "good")).isZero();
    assertThat(out.toString())
        .contains("\"status\": 201")
        .contains("\"body\": \"eyJvayI6dHJ1ZX0=\"");
  }

  @Test
  void poolFlagsBecomeTheSpec() {
    assertThat(
            run(
                "pools",
                "create",
                "burst",
                "--min",
                "0",
                "--max",
                "4",
                "--target-elu",
                "0.5",
                "--lag-limit",
                "80ms",
                "--stable-window",
                "1m",
                "--pool-tuning",
                "adaptive",
                "--token",
                "good"))
        .isZero();
    CreatePoolRequest r = (CreatePoolRequest) lastRequest.get();
    assertThat(r.getSpec().hasMinNodes()).isTrue();
    assertThat(r.getSpec().getMinNodes()).isZero();
    assertThat(r.getSpec().getMaxNodes()).isEqualTo(4);
    assertThat(r.getSpec().getAutoscaling().getTargetElu()).isEqualTo(0.5);
    assertThat(r.getSpec().getLagLimit()).isEqualTo(Durations.fromMillis(80));
    assertThat(r.getSpec().getAutoscaling().getStableWindow()).isEqualTo(Durations.fromSeconds(60));
    assertThat(r.getSpec().getBlockingPool().getTuning().name()).isEqualTo("TUNING_ADAPTIVE");
  }

  @Test
  void badFlagValuesAreUsageErrors() {
    assertThat(run("pools", "create", "p", "--lag-limit", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("'fast' is not a duration");
    assertThat(run("handlers", "submit", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option");
  }

  @Test
  void watchOnceRendersNodesAndScalingEvents() {
    assertThat(run("watch", "web", "--once", "--token", "good")).isZero();
    String table = out.toString();
    assertThat(table).contains("pool web  nodes 2 ready / 2 desired");
    assertThat(table)
        .containsPattern("web-a\\s+READY\\s+1\\.1/12\\.3/12\\.3\\s+42%\\s+4/3/2\\s+125%\\s+7")
        .containsPattern("web-b\\s+READY\\s+2\\.0/250\\.0/250\\.0\\s+90%");
    assertThat(table).contains("1 -> 2  PANIC  panic: lag p99 250 ms over the 50 ms limit");
  }

  @Test
  void yamlOutputIsTheMessageAsYaml() {
    assertThat(run("whoami", "-o", "yaml", "--token", "good")).isZero();
    assertThat(out.toString()).contains("tenant: acme").contains("tokenId: tok1");
  }

  @Test
  void durationsParseWithUnits() {
    assertThat(DurationParser.parse("50ms")).isEqualTo(Durations.fromMillis(50));
    assertThat(DurationParser.parse("1.5s")).isEqualTo(Durations.fromMillis(1500));
    assertThat(DurationParser.parse("2h")).isEqualTo(Durations.fromSeconds(7200));
    assertThat(List.of("5", "s", "-1s", "1d"))
        .allSatisfy(bad ->
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DurationParser.parse(bad))
                .hasMessageContaining("is not a duration"));
  }
}
