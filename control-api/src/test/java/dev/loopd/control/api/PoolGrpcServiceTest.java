package dev.loopd.control.api;

import static dev.loopd.control.api.ControlApiHarness.HELLO;
import static dev.loopd.control.api.ControlApiHarness.failure;
import static dev.loopd.control.api.ControlApiHarness.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.operator.core.StatusView;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.DeletePoolRequest;
import dev.loopd.proto.control.v1.GetPoolRequest;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.ListPoolsRequest;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolServiceGrpc.PoolServiceBlockingStub;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import dev.loopd.proto.control.v1.UpdatePoolRequest;
import io.grpc.Status.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolGrpcServiceTest {

  private ControlApiHarness api;
  private String acmeToken;
  private PoolServiceBlockingStub acme;

  @BeforeEach
  void start() throws Exception {
    api =
        new ControlApiHarness(
            new StatusView() {
              @Override
              public PoolStatus poolStatus(String tenant, String pool) {
                return PoolStatus.newBuilder().setDesiredNodes(3).setReadyNodes(2).build();
              }

              @Override
              public HandlerStatus handlerStatus(String tenant, String handler) {
                return HandlerStatus.getDefaultInstance();
              }

              @Override
              public int runningNodes(String tenant) {
                return 2;
              }
            });
    acmeToken = api.tenant("acme");
    acme = api.pools(acmeToken);
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  private static CreatePoolRequest create(String name, PoolSpec.Builder spec) {
    return CreatePoolRequest.newBuilder().setName(name).setSpec(spec).build();
  }

  private String invalid(PoolSpec.Builder spec) {
    return message(Code.INVALID_ARGUMENT, () -> acme.createPool(create("web", spec)));
  }

  @Test
  void aCreatedPoolHasItsDefaultsFilledAndTheObservedStatus() {
    Pool pool = acme.createPool(create("web", PoolSpec.newBuilder()));

    assertThat(pool.getTenant()).isEqualTo("acme");
    assertThat(pool.getGeneration()).isEqualTo(1);
    assertThat(pool.getSpec()).isEqualTo(PoolDefaults.withDefaults(PoolSpec.getDefaultInstance()));
    assertThat(pool.getSpec().getMaxNodes()).isEqualTo(5);
    assertThat(pool.getStatus().getReadyNodes()).isEqualTo(2);
    assertThat(pool.hasCreateTime()).isTrue();
    assertThat(api.store.pool("acme", "web").orElseThrow().hasStatus())
        .as("status is not stored")
        .isFalse();
    assertThat(acme.getPool(GetPoolRequest.newBuilder().setName("web").build()).getStatus())
        .isEqualTo(PoolStatus.newBuilder().setDesiredNodes(3).setReadyNodes(2).build());
    assertThat(acme.listPools(ListPoolsRequest.getDefaultInstance()).getPoolsList())
        .extracting(Pool::getName)
        .containsExactly("web");
    failure(Code.ALREADY_EXISTS, () -> acme.createPool(create("web", PoolSpec.newBuilder())));
  }

  @Test
  void anInvalidSpecNamesTheFieldAndTheRule() {
    assertThat(invalid(PoolSpec.newBuilder().setMinNodes(4).setMaxNodes(3)))
        .contains("spec.min_nodes")
        .contains("max_nodes 3");
    assertThat(invalid(PoolSpec.newBuilder().setMinNodes(-1))).contains("spec.min_nodes");
    assertThat(invalid(PoolSpec.newBuilder().setMinNodes(0).setMaxNodes(-2)))
        .contains("spec.max_nodes");
    assertThat(
            invalid(
                PoolSpec.newBuilder()
                    .setAutoscaling(AutoscalingPolicy.newBuilder().setTargetElu(1.5))))
        .contains("spec.autoscaling.target_elu")
        .contains("(0, 1]");
    assertThat(
            invalid(
                PoolSpec.newBuilder()
                    .setAutoscaling(AutoscalingPolicy.newBuilder().setTargetPoolUtilization(-0.1))))
        .contains("spec.autoscaling.target_pool_utilization");
    assertThat(
            invalid(
                PoolSpec.newBuilder()
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder()
                            .setStableWindow(Durations.fromSeconds(10))
                            .setPanicWindow(Durations.fromSeconds(10)))))
        .contains("spec.autoscaling.panic_window")
        .contains("shorter than stable_window");
    assertThat(
            invalid(
                PoolSpec.newBuilder()
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder()
                            .setScaleDownDelay(Durations.fromSeconds(-1)))))
        .contains("spec.autoscaling.scale_down_delay");
    assertThat(invalid(PoolSpec.newBuilder().setLagLimit(Durations.fromMillis(-5))))
        .contains("spec.lag_limit");
    assertThat(api.store.allPools()).isEmpty();
  }

  @Test
  void poolNamesMustBeDns1123Labels() {
    assertThat(
            message(
                Code.INVALID_ARGUMENT, () -> acme.createPool(create("Web", PoolSpec.newBuilder()))))
        .contains("name")
        .contains("DNS-1123")
        .contains("e.g.");
  }

  @Test
  void updateReplacesTheSpecAndRaisesTheGeneration() {
    acme.createPool(create("web", PoolSpec.newBuilder()));

    Pool updated =
        acme.updatePool(
            UpdatePoolRequest.newBuilder()
                .setName("web")
                .setSpec(PoolSpec.newBuilder().setMinNodes(2).setMaxNodes(8))
                .build());

    assertThat(updated.getGeneration()).isEqualTo(2);
    assertThat(updated.getSpec().getMinNodes()).isEqualTo(2);
    assertThat(updated.getSpec().getMaxNodes()).isEqualTo(8);
    assertThat(updated.getSpec().getAutoscaling().getTargetElu()).isEqualTo(0.6);
    assertThat(api.store.pool("acme", "web").orElseThrow().getGeneration()).isEqualTo(2);
    failure(
        Code.NOT_FOUND,
        () ->
            acme.updatePool(
                UpdatePoolRequest.newBuilder()
                    .setName("nope")
                    .setSpec(PoolSpec.newBuilder())
                    .build()));
  }

  @Test
  void scaleSetsManualModeAndTheNodeCount() {
    acme.createPool(create("web", PoolSpec.newBuilder().setMinNodes(2).setMaxNodes(4)));

    Pool scaled = acme.scalePool(ScalePoolRequest.newBuilder().setName("web").setNodes(1).build());

    assertThat(scaled.getSpec().getAutoscaling().getMode())
        .isEqualTo(AutoscalingPolicy.Mode.MODE_MANUAL);
    assertThat(scaled.getSpec().getNodes()).isEqualTo(1);
    assertThat(scaled.getGeneration()).isEqualTo(2);
    assertThat(
            message(
                Code.INVALID_ARGUMENT,
                () ->
                    acme.scalePool(
                        ScalePoolRequest.newBuilder().setName("web").setNodes(5).build())))
        .contains("max_nodes (4)");
    failure(
        Code.INVALID_ARGUMENT,
        () -> acme.scalePool(ScalePoolRequest.newBuilder().setName("web").setNodes(-1).build()));
  }

  @Test
  void aPoolInUseCannotBeDeletedAndTheHandlersAreNamed() {
    acme.createPool(create("default", PoolSpec.newBuilder()));
    var handlers = api.handlers(acmeToken);
    handlers.submitHandler(
        SubmitHandlerRequest.newBuilder().setName("hello").setSource(HELLO).build());
    handlers.submitHandler(
        SubmitHandlerRequest.newBuilder().setName("bye").setSource(HELLO).build());

    String m =
        message(
            Code.FAILED_PRECONDITION,
            () -> acme.deletePool(DeletePoolRequest.newBuilder().setName("default").build()));

    assertThat(m).contains("hello").contains("bye");
    api.store.deleteHandler("acme", "hello");
    api.store.deleteHandler("acme", "bye");
    acme.deletePool(DeletePoolRequest.newBuilder().setName("default").build());
    assertThat(api.store.allPools()).isEmpty();
  }

  @Test
  void thePoolAndNodeQuotasAreNamedWithWhatToDo() {
    var small =
        api.pools(api.tenant("small", Quotas.newBuilder().setMaxPools(2).setMaxNodes(6).build()));
    small.createPool(create("a", PoolSpec.newBuilder().setMaxNodes(3)));

    assertThat(
            message(
                Code.RESOURCE_EXHAUSTED,
                () -> small.createPool(create("b", PoolSpec.newBuilder().setMaxNodes(4)))))
        .contains("node quota")
        .contains("6")
        .contains("max_nodes")
        .contains("7");
    small.createPool(create("b", PoolSpec.newBuilder().setMaxNodes(3)));
    assertThat(
            message(
                Code.RESOURCE_EXHAUSTED,
                () -> small.createPool(create("c", PoolSpec.newBuilder().setMaxNodes(1)))))
        .contains("pool quota")
        .contains("max_pools");
    // Updating a pool counts its new max_nodes instead of its old one.
    failure(
        Code.RESOURCE_EXHAUSTED,
        () ->
            small.updatePool(
                UpdatePoolRequest.newBuilder()
                    .setName("b")
                    .setSpec(PoolSpec.newBuilder().setMaxNodes(4))
                    .build()));
    small.updatePool(
        UpdatePoolRequest.newBuilder()
            .setName("b")
            .setSpec(PoolSpec.newBuilder().setMaxNodes(2))
            .build());
  }

  @Test
  void theDefaultQuotasApplyWhenTheTenantSetNone() {
    for (int i = 0; i < 4; i++) {
      acme.createPool(create("p" + i, PoolSpec.newBuilder().setMaxNodes(5)));
    }
    // 20 nodes by default: four pools of 5 reach it.
    assertThat(
            message(
                Code.RESOURCE_EXHAUSTED,
                () -> acme.createPool(create("p4", PoolSpec.newBuilder().setMaxNodes(1)))))
        .contains("20");
  }

  @Test
  void anotherTenantsPoolIsNotFound() {
    acme.createPool(create("web", PoolSpec.newBuilder()));
    var beta = api.pools(api.tenant("beta"));

    failure(Code.NOT_FOUND, () -> beta.getPool(GetPoolRequest.newBuilder().setName("web").build()));
    failure(
        Code.NOT_FOUND,
        () ->
            beta.updatePool(
                UpdatePoolRequest.newBuilder()
                    .setName("web")
                    .setSpec(PoolSpec.newBuilder())
                    .build()));
    failure(
        Code.NOT_FOUND,
        () -> beta.scalePool(ScalePoolRequest.newBuilder().setName("web").setNodes(1).build()));
    failure(
        Code.NOT_FOUND,
        () -> beta.deletePool(DeletePoolRequest.newBuilder().setName("web").build()));
    assertThat(beta.listPools(ListPoolsRequest.getDefaultInstance()).getPoolsCount()).isZero();
    beta.createPool(create("web", PoolSpec.newBuilder()));
    assertThat(api.store.allPools()).hasSize(2);
  }
}
