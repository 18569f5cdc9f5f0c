package dev.loopd.k8s.operator.driver;

import static dev.loopd.k8s.operator.it.OperatorHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.operator.core.Tenants;
import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.testing.KubeApi;
import dev.loopd.operator.core.NodeDriver;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolSpec;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KubernetesNodeDriver} on a real kube-apiserver 1.20.2 (pods created by the test). */
class KubernetesNodeDriverIT {

  static final String NS = "loopd-drv";
  static final Duration WAIT = Duration.ofSeconds(20);

  static KubeApi kube;
  static KubernetesClient client;
  static Tenants tenants;
  static KubernetesNodeDriver driver;
  static final AtomicReference<PoolHealth> view = new AtomicReference<>();
  static final List<String> failures = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    kube = KubeApi.start();
    client = kube.client();
    kube.apply(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build());
    // No controller-manager: the namespace's default ServiceAccount is the test's to make.
    kube.apply(
        new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace(NS)
            .endMetadata()
            .withAutomountServiceAccountToken(false)
            .build());
    LoopTenant t = new LoopTenant();
    t.setMetadata(new ObjectMetaBuilder().withName("drv").build());
    client.resource(t).create();
    tenants = new Tenants(client).start();
    await("the tenant", WAIT, () -> tenants.namespaceOf("drv"), Optional::isPresent);
    driver =
        new KubernetesNodeDriver(client, tenants::namespaceOf, (p, m) -> failures.add(m)).start();
    driver.observe(ref -> Optional.ofNullable(view.get()));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.close();
      tenants.close();
    }
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void startNodeSizesThePoolToWhatTheCoreWantsHoweverOftenItIsCalled() {
    pool("up", 1);
    view.set(health(4));
    PoolRef ref = new PoolRef("drv", "up");

    // One tick asks for three nodes, the next (no pod has said Hello yet) for three again.
    for (int tick = 0; tick < 2; tick++) {
      for (int i = 0; i < 3; i++) {
        assertThat(driver.startNode(ref, PoolSpec.getDefaultInstance())).isEmpty();
      }
      driver.flush(WAIT);
      assertThat(replicas("up")).isEqualTo(4);
    }
  }

  @Test
  void startNodeNeverLowersTheReplicas() {
    pool("high", 4);
    view.set(health(2));

    driver.startNode(new PoolRef("drv", "high"), PoolSpec.getDefaultInstance());
    driver.flush(WAIT);

    assertThat(replicas("high")).isEqualTo(4);
  }

  @Test
  void drainingNodesStillCountAsPods() {
    pool("drain", 2);
    view.set(
        health(2).toBuilder()
            .addNodes(
                NodeHealth.newBuilder().setNodeId("x").setState(NodeHealth.State.STATE_DRAINING))
            .build());

    driver.startNode(new PoolRef("drv", "drain"), PoolSpec.getDefaultInstance());
    driver.flush(WAIT);

    assertThat(replicas("drain")).isEqualTo(3);
  }

  @Test
  void onThisServerPodDeletionCostIsKnownToBeIgnored() {
    assertThat(KubernetesNodeDriver.honoursDeletionCost(client.getKubernetesVersion()))
        .as("kube-apiserver 1.20: pod-deletion-cost came in 1.22")
        .isFalse();
    assertThat(KubernetesNodeDriver.honoursDeletionCost(version("1", "22+"))).isTrue();
    assertThat(KubernetesNodeDriver.honoursDeletionCost(version("1", "21"))).isFalse();
    assertThat(KubernetesNodeDriver.honoursDeletionCost(version("2", "0"))).isTrue();
  }

  @Test
  void beforeKubernetes122StopNodeDeletesThatPodThenLowersTheReplicas() {
    driver.deletionCostHonoured(false);
    pool("old", 2);
    pod("old", "old-6f7d-aaaaa");
    pod("old", "old-6f7d-bbbbb");
    view.set(health(1));

    driver.stopNode(new PoolRef("drv", "old"), "old-6f7d-aaaaa");
    driver.flush(WAIT);

    assertThat(replicas("old")).isEqualTo(1);
    await(
        "the stopped node's pod deleted",
        WAIT,
        () -> client.pods().inNamespace(NS).withName("old-6f7d-aaaaa").get(),
        p -> p == null || p.getMetadata().getDeletionTimestamp() != null);
    assertThat(client.pods().inNamespace(NS).withName("old-6f7d-bbbbb").get().getMetadata())
        .satisfies(m -> assertThat(m.getDeletionTimestamp()).as("the other pod").isNull());
  }

  @Test
  void stopNodeGivesThePodTheLowestDeletionCostAndLowersTheReplicas() {
    driver.deletionCostHonoured(true); // as from Kubernetes 1.22 on
    pool("down", 2);
    pod("down", "down-6f7d-aaaaa");
    pod("down", "down-6f7d-bbbbb");
    view.set(health(1)); // the core drained one node: it wants 1

    driver.stopNode(new PoolRef("drv", "down"), "down-6f7d-aaaaa");
    driver.flush(WAIT);

    assertThat(replicas("down")).isEqualTo(1);
    Pod marked = client.pods().inNamespace(NS).withName("down-6f7d-aaaaa").get();
    assertThat(marked.getMetadata().getAnnotations())
        .containsEntry(KubernetesNodeDriver.DELETION_COST, Integer.toString(Integer.MIN_VALUE));
    assertThat(
            client
                .pods()
                .inNamespace(NS)
                .withName("down-6f7d-bbbbb")
                .get()
                .getMetadata()
                .getAnnotations())
        .doesNotContainKey(KubernetesNodeDriver.DELETION_COST);
  }

  @Test
  void stopNodeOfALostNodeDeletesItsPodForTheReplicaSetToReplace() {
    pool("lost", 2);
    pod("lost", "lost-6f7d-aaaaa");
    view.set(health(2)); // the core still wants 2: the node is replaced, not removed

    driver.stopNode(new PoolRef("drv", "lost"), "lost-6f7d-aaaaa");
    driver.flush(WAIT);

    assertThat(replicas("lost")).isEqualTo(2);
    await(
        "the lost node's pod deleted",
        WAIT,
        () -> client.pods().inNamespace(NS).withName("lost-6f7d-aaaaa").get(),
        p -> p == null || p.getMetadata().getDeletionTimestamp() != null);
  }

  @Test
  void isRunningFollowsThePods() {
    pool("run", 1);
    assertThat(driver.isRunning("run-6f7d-ccccc")).isFalse();

    pod("run", "run-6f7d-ccccc");
    await("the pod seen", WAIT, () -> driver.isRunning("run-6f7d-ccccc"), r -> r);
    assertThat(driver.pods(NS, "run"))
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("run-6f7d-ccccc");

    client.pods().inNamespace(NS).withName("run-6f7d-ccccc").withGracePeriod(0).delete();
    await("the pod gone", WAIT, () -> driver.isRunning("run-6f7d-ccccc"), r -> !r);
  }

  @Test
  void aScaleThatConflictsIsReadAgainAndRetried() {
    pool("race", 1);
    AtomicInteger reads = new AtomicInteger();

    int written =
        driver.scale(
            NS,
            "race",
            current -> {
              if (reads.incrementAndGet() == 1) {
                // kubectl scale lands between the driver's read and its write.
                client.resources(LoopPool.class).inNamespace(NS).withName("race").scale(3);
              }
              return current + 2;
            },
            true);

    assertThat(reads.get()).as("read again after the 409").isEqualTo(2);
    assertThat(written).isEqualTo(5); // 3 (the concurrent write) + 2
    assertThat(replicas("race")).isEqualTo(5);
  }

  @Test
  void aTenantWithoutNamespaceCannotStartNodes() {
    assertThatThrownBy(
            () -> driver.startNode(new PoolRef("nobody", "p"), PoolSpec.getDefaultInstance()))
        .isInstanceOf(NodeDriver.NodeDriverException.class)
        .hasMessageContaining("tenant \"nobody\" has no LoopTenant");
  }

  // Helpers.

  static io.fabric8.kubernetes.client.VersionInfo version(String major, String minor) {
    return new io.fabric8.kubernetes.client.VersionInfo.Builder()
        .withMajor(major)
        .withMinor(minor)
        .build();
  }

  static PoolHealth health(int desired) {
    return PoolHealth.newBuilder().setDesiredNodes(desired).build();
  }

  static void pool(String name, int replicas) {
    LoopPool p = new LoopPool();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    LoopPoolSpec spec = new LoopPoolSpec();
    spec.setReplicas(replicas);
    p.setSpec(spec);
    client.resource(p).create();
  }

  static int replicas(String name) {
    return client
        .resources(LoopPool.class)
        .inNamespace(NS)
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }

  static void pod(String pool, String name) {
    client
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(
                    Map.of(
                        Labels.NAME, Labels.NODE_NAME,
                        Labels.POOL, pool,
                        Labels.MANAGED_BY, Labels.MANAGER))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .addNewContainer()
                .withName("loop-node")
                .withImage("loop-node:it")
                .endContainer()
                .endSpec()
                .build())
        .create();
    client
        .pods()
        .inNamespace(NS)
        .withName(name)
        .waitUntilCondition(p -> p != null, 10, TimeUnit.SECONDS);
    await("the informer sees " + name, WAIT, () -> driver.isRunning(name), r -> r);
  }
}
