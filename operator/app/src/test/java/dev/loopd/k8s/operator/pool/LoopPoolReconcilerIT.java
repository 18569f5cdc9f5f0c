package dev.loopd.k8s.operator.pool;

import static dev.loopd.k8s.operator.it.OperatorHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.k8s.crd.v1alpha1.AutoscalingMode;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingSpec;
import dev.loopd.k8s.crd.v1alpha1.BlockingPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.k8s.operator.it.FakeNode;
import dev.loopd.k8s.operator.it.OperatorHarness;
import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.proto.node.v1.ControlMessage;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LoopPool reconciler on a real kube-apiserver 1.20.2, with the operator running in-process
 * (see {@link OperatorHarness}).
 */
class LoopPoolReconcilerIT {

  static final String NS = "loopd-acme";
  static final Duration WAIT = Duration.ofSeconds(30);

  static OperatorHarness op;

  @BeforeAll
  static void start() throws Exception {
    op = new OperatorHarness();
    op.tenant("acme");
  }

  @AfterAll
  static void stop() {
    if (op != null) {
      op.close();
    }
  }

  @Test
  void aPoolGetsItsDeploymentServiceServiceAccountAndDisruptionBudget() {
    LoopPool pool = create("web", 2, 3);
    String uid = pool.getMetadata().getUid();

    Deployment d = await("the Deployment", WAIT, () -> deployment("web"), x -> x != null);
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("ghcr.io/loopd/loop-node:it");
    assertThat(c.getArgs())
        .containsSequence("--pool", "acme/web")
        .containsSequence("--control-plane", OperatorHarness.CONTROL_PLANE)
        .containsSequence("--pool-size", "3");
    assertOwnedBy(d, uid);

    Service s =
        await(
            "the Service",
            WAIT,
            () -> op.client.services().inNamespace(NS).withName("web").get(),
            x -> x != null);
    assertThat(s.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(8080, 9090);
    assertThat(s.getSpec().getSelector()).isEqualTo(Labels.selector("web"));
    assertOwnedBy(s, uid);

    ServiceAccount sa =
        await(
            "the ServiceAccount",
            WAIT,
            () -> op.client.serviceAccounts().inNamespace(NS).withName("web").get(),
            x -> x != null);
    assertThat(sa.getAutomountServiceAccountToken()).isFalse();
    assertOwnedBy(sa, uid);

    HasMetadata pdb = await("the PodDisruptionBudget", WAIT, () -> pdb("web"), x -> x != null);
    assertThat(pdb.getApiVersion()).isEqualTo(op.settings.pdbApiVersion());
    assertOwnedBy(pdb, uid);
  }

  @Test
  void aSpecChangeRollsTheDeployment() {
    create("roll", 1, 2);
    Deployment before = await("the Deployment", WAIT, () -> deployment("roll"), x -> x != null);

    loopPool("roll")
        .edit(p -> {
          p.getSpec().getBlockingPool().setSize(6);
          return p;
        });

    Deployment after =
        await(
            "the Deployment's pods to run with --pool-size 6",
            WAIT,
            () -> deployment("roll"),
            d -> containerArgs(d).contains("6"));
    assertThat(containerArgs(after)).containsSequence("--pool-size", "6");
    assertThat(after.getMetadata().getGeneration())
        .isGreaterThan(before.getMetadata().getGeneration());
    assertThat(after.getSpec().getTemplate()).isNotEqualTo(before.getSpec().getTemplate());
  }

  @Test
  void statusCarriesConditionsAndKeepsTheTransitionTimesThatDidNotChange() {
    create("status", 2, null);
    LoopPool first =
        await(
            "the core's status of generation 1",
            WAIT,
            () -> loopPool("status").get(),
            p -> observed(p, 1) && !"Unknown".equals(condition(p, "Ready").getStatus()));
    assertThat(first.getStatus().getConditions())
        .extracting(Condition::getType)
        .containsExactlyInAnyOrder("Ready", "Scaling", "Degraded");
    assertThat(first.getStatus().getConditions())
        .allSatisfy(cond -> {
          assertThat(cond.getObservedGeneration()).isEqualTo(1L);
          assertThat(cond.getLastTransitionTime()).isNotNull();
        });
    assertThat(first.getStatus().getSelector()).isEqualTo(Labels.selectorString("status"));
    assertThat(first.getStatus().getDesiredNodes()).isEqualTo(2);
    assertThat(first.getStatus().getReadyNodes()).isZero();
    assertThat(condition(first, "Ready").getStatus()).isEqualTo("False"); // no kubelet: no pods
    assertThat(condition(first, "Degraded").getStatus()).isEqualTo("False");

    // A minute later (within the core's start timeout: no pod here ever connects) a spec change:
    // conditions whose status stays keep their time.
    op.clock.advance(Duration.ofMinutes(1));
    loopPool("status")
        .edit(p -> {
          p.getSpec().setLagLimit("80ms");
          return p;
        });
    LoopPool second =
        await(
            "the status of generation 2",
            WAIT,
            () -> loopPool("status").get(),
            p -> observed(p, 2));

    for (String type : List.of("Ready", "Degraded")) {
      assertThat(condition(second, type).getStatus()).isEqualTo(condition(first, type).getStatus());
      assertThat(condition(second, type).getLastTransitionTime())
          .as(type + " did not change, so neither did its lastTransitionTime")
          .isEqualTo(condition(first, type).getLastTransitionTime());
      assertThat(condition(second, type).getObservedGeneration()).isEqualTo(2L);
    }
  }

  @Test
  void kubectlScaleSizesTheDeploymentUnderManualAndRecordsAnEvent() throws Exception {
    create("scaled", 1, null);
    await("the Deployment", WAIT, () -> deployment("scaled"), d -> d != null);

    op.kubectl("-n", NS, "scale", "looppool/scaled", "--replicas=4");

    await(
        "the Deployment at 4 replicas",
        WAIT,
        () -> deployment("scaled"),
        d -> d.getSpec().getReplicas() == 4);
    await(
        "status.desiredNodes 4",
        WAIT,
        () -> loopPool("scaled").get(),
        p -> p.getStatus() != null && Integer.valueOf(4).equals(p.getStatus().getDesiredNodes()));
    Event e =
        await(
                "a Manual scaling event to 4 nodes on the LoopPool",
                WAIT,
                () ->
                    events("scaled").stream()
                        .filter(x -> "Manual".equals(x.getReason()))
                        .filter(x -> x.getMessage().contains("-> 4 nodes"))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertThat(e.getMessage()).contains("-> 4 nodes");
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getSource().getComponent()).isEqualTo(PoolEvents.COMPONENT);
    // No pod ever says Hello here, so the core repeats its decision every tick: one Event.
    OperatorHarness.sleep(3000);
    assertThat(events("scaled").stream().filter(x -> "Manual".equals(x.getReason())))
        .extracting(Event::getMessage)
        .doesNotHaveDuplicates();
  }

  @Test
  void deletingThePoolDrainsItsNodesBeforeItsObjectsGo() throws Exception {
    create("gone", 1, null);
    await("the Deployment", WAIT, () -> deployment("gone"), d -> d != null);
    FakeNode node = new FakeNode(op, "gone-7d9f-abcde", "acme/gone");
    node.hello();
    await("the handler set", WAIT, node::take, m -> m != null && m.hasHandlerSet());
    node.ready();
    await(
        "the node ready in the status",
        WAIT,
        () -> loopPool("gone").get(),
        p -> p.getStatus() != null && Integer.valueOf(1).equals(p.getStatus().getReadyNodes()));

    loopPool("gone").delete();

    ControlMessage drain =
        await("a Drain for the node", WAIT, node::take, m -> m != null && m.hasDrain());
    assertThat(drain.getDrain().getGracePeriod().getSeconds()).isPositive();
    // Still draining: the pool and its Deployment stay.
    OperatorHarness.sleep(2000);
    LoopPool held = loopPool("gone").get();
    assertThat(held).isNotNull();
    assertThat(held.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(held.getMetadata().getFinalizers()).contains(LoopPoolReconciler.FINALIZER);
    assertThat(deployment("gone")).isNotNull();

    node.drained();

    await("the LoopPool gone", WAIT, () -> loopPool("gone").get(), p -> p == null);
    // No garbage collector runs here: the operator deleted its objects itself.
    assertThat(deployment("gone")).isNull();
    assertThat(op.client.services().inNamespace(NS).withName("gone").get()).isNull();
    assertThat(op.client.serviceAccounts().inNamespace(NS).withName("gone").get()).isNull();
    assertThat(pdb("gone")).isNull();
  }

  @Test
  void aStatusWriteThatConflictsIsReadAgainAndRetried() {
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    op.pools.beforeStatusWrite =
        p -> {
          if (!"stale".equals(p.getMetadata().getName())) {
            return;
          }
          writes.incrementAndGet();
          if (conflicts.get() == 0) {
            // Someone else changes the pool between the reconciler's read and its write.
            conflicts.incrementAndGet();
            loopPool("stale")
                .edit(x -> {
                  x.getMetadata().getLabels().put("touched", "yes");
                  return x;
                });
          }
        };
    try {
      create("stale", 1, null);
      LoopPool p =
          await("the status written", WAIT, () -> loopPool("stale").get(), x -> observed(x, 1));
      assertThat(conflicts.get()).isEqualTo(1);
      assertThat(writes.get())
          .as("the write was tried again after the 409")
          .isGreaterThanOrEqualTo(2);
      assertThat(p.getMetadata().getLabels()).containsEntry("touched", "yes");
    } finally {
      op.pools.beforeStatusWrite = x -> {};
    }
  }

  @Test
  void theAutoscalersDecisionReachesTheDeployment() {
    LoopPool p = new LoopPool();
    p.setMetadata(new ObjectMetaBuilder().withName("auto").withNamespace(NS).build());
    LoopPoolSpec spec = new LoopPoolSpec();
    spec.setMinNodes(1);
    spec.setMaxNodes(4);
    AutoscalingSpec a = new AutoscalingSpec();
    a.setMode(AutoscalingMode.AUTO);
    a.setStableWindow("4s");
    a.setPanicWindow("2s");
    spec.setAutoscaling(a);
    p.setSpec(spec);
    op.client.resource(p).create();
    await("the Deployment at 1", WAIT, () -> deployment("auto"), d -> d != null);
    FakeNode node = new FakeNode(op, "auto-5d6c-aaaaa", "acme/auto");
    node.hello();
    await("the handler set", WAIT, node::take, m -> m != null && m.hasHandlerSet());
    node.ready();

    // A saturated loop (ELU 1.0 against a 0.6 target): the pool needs 2 nodes.
    Deployment scaled =
        await(
            "the Deployment scaled up by the autoscaler",
            Duration.ofSeconds(60),
            () -> {
              node.stats(1.0);
              return deployment("auto");
            },
            d -> d.getSpec().getReplicas() >= 2);
    assertThat(loopPool("auto").get().getSpec().getReplicas())
        .isEqualTo(scaled.getSpec().getReplicas());
    await(
        "a ScaleUp or Panic event",
        WAIT,
        () -> events("auto"),
        es -> es.stream().anyMatch(e -> List.of("ScaleUp", "Panic").contains(e.getReason())));
  }

  @Test
  void aPodThatCannotPullItsImageDegradesThePoolWithAWarning() {
    create("broken", 1, null);
    await("the Deployment", WAIT, () -> deployment("broken"), d -> d != null);
    op.kube.apply(
        new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace(NS)
            .endMetadata()
            .build());
    // What a kubelet would report for the Deployment's pod (there is no kubelet here).
    Pod pod =
        op.client
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("broken-6b9d-zzzzz")
                    .withNamespace(NS)
                    .withLabels(
                        deployment("broken").getSpec().getTemplate().getMetadata().getLabels())
                    .endMetadata()
                    .withNewSpec()
                    .withAutomountServiceAccountToken(false)
                    .addNewContainer()
                    .withName("loop-node")
                    .withImage("ghcr.io/loopd/loop-node:missing")
                    .endContainer()
                    .endSpec()
                    .build())
            .create();
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase("Pending")
            .addNewContainerStatus()
            .withName("loop-node")
            .withImage("ghcr.io/loopd/loop-node:missing")
            .withImageID("")
            .withReady(false)
            .withRestartCount(0)
            .withNewState()
            .withNewWaiting()
            .withReason("ImagePullBackOff")
            .withMessage("Back-off pulling image \"ghcr.io/loopd/loop-node:missing\"")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .build());
    op.client.resource(pod).updateStatus();

    LoopPool p =
        await(
            "the pool Degraded",
            WAIT,
            () -> loopPool("broken").get(),
            x -> x.getStatus() != null && "True".equals(condition(x, "Degraded").getStatus()));
    assertThat(condition(p, "Degraded").getReason()).isEqualTo("NodeFailed");
    assertThat(condition(p, "Degraded").getMessage())
        .contains("broken-6b9d-zzzzz", "ImagePullBackOff");
    Event warning =
        await(
                "a Warning event",
                WAIT,
                () ->
                    events("broken").stream()
                        .filter(e -> "Warning".equals(e.getType()))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertThat(warning.getReason()).isEqualTo("NodeFailed");
    assertThat(warning.getMessage()).contains("ImagePullBackOff");
  }

  // Helpers.

  static LoopPool create(String name, int replicas, Integer blockingPoolSize) {
    LoopPool p = new LoopPool();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(NS)
            .withLabels(new java.util.HashMap<>(Map.of("test", "it")))
            .build());
    LoopPoolSpec spec = new LoopPoolSpec();
    spec.setReplicas(replicas);
    spec.setMinNodes(0);
    spec.setMaxNodes(8);
    AutoscalingSpec a = new AutoscalingSpec();
    a.setMode(AutoscalingMode.MANUAL);
    spec.setAutoscaling(a);
    BlockingPoolSpec bp = new BlockingPoolSpec();
    bp.setSize(blockingPoolSize);
    spec.setBlockingPool(bp);
    p.setSpec(spec);
    return op.client.resource(p).create();
  }

