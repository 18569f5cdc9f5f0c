package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Submit, invoke, new version, rollback, delete: a handler's life through the control API. */
@ExtendWith(PlatformLogsOnFailure.class)
class HandlerLifecycleIT {

  static Platform platform;
  static Platform.Stubs api;

  @BeforeAll
  static void up() throws Exception {
    platform = Platform.up();
    api = platform.tenant();
  }

  @AfterAll
  static void down() throws Exception {
    platform.close();
  }

  static String greeter(String word) {
    return "export default async (request, ctx) => ({ word: '"
        + word
        + "', version: ctx.version, path: request.path });\n";
  }

  private InvokeResponse invoke(String handler) {
    InvokeResponse r =
        api.invoke()
            .withDeadlineAfter(30, TimeUnit.SECONDS)
            .invoke(InvokeRequest.newBuilder().setHandler(handler).setPath("/x").build());
    assertThat(r.getStatus()).as("HTTP status of %s: %s", handler, r).isEqualTo(200);
    return r;
  }

  private String invokeBody(String handler) {
    return invoke(handler).getBody().toStringUtf8();
  }

  private List<String> versions(String handler) {
    return api
        .handlers()
        .listHandlerVersions(ListHandlerVersionsRequest.newBuilder().setName(handler).build())
        .getVersionsList()
        .stream()
        .map(HandlerVersion::getVersion)
        .toList();
  }

  /** Line 2, column 21 (1-based) is the ";" where "," or "}" must come. */
  static final String BROKEN = "export default async (request) => {\n  return { ok: true ;\n};\n";

