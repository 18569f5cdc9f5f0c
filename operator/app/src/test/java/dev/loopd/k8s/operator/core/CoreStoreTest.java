package dev.loopd.k8s.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.store.InMemoryStore;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreStoreTest {

  final InMemoryStore store = new InMemoryStore();
  final CoreStore core = new CoreStore(store);
  final PoolRef web = new PoolRef("acme", "web");

  CoreStoreTest() {
    store.putTenant(Tenant.newBuilder().setName("acme").build());
  }

  void put(PoolSpec spec) {
    store.putPool(Pool.newBuilder().setTenant("acme").setName("web").setSpec(spec).build());
  }

  @Test
  void aPoolAppliedWithOnlyWhatItChangesGetsTheDefaults() {
    put(PoolSpec.newBuilder().setMaxNodes(3).build());

    PoolSpec seen = core.pool("acme", "web").orElseThrow().getSpec();
    assertThat(seen.getMinNodes()).isEqualTo(1);
    assertThat(seen.getMaxNodes()).isEqualTo(3);
    assertThat(seen.getAutoscaling().getTargetElu()).isEqualTo(0.6);
    assertThat(core.allPools()).hasSize(1);
  }

  @Test
  void aRefusedSpecKeepsTheLastValidOneAndSaysWhy() {
    put(PoolSpec.newBuilder().setMaxNodes(3).build());
    assertThat(core.pool("acme", "web")).isPresent();

    put(PoolSpec.newBuilder().setMinNodes(4).setMaxNodes(3).build());

    assertThat(core.pool("acme", "web").orElseThrow().getSpec().getMaxNodes()).isEqualTo(3);
    assertThat(core.pool("acme", "web").orElseThrow().getSpec().getMinNodes()).isEqualTo(1);
    assertThat(core.invalid(web)).hasValueSatisfying(m -> assertThat(m).contains("min_nodes 4"));
    assertThat(core.invalid(web).get()).doesNotContain("PoolDefaults");
  }

  @Test
  void aPoolThatWasNeverValidIsLeftOut() {
    put(
        PoolSpec.newBuilder()
            .setMinNodes(2)
            .setMaxNodes(1)
            .setAutoscaling(
                AutoscalingPolicy.newBuilder().setMode(AutoscalingPolicy.Mode.MODE_AUTO))
            .build());

    assertThat(core.pool("acme", "web")).isEmpty();
    assertThat(core.allPools()).isEmpty();
    assertThat(core.invalid(web)).isPresent();
  }

  @Test
  void aPoolBeingDeletedIsGoneForTheCoreAndItsListenersHear() {
    put(PoolSpec.getDefaultInstance());
    List<String> heard = new ArrayList<>();
    core.addListener((kind, tenant, name) -> heard.add(kind + " " + tenant + "/" + name));

    core.markDeleting(web);

    assertThat(core.pool("acme", "web")).isEmpty();
    assertThat(core.pools("acme")).isEmpty();
    assertThat(heard).contains("POOL acme/web");

    core.forget(web);
    assertThat(core.pool("acme", "web")).isPresent();
  }
}
