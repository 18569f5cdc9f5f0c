package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two tenants on one platform: neither sees nor touches the other's handlers and pools. */
class TenancyIT {

  static Platform platform;
  static Platform.Stubs a;
  static Platform.Stubs b;

  @BeforeAll
  static void up() throws Exception {
    platform = Platform.up();
    Platform.Stubs admin = platform.as(platform.adminToken());
    a =
        platform.as(
            admin
                .tenants()
                .createTenant(CreateTenantRequest.newBuilder().setName("a").build())
                .getSecret());
    b =
        platform.as(
            admin
                .tenants()
                .createTenant(CreateTenantRequest.newBuilder().setName("b").build())
                .getSecret());
    for (Platform.Stubs t : new Platform.Stubs[] {a, b}) {
      t.pools()
          .createPool(
              dev.loopd.proto.control.v1.CreatePoolRequest.newBuilder()
                  .setName("web")
                  .setSpec(PoolSpec.newBuilder().setMinNodes(1).setMaxNodes(1))
                  .build());
    }
  }

  @AfterAll
  static void down() throws Exception {
    platform.close();
  }

  private static void notFound(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  private static String invoke(Platform.Stubs t, String handler) {
    return t.invoke()
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .invoke(InvokeRequest.newBuilder().setHandler(handler).build())
        .getBody()
        .toStringUtf8();
  }

  @Test
  void aTenantCannotSeeOrTouchAnotherTenantsHandlersAndPools() throws Exception {
    a.handlers()
        .submitHandler(
            SubmitHandlerRequest.newBuilder()
                .setName("secret")
                .setPool("web")
                .setSource("export default () => 'a only'")
                .build());
    platform.await(
        "a's handler to answer",
        Duration.ofSeconds(60),
        () -> invoke(a, "secret").contains("a only"));

    notFound(
        () -> b.handlers().getHandler(GetHandlerRequest.newBuilder().setName("secret").build()));
    notFound(() -> invoke(b, "secret"));
    notFound(() ->
        b.handlers()
            .rollbackHandler(RollbackHandlerRequest.newBuilder().setName("secret").build()));
    notFound(() ->
        b.handlers().deleteHandler(DeleteHandlerRequest.newBuilder().setName("secret").build()));
    assertThat(
            b.handlers().listHandlers(ListHandlersRequest.getDefaultInstance()).getHandlersList())
        .isEmpty();
    notFound(() -> b.pools().getPool(GetPoolRequest.newBuilder().setName("nope").build()));

    // b's own handler of the same name lives beside a's, on b's own pool.
    b.handlers()
        .submitHandler(
            SubmitHandlerRequest.newBuilder()
                .setName("secret")
                .setPool("web")
                .setSource("export default () => 'b own'")
                .build());
    platform.await(
        "b's handler to answer",
        Duration.ofSeconds(60),
        () -> invoke(b, "secret").contains("b own"));
    assertThat(invoke(a, "secret")).contains("a only");
    assertThat(a.health("web").getNodesList())
        .extracting(n -> n.getNodeId())
        .doesNotContainAnyElementsOf(
            b.health("web").getNodesList().stream().map(n -> n.getNodeId()).toList());
  }

  @Test
  void tokensAreCheckedAndTenantTokensCannotAdminister() throws Exception {
    assertThatThrownBy(() ->
            platform.as("loopd_nottoken_x").tenants().whoAmI(WhoAmIRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThat(a.tenants().whoAmI(WhoAmIRequest.getDefaultInstance()).getTenant()).isEqualTo("a");
    assertThatThrownBy(
            () -> a.tenants().createTenant(CreateTenantRequest.newBuilder().setName("c").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
  }
}
