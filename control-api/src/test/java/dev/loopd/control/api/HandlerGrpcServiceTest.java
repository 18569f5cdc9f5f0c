package dev.loopd.control.api;

import static dev.loopd.control.api.ControlApiHarness.HELLO;
import static dev.loopd.control.api.ControlApiHarness.failure;
import static dev.loopd.control.api.ControlApiHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.operator.core.StatusView;
import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerServiceGrpc.HandlerServiceBlockingStub;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerResponse;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandlerGrpcServiceTest {

  private ControlApiHarness api;
  private HandlerServiceBlockingStub acme;

  @BeforeEach
  void start() throws Exception {
    api =
        new ControlApiHarness(
            new StatusView() {
              @Override
              public PoolStatus poolStatus(String tenant, String pool) {
                return PoolStatus.getDefaultInstance();
              }

              @Override
              public HandlerStatus handlerStatus(String tenant, String handler) {
                return HandlerStatus.newBuilder()
                    .setState(HandlerStatus.State.STATE_READY)
                    .setReadyNodes(2)
                    .build();
              }

              @Override
              public int runningNodes(String tenant) {
                return 0;
              }
            });
    acme = api.handlers(api.tenantWithDefaultPool("acme"));
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  private static SubmitHandlerRequest submit(String name, String source) {
    return SubmitHandlerRequest.newBuilder().setName(name).setSource(source).build();
  }

  private static String source(int n) {
    return "export default async () => new Response('" + n + "');\n";
  }

  @Test
  void submitGetListVersionsRollbackAndDelete() {
    SubmitHandlerResponse first = acme.submitHandler(submit("hello", source(1)));
    assertThat(first.getCreated()).isTrue();
    assertThat(first.getVersion().getVersion()).isEqualTo("1");
    assertThat(first.getVersion().getSource()).isEmpty();
    assertThat(first.getHandler().getPool()).isEqualTo("default");
    assertThat(first.getHandler().getTenant()).isEqualTo("acme");
    SubmitHandlerResponse second =
        acme.submitHandler(
            submit("hello", source(2)).toBuilder()
                .setLimits(Limits.newBuilder().setCpuBudgetMs(200))
                .build());
    assertThat(second.getVersion().getVersion()).isEqualTo("2");

    Handler got = acme.getHandler(GetHandlerRequest.newBuilder().setName("hello").build());
    assertThat(got.getActiveVersion()).isEqualTo("2");
    assertThat(got.getLatestVersion()).isEqualTo("2");
    assertThat(got.getLimits().getCpuBudgetMs()).isEqualTo(200);
    assertThat(got.getStatus().getState()).isEqualTo(HandlerStatus.State.STATE_READY);
    assertThat(got.getStatus().getReadyNodes()).isEqualTo(2);

    var versions =
        acme.listHandlerVersions(ListHandlerVersionsRequest.newBuilder().setName("hello").build());
    assertThat(versions.getActiveVersion()).isEqualTo("2");
    assertThat(versions.getVersionsList())
        .extracting(HandlerVersion::getVersion)
        .containsExactly("1", "2");
    assertThat(versions.getVersionsList()).allSatisfy(v -> assertThat(v.getSource()).isEmpty());
    assertThat(
            acme.getHandlerVersion(
                    GetHandlerVersionRequest.newBuilder().setName("hello").setVersion("1").build())
                .getSource())
        .isEqualTo(source(1));

    Handler rolledBack =
        acme.rollbackHandler(RollbackHandlerRequest.newBuilder().setName("hello").build());
    assertThat(rolledBack.getActiveVersion()).isEqualTo("1");
    assertThat(rolledBack.getLatestVersion()).isEqualTo("2");
    assertThat(rolledBack.getLimits()).isEqualTo(Limits.getDefaultInstance());
    assertThat(
            acme.getHandlerVersion(GetHandlerVersionRequest.newBuilder().setName("hello").build())
                .getSource())
        .as("GetHandlerVersion without a version gives the active one")
        .isEqualTo(source(1));

    // A submit after a rollback takes the next number after the latest, not after the active.
    assertThat(acme.submitHandler(submit("hello", source(3))).getVersion().getVersion())
        .isEqualTo("3");

    acme.deleteHandler(DeleteHandlerRequest.newBuilder().setName("hello").build());
    failure(
        Code.NOT_FOUND,
        () -> acme.getHandler(GetHandlerRequest.newBuilder().setName("hello").build()));
    assertThat(api.store.versions("acme", "hello")).isEmpty();
  }

  @Test
  void resubmittingTheActiveSourceAndLimitsCreatesNoVersion() {
    acme.submitHandler(submit("hello", HELLO));

    SubmitHandlerResponse again = acme.submitHandler(submit("hello", HELLO));

    assertThat(again.getCreated()).isFalse();
    assertThat(again.getVersion().getVersion()).isEqualTo("1");
    assertThat(api.store.versions("acme", "hello")).hasSize(1);
    SubmitHandlerResponse otherLimits =
        acme.submitHandler(
            submit("hello", HELLO).toBuilder()
                .setLimits(Limits.newBuilder().setDeadlineMs(5000))
                .build());
    assertThat(otherLimits.getCreated()).isTrue();
    assertThat(otherLimits.getVersion().getVersion()).isEqualTo("2");
  }

  @Test
  void rollbackToAnExplicitVersionAndItsErrors() {
    acme.submitHandler(submit("hello", source(1)));
    failure(
        Code.FAILED_PRECONDITION,
        () -> acme.rollbackHandler(RollbackHandlerRequest.newBuilder().setName("hello").build()));
    acme.submitHandler(submit("hello", source(2)));
    acme.submitHandler(submit("hello", source(3)));

    Handler h =
        acme.rollbackHandler(
            RollbackHandlerRequest.newBuilder().setName("hello").setVersion("1").build());

    assertThat(h.getActiveVersion()).isEqualTo("1");
    assertThat(
            message(
                Code.NOT_FOUND,
                () ->
                    acme.rollbackHandler(
                        RollbackHandlerRequest.newBuilder()
                            .setName("hello")
                            .setVersion("9")
                            .build())))
        .contains("\"9\"");
  }

  @Test
  void aSyntaxErrorIsInvalidArgumentWithTheSourceErrorDetail() throws Exception {
    String source = "export default async () => {\n  return new Response(;\n};\n";

    StatusRuntimeException e =
        failure(Code.INVALID_ARGUMENT, () -> acme.submitHandler(submit("broken", source)));

    var status = StatusProto.fromThrowable(e);
    assertThat(status.getDetailsCount()).isEqualTo(1);
    SourceError error = status.getDetails(0).unpack(SourceError.class);
    assertThat(error.getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(error.getLine()).isEqualTo(2);
    assertThat(error.getColumn()).isEqualTo(23);
    assertThat(e.getStatus().getDescription())
        .startsWith("handler \"broken\": syntax error at 2:23: ");
    assertThat(api.store.handler("acme", "broken")).isEmpty();
  }

  @Test
  void submittingToAMissingPoolSaysHowToCreateIt() {
    assertThat(
            message(
                Code.FAILED_PRECONDITION,
                () ->
                    acme.submitHandler(submit("hello", HELLO).toBuilder().setPool("web").build())))
        .contains("loopctl pools create web");
  }

  @Test
  void validateOnlyStoresNothing() {
    SubmitHandlerResponse checked =
        acme.submitHandler(submit("hello", HELLO).toBuilder().setValidateOnly(true).build());

    assertThat(checked.getCreated()).isFalse();
    assertThat(api.store.handler("acme", "hello")).isEmpty();
    failure(
        Code.INVALID_ARGUMENT,
        () ->
            acme.submitHandler(
                submit("hello", "export {").toBuilder().setValidateOnly(true).build()));
  }

  @Test
  void namesMustBeDns1123LabelsAndTheMessageGivesAnExample() {
    for (String bad : new String[] {"Hello", "-x", "x-", "a_b", "a".repeat(64)}) {
      assertThat(message(Code.INVALID_ARGUMENT, () -> acme.submitHandler(submit(bad, HELLO))))
          .as(bad)
          .contains("name")
          .contains("DNS-1123")
          .contains("e.g. \"hello-world\"");
    }
    assertThat(message(Code.INVALID_ARGUMENT, () -> acme.submitHandler(submit("", HELLO))))
        .contains("name");
    assertThat(acme.submitHandler(submit("a".repeat(63), HELLO)).getCreated()).isTrue();
  }

  @Test
  void negativeLimitsAreRefused() {
    assertThat(
            message(
                Code.INVALID_ARGUMENT,
                () ->
                    acme.submitHandler(
                        submit("hello", HELLO).toBuilder()
                            .setLimits(Limits.newBuilder().setMaxRequestBytes(-1))
                            .build())))
        .contains("limits");
  }

  @Test
  void theHandlerQuotaIsNamedWithWhatToDo() {
    var small = api.handlers(api.tenant("small", Quotas.newBuilder().setMaxHandlers(1).build()));
    api.store.putPool(
        dev.loopd.proto.control.v1.Pool.newBuilder().setTenant("small").setName("default").build());
    small.submitHandler(submit("one", HELLO));

    String m = message(Code.RESOURCE_EXHAUSTED, () -> small.submitHandler(submit("two", HELLO)));

    assertThat(m).contains("handler quota").contains("1").contains("max_handlers");
    // A new version of an existing handler is not a new handler.
    assertThat(small.submitHandler(submit("one", source(2))).getCreated()).isTrue();
  }

  @Test
  void listHandlersFiltersByPool() {
    api.store.putPool(
        dev.loopd.proto.control.v1.Pool.newBuilder().setTenant("acme").setName("web").build());
    acme.submitHandler(submit("a", HELLO));
    acme.submitHandler(submit("b", HELLO).toBuilder().setPool("web").build());

    assertThat(acme.listHandlers(ListHandlersRequest.getDefaultInstance()).getHandlersList())
        .extracting(Handler::getName)
        .containsExactly("a", "b");
    assertThat(
            acme.listHandlers(ListHandlersRequest.newBuilder().setPool("web").build())
                .getHandlersList())
        .extracting(Handler::getName)
        .containsExactly("b");
  }

  @Test
  void anotherTenantsHandlerIsNotFound() {
    acme.submitHandler(submit("hello", HELLO));
    var beta = api.handlers(api.tenantWithDefaultPool("beta"));

    failure(
        Code.NOT_FOUND,
        () -> beta.getHandler(GetHandlerRequest.newBuilder().setName("hello").build()));
    failure(
        Code.NOT_FOUND,
        () ->
            beta.listHandlerVersions(
                ListHandlerVersionsRequest.newBuilder().setName("hello").build()));
    failure(
        Code.NOT_FOUND,
        () ->
            beta.getHandlerVersion(
                GetHandlerVersionRequest.newBuilder().setName("hello").setVersion("1").build()));
    failure(
        Code.NOT_FOUND,
        () -> beta.rollbackHandler(RollbackHandlerRequest.newBuilder().setName("hello").build()));
    failure(
        Code.NOT_FOUND,
        () -> beta.deleteHandler(DeleteHandlerRequest.newBuilder().setName("hello").build()));
    assertThat(beta.listHandlers(ListHandlersRequest.getDefaultInstance()).getHandlersCount())
        .isZero();
    // beta's own "hello" is a different handler, numbered from 1.
    assertThat(beta.submitHandler(submit("hello", source(9))).getVersion().getVersion())
        .isEqualTo("1");
    assertThat(api.store.versions("acme", "hello")).hasSize(1);
  }
}