  private static void assertSyntaxErrorAtTheSemicolon(Throwable thrown) {
    assertThat(thrown).isInstanceOf(StatusRuntimeException.class);
    StatusRuntimeException e = (StatusRuntimeException) thrown;
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("syntax error at 2:21");
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    assertThat(details).as("google.rpc.Status in the trailers").isNotNull();
    Any detail =
        details.getDetailsList().stream()
            .filter(d -> d.is(SourceError.class))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no SourceError detail in " + details));
    try {
      SourceError error = detail.unpack(SourceError.class);
      assertThat(error.getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
      assertThat(error.getLine()).isEqualTo(2);
      assertThat(error.getColumn()).isEqualTo(21);
      assertThat(error.getMessage()).isNotBlank();
    } catch (InvalidProtocolBufferException x) {
      throw new AssertionError(x);
    }
  }

  private void awaitServing(String handler, String word) throws InterruptedException {
    platform.await(
        handler + " to answer with " + word,
        Duration.ofSeconds(60),
        () -> invokeBody(handler).contains("\"word\":\"" + word + "\""));
  }

  @Test
  void submittedVersionsServeAndRollbackBringsTheOldOneBack() throws Exception {
    var first =
        api.handlers()
            .submitHandler(
                SubmitHandlerRequest.newBuilder()
                    .setName("greet")
                    .setSource(greeter("one"))
                    .build());
    assertThat(first.getCreated()).isTrue();
    assertThat(first.getVersion().getVersion()).isEqualTo("1");
    platform.await(
        "greet to be ready",
        Duration.ofSeconds(60),
        () ->
            api.handlers()
                    .getHandler(GetHandlerRequest.newBuilder().setName("greet").build())
                    .getStatus()
                    .getState()
                == HandlerStatus.State.STATE_READY);
    InvokeResponse firstAnswer = invoke("greet");
    assertThat(firstAnswer.getBody().toStringUtf8())
        .isEqualTo("{\"word\":\"one\",\"version\":\"1\",\"path\":\"/x\"}");
    assertThat(firstAnswer.getHandlerVersion()).isEqualTo("1");
    assertThat(firstAnswer.getNodeId()).isNotEmpty();

    var same =
        api.handlers()
            .submitHandler(
                SubmitHandlerRequest.newBuilder()
                    .setName("greet")
                    .setSource(greeter("one"))
                    .build());
    assertThat(same.getCreated()).as("an identical resubmit creates no version").isFalse();

    var second =
        api.handlers()
            .submitHandler(
                SubmitHandlerRequest.newBuilder()
                    .setName("greet")
                    .setSource(greeter("two"))
                    .build());
    assertThat(second.getVersion().getVersion()).isEqualTo("2");
    awaitServing("greet", "two");
    for (int i = 0; i < 20; i++) {
      InvokeResponse r = invoke("greet");
      assertThat(r.getBody().toStringUtf8())
          .as("once version 2 serves, only it does")
          .contains("\"two\"");
      assertThat(r.getHandlerVersion()).isEqualTo("2");
    }
    assertThat(versions("greet")).containsExactly("1", "2");

    // A broken source for an existing handler is refused and leaves it as it was.
    assertSyntaxErrorAtTheSemicolon(
        catchThrowable(() ->
            api.handlers()
                .submitHandler(
                    SubmitHandlerRequest.newBuilder().setName("greet").setSource(BROKEN).build())));
    assertThat(versions("greet")).as("no version for the refused source").containsExactly("1", "2");
    assertThat(invoke("greet").getHandlerVersion()).isEqualTo("2");

    var rolledBack =
        api.handlers()
            .rollbackHandler(RollbackHandlerRequest.newBuilder().setName("greet").build());
    assertThat(rolledBack.getActiveVersion()).isEqualTo("1");
    awaitServing("greet", "one");
    assertThat(invoke("greet").getHandlerVersion()).isEqualTo("1");
    assertThat(versions("greet")).as("a rollback creates no version").containsExactly("1", "2");

    api.handlers().deleteHandler(DeleteHandlerRequest.newBuilder().setName("greet").build());
    assertThatThrownBy(() -> invokeBody("greet"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void aSyntaxErrorIsRefusedAtSubmitWithItsPosition() {
    assertSyntaxErrorAtTheSemicolon(
        catchThrowable(() ->
            api.handlers()
                .submitHandler(
                    SubmitHandlerRequest.newBuilder()
                        .setName("broken")
                        .setSource(BROKEN)
                        .build())));
    assertThatThrownBy(() ->
            api.handlers().getHandler(GetHandlerRequest.newBuilder().setName("broken").build()))
        .as("nothing was stored")
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void genericGrpcClientsFindHealthCheckingAndReflection() throws Exception {
    var health =
        io.grpc.health.v1.HealthGrpc.newBlockingStub(platform.channel())
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
    assertThat(health.getStatus())
        .isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);

    var services = new java.util.concurrent.LinkedBlockingQueue<String>();
    var done = new java.util.concurrent.CountDownLatch(1);
    var requests =
        io.grpc.reflection.v1.ServerReflectionGrpc.newStub(platform.channel())
            .serverReflectionInfo(
                new io.grpc.stub.StreamObserver<>() {
                  @Override
                  public void onNext(io.grpc.reflection.v1.ServerReflectionResponse r) {
                    r.getListServicesResponse()
                        .getServiceList()
                        .forEach(s -> services.add(s.getName()));
                    done.countDown();
                  }

                  @Override
                  public void onError(Throwable t) {
                    done.countDown();
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(
        io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    requests.onCompleted();
    assertThat(services)
        .contains(
            "loopd.control.v1.TenantService",
            "loopd.control.v1.HandlerService",
            "loopd.control.v1.PoolService",
            "loopd.control.v1.InvokeService",
            "loopd.control.v1.TelemetryService",
            "loopd.node.v1.NodeSessionService");
  }

  @Test
  void submittingToAMissingPoolSaysHowToCreateIt() {
    assertThatThrownBy(() ->
            api.handlers()
                .submitHandler(
                    SubmitHandlerRequest.newBuilder()
                        .setName("orphan")
                        .setPool("nope")
                        .setSource(greeter("x"))
                        .build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription()).contains("loopctl pools create nope");
            });
  }
}
