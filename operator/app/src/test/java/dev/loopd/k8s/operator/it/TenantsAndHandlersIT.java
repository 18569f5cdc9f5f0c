package dev.loopd.k8s.operator.it;

import static dev.loopd.k8s.operator.it.OperatorHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LoopTenant and LoopHandler reconcilers on a real kube-apiserver 1.20.2. */
class TenantsAndHandlersIT {

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
  void aTenantGetsItsNamespaceAndAReadyStatus() {
    Namespace ns = op.client.namespaces().withName("loopd-acme").get();
    assertThat(ns.getMetadata().getLabels()).containsEntry(LoopdLabels.TENANT, "acme");

    LoopTenant t =
        await(
            "the tenant's status",
            WAIT,
            () -> op.client.resources(LoopTenant.class).withName("acme").get(),
            x -> x.getStatus() != null && x.getStatus().getConditions() != null);
    assertThat(t.getStatus().getNamespace()).isEqualTo("loopd-acme");
    assertThat(t.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(t.getStatus().getConditions())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.getType()).isEqualTo("Ready");
          assertThat(c.getStatus()).isEqualTo("True");
          assertThat(c.getLastTransitionTime()).isNotNull();
        });
    assertThat(t.getStatus().getUsage().getPools()).isNotNull();
  }

  @Test
  void anotherTenantsNamespaceIsNotTaken() throws Exception {
    op.kube.apply(
        new NamespaceBuilder()
            .withNewMetadata()
            .withName("shared")
            .addToLabels(LoopdLabels.TENANT, "other")
            .endMetadata()
            .build());
    op.kubectl(
        "apply",
        "-f",
        OperatorHarness.writeTemp(
                """
                apiVersion: loopd.dev/v1alpha1
                kind: LoopTenant
                metadata:
                  name: gamma
                spec:
                  namespace: shared
                """)
            .toString());

    LoopTenant t =
        await(
            "gamma's status",
            WAIT,
            () -> op.client.resources(LoopTenant.class).withName("gamma").get(),
            x -> x.getStatus() != null && x.getStatus().getConditions() != null);
    assertThat(t.getStatus().getConditions().get(0).getStatus()).isEqualTo("False");
    assertThat(t.getStatus().getConditions().get(0).getReason()).isEqualTo("NamespaceUnavailable");
    assertThat(t.getStatus().getConditions().get(0).getMessage())
        .isEqualTo("namespace shared belongs to tenant other");
  }

  @Test
  void aHandlerAppliedWithKubectlGetsAVersionPerSourceAndReportsItsNodes() throws Exception {
    op.kubectl("apply", "-f", OperatorHarness.writeTemp(pool()).toString());
    op.kubectl("apply", "-f", OperatorHarness.writeTemp(handler("hello v1")).toString());

    ConfigMap v1 =
        await(
            "version 1's ConfigMap",
            WAIT,
            () -> op.client.configMaps().inNamespace("loopd-acme").withName("hello-v1").get(),
            cm -> cm != null);
    assertThat(v1.getData().get("source")).contains("hello v1");
    LoopHandler h =
        await("status of version 1", WAIT, TenantsAndHandlersIT::hello, x -> version(x, "1"));
    assertThat(h.getStatus().getLatestVersion()).isEqualTo("1");
    assertThat(h.getStatus().getState()).isEqualTo("Pending"); // no node yet
    assertThat(h.getStatus().getObservedGeneration()).isEqualTo(1L);

    op.kubectl("apply", "-f", OperatorHarness.writeTemp(handler("hello v2")).toString());
    await(
        "version 2's ConfigMap",
        WAIT,
        () -> op.client.configMaps().inNamespace("loopd-acme").withName("hello-v2").get(),
        cm -> cm != null && cm.getData().get("source").contains("hello v2"));
    await("status of version 2", WAIT, TenantsAndHandlersIT::hello, x -> version(x, "2"));

    // A node of the pool applies the set with version 2: the handler is Ready on it.
    FakeNode node = new FakeNode(op, "edge-5c8f-aaaaa", "acme/edge");
    node.hello();
    await("the handler set", WAIT, node::take, m -> m != null && m.hasHandlerSet());
    node.ready();
    LoopHandler ready =
        await(
            "the handler Ready on one node",
            WAIT,
            TenantsAndHandlersIT::hello,
            x -> x.getStatus() != null && "Ready".equals(x.getStatus().getState()));
    assertThat(ready.getStatus().getReadyNodes()).isEqualTo(1);
    assertThat(ready.getStatus().getActiveVersion()).isEqualTo("2");
    assertThat(ready.getStatus().getConditions().get(0).getReason()).isEqualTo("Serving");
  }

  static LoopHandler hello() {
    return op.client.resources(LoopHandler.class).inNamespace("loopd-acme").withName("hello").get();
  }

  static boolean version(LoopHandler h, String v) {
    return h != null
        && h.getStatus() != null
        && v.equals(h.getStatus().getActiveVersion())
        && h.getStatus().getObservedGeneration() != null
        && h.getStatus().getObservedGeneration().equals(h.getMetadata().getGeneration());
  }

  static String pool() {
    return """
    apiVersion: loopd.dev/v1alpha1
    kind: LoopPool
    metadata:
      name: edge
      namespace: loopd-acme
    spec:
      replicas: 1
      autoscaling:
        mode: Manual
    """;
  }

  static String handler(String greeting) {
    return """
    apiVersion: loopd.dev/v1alpha1
    kind: LoopHandler
    metadata:
      name: hello
      namespace: loopd-acme
    spec:
      pool: edge
      source: |
        export default async () => "%s";
    """
        .formatted(greeting);
  }
}
