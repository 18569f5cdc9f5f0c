package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.CreateTenantRequest;
import dev.loopd.proto.control.v1.DeleteHandlerRequest;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.GetHandlerRequest;
import dev.loopd.proto.control.v1.GetHandlerVersionRequest;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.ListHandlerVersionsRequest;
import dev.loopd.proto.control.v1.ListHandlersRequest;
import dev.loopd.proto.control.v1.ListPoolsRequest;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.RollbackHandlerRequest;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.WatchPoolRequest;
import dev.loopd.proto.control.v1.WatchPoolResponse;
import dev.loopd.proto.control.v1.WhoAmIRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two tenants on one platform: neither sees nor touches the other's handlers and pools. */
@ExtendWith(PlatformLogsOnFailure.class)
class TenancyIT {

  static Platform platform;
  static Platform.Stubs a;
  static Platform.Stubs b;

  @BeforeAll
  static void up() throws Exception {
    platform = Platform.up();
    Platform.Stubs admin = platform.admin();
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
              CreatePoolRequest.newBuilder()
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
    a.pools()
        .createPool(
            CreatePoolRequest.newBuilder()
                .setName("a-private")
                .setSpec(PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(1))
                .build());
    a.handlers()
        .submitHandler(
            SubmitHandlerRequest.newBuilder()
                .setName("hello")
                .setPool("web")
                .setSource("export default () => 'a only'")
                .build());
    platform.await(
        "a's handler to answer",
        Duration.ofSeconds(60),
        () -> invoke(a, "hello").contains("a only"));

    // a's handler: b gets NOT_FOUND (never PERMISSION_DENIED, which would say it exists).
    notFound(
        () -> b.handlers().getHandler(GetHandlerRequest.newBuilder().setName("hello").build()));
    notFound(() ->
        b.handlers()
            .listHandlerVersions(ListHandlerVersionsRequest.newBuilder().setName("hello").build()));
    notFound(() ->
        b.handlers()
            .getHandlerVersion(
                GetHandlerVersionRequest.newBuilder().setName("hello").setVersion("1").build()));
    notFound(() -> invoke(b, "hello"));
    notFound(() ->
        b.handlers().rollbackHandler(RollbackHandlerRequest.newBuilder().setName("hello").build()));
    notFound(() ->
        b.handlers().deleteHandler(DeleteHandlerRequest.newBuilder().setName("hello").build()));
    assertThat(
            b.handlers().listHandlers(ListHandlersRequest.getDefaultInstance()).getHandlersList())
        .isEmpty();

    // a's pool: the same.
    notFound(() -> b.pools().getPool(GetPoolRequest.newBuilder().setName("a-private").build()));
    notFound(() -> b.health("a-private"));
    notFound(() -> firstWatchMessage(b, "a-private"));
    notFound(() ->
        b.pools()
            .scalePool(ScalePoolRequest.newBuilder().setName("a-private").setNodes(1).build()));
    notFound(
        () -> b.pools().deletePool(DeletePoolRequest.newBuilder().setName("a-private").build()));
    assertThat(b.pools().listPools(ListPoolsRequest.getDefaultInstance()).getPoolsList())
        .extracting(Pool::getName)
        .containsExactly("web");
    assertThat(firstWatchMessage(a, "a-private").hasHealth()).as("a watches its own pool").isTrue();

    // b's own hello lives beside a's, on b's own pool and nodes.
    b.handlers()
        .submitHandler(
            SubmitHandlerRequest.newBuilder()
                .setName("hello")
                .setPool("web")
                .setSource("export default () => 'b own'")
                .build());
    platform.await(
        "b's handler to answer",
        Duration.ofSeconds(60),
        () -> invoke(b, "hello").contains("b own"));
    assertThat(invoke(a, "hello")).contains("a only");
    assertThat(
            a.handlers()
                .listHandlerVersions(
                    ListHandlerVersionsRequest.newBuilder().setName("hello").build())
                .getVersionsList())
        .as("b's submit made no version of a's handler")
        .hasSize(1);
    assertThat(a.health("web").getNodesList())
        .extracting(NodeHealth::getNodeId)
        .doesNotContainAnyElementsOf(
            b.health("web").getNodesList().stream().map(NodeHealth::getNodeId).toList());
  }

  /** The first message of a WatchPool stream (the current health); the stream is then cancelled. */
  private static WatchPoolResponse firstWatchMessage(Platform.Stubs t, String pool) {
    Context.CancellableContext watch = Context.current().withCancellation();
    try {
      return watch.call(() ->
          t.telemetry()
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .watchPool(WatchPoolRequest.newBuilder().setPool(pool).build())
              .next());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      watch.cancel(null);
    }
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
    assertThatThrownBy(() ->
            platform
                .as(platform.adminToken())
                .handlers()
                .listHandlers(ListHandlersRequest.getDefaultInstance()))
        .as("an admin token on a tenant RPC")
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    assertThatThrownBy(() -> platform.as("").tenants().whoAmI(WhoAmIRequest.getDefaultInstance()))
        .as("an empty bearer token")
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }
}