  static Resource<LoopPool> loopPool(String name) {
    return op.client.resources(LoopPool.class).inNamespace(NS).withName(name);
  }

  static Deployment deployment(String name) {
    return op.client.apps().deployments().inNamespace(NS).withName(name).get();
  }

  static HasMetadata pdb(String name) {
    return "policy/v1".equals(op.settings.pdbApiVersion())
        ? op.client.policy().v1().podDisruptionBudget().inNamespace(NS).withName(name).get()
        : op.client.policy().v1beta1().podDisruptionBudget().inNamespace(NS).withName(name).get();
  }

  static List<String> containerArgs(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
  }

  static List<Event> events(String pool) {
    return op.client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> pool.equals(e.getInvolvedObject().getName()))
        .filter(e -> "LoopPool".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  static boolean observed(LoopPool p, long generation) {
    return p != null
        && p.getStatus() != null
        && p.getStatus().getObservedGeneration() != null
        && p.getStatus().getObservedGeneration() >= generation
        && p.getMetadata().getGeneration() == generation;
  }

  static Condition condition(LoopPool p, String type) {
    return p.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition in " + p.getStatus()));
  }

  static void assertOwnedBy(HasMetadata o, String uid) {
    assertThat(o.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(ref -> {
          assertThat(ref.getKind()).isEqualTo("LoopPool");
          assertThat(ref.getUid()).isEqualTo(uid);
          assertThat(ref.getController()).isTrue();
        });
  }
}
