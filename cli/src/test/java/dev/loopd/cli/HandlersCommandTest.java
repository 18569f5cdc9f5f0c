package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlersCommandTest {
  static final String SOURCE = "export default async (req) => new Response('hi')\n";

  @TempDir Path home;
  FakeControlPlane api;
  Path file;

  @BeforeEach
  void start() throws Exception {
    api = new FakeControlPlane(home);
    file = Files.writeString(home.resolve("hello.js"), SOURCE);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void submitSendsTheSourceAndFlagsAndPrintsTheVersionCreated() {
    var r =
        api.run(
            "handlers",
            "submit",
            "hello",
            "--file",
            file.toString(),
            "--pool",
            "web",
            "--cpu-budget-ms",
            "200",
            "--deadline-ms",
            "5000",
            "--description",
            "first");
    assertThat(r.status()).as(r.toString()).isZero();
    SubmitHandlerRequest sent = api.handlers.calls.last(SubmitHandlerRequest.class);
    assertThat(sent.getName()).isEqualTo("hello");
    assertThat(sent.getSource()).isEqualTo(SOURCE);
    assertThat(sent.getPool()).isEqualTo("web");
    assertThat(sent.getLimits().getCpuBudgetMs()).isEqualTo(200);
    assertThat(sent.getLimits().getDeadlineMs()).isEqualTo(5000);
    assertThat(sent.getDescription()).isEqualTo("first");
    assertThat(sent.getValidateOnly()).isFalse();
    assertThat(r.out()).contains("hello: version 3 created and active (pool default)");
  }

  @Test
  void submitWithoutLimitFlagsLeavesLimitsUnsetSoThePoolDefaultsApply() {
    api.run("handlers", "submit", "hello", "-f", file.toString());
    SubmitHandlerRequest sent = api.handlers.calls.last(SubmitHandlerRequest.class);
    assertThat(sent.hasLimits()).isFalse();
    assertThat(sent.getPool()).isEmpty();
  }

  @Test
  void resubmittingTheSameSourceSaysUnchanged() {
    api.handlers.submitted = api.handlers.submitted.toBuilder().setCreated(false).build();
    var r = api.run("handlers", "submit", "hello", "-f", file.toString());
    assertThat(r.out()).contains("hello: unchanged, active version 3");
  }

  @Test
  void dryRunValidatesOnly() {
    var r = api.run("handlers", "submit", "hello", "-f", file.toString(), "--dry-run");
    assertThat(api.handlers.calls.last(SubmitHandlerRequest.class).getValidateOnly()).isTrue();
    assertThat(r.out()).contains("is valid; nothing stored");
  }

  @Test
  void syntaxErrorIsPrintedAsFileLineColumn() {
    SourceError error =
        SourceError.newBuilder()
            .setKind(SourceError.Kind.KIND_SYNTAX)
            .setLine(3)
            .setColumn(14)
            .setMessage("Expected ; but found x")
            .build();
    api.handlers.calls.failure =
        StatusProto.toStatusRuntimeException(
            com.google.rpc.Status.newBuilder()
                .setCode(io.grpc.Status.Code.INVALID_ARGUMENT.value())
                .setMessage("hello.js does not parse")
                .addDetails(Any.pack(error))
                .build());
    var r = api.run("handlers", "submit", "hello", "-f", file.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo(file + ":3:14: Expected ; but found x");
  }

  @Test
  void invalidArgumentWithoutSourceErrorIsAnOrdinaryError() {
    api.handlers.calls.failure =
        io.grpc.Status.INVALID_ARGUMENT
            .withDescription("name: not a DNS-1123 label")
            .asRuntimeException();
    var r = api.run("handlers", "submit", "Hello", "-f", file.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("error: INVALID_ARGUMENT: name: not a DNS-1123 label");
  }

  @Test
  void missingFileIsReportedWithoutCallingTheServer() {
    var r = api.run("handlers", "submit", "hello", "-f", home.resolve("nope.js").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("error: cannot read").contains("nope.js");
    assertThat(api.handlers.calls.requests).isEmpty();
  }

  @Test
  void sourcePrintsTheVersionsSourceRaw() {
    var r = api.run("handlers", "source", "hello", "--version", "2");
    assertThat(api.handlers.calls.last(GetHandlerVersionRequest.class).getVersion()).isEqualTo("2");
    assertThat(r.out()).isEqualTo(api.handlers.version.getSource());
  }

  @Test
  void rollbackWithoutToAsksForThePreviousVersion() {
    var r = api.run("handlers", "rollback", "hello");
    assertThat(api.handlers.calls.last(RollbackHandlerRequest.class).getVersion()).isEmpty();
    assertThat(r.out()).contains("hello: active version is now 2");
  }

  @Test
  void versionsMarksTheActiveOne() {
    api.handlers.version =
        HandlerVersion.newBuilder().setVersion("2").setSourceSizeBytes(42).build();
    var r = api.run("handlers", "versions", "hello");
    assertThat(r.out()).containsPattern("VERSION\\s+ACTIVE").containsPattern("2\\s+\\*");
  }

  @Test
  void submitOutputAsJsonIsTheWholeResponse() throws Exception {
    var r = api.run("handlers", "submit", "hello", "-f", file.toString(), "-o", "json");
    var parsed = SubmitHandlerResponse.newBuilder();
    com.google.protobuf.util.JsonFormat.parser().merge(r.out(), parsed);
    assertThat(parsed.build()).isEqualTo(api.handlers.submitted);
  }
}
