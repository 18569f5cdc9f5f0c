package dev.loopd.k8s.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import org.junit.jupiter.api.Test;

class NodeObjectsTest {

  @Test
  void theServiceExposesHttpAndGrpcOfThePoolsPods() {
    Service s = NodeService.build(Pools.web());

    assertThat(s.getMetadata().getName()).isEqualTo("web");
    assertThat(s.getSpec().getSelector()).isEqualTo(Labels.selector("web"));
    assertThat(s.getSpec().getPorts())
        .extracting(p -> p.getName() + ":" + p.getPort() + "->" + p.getTargetPort().getStrVal())
        .containsExactly("http:8080->http", "grpc:9090->grpc");
    assertThat(s.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(Pools.web().uid()));
  }

  @Test
  void theServiceAccountMountsNoToken() {
    ServiceAccount sa = NodeServiceAccount.build(Pools.web());

    assertThat(sa.getMetadata().getName()).isEqualTo("web");
    assertThat(sa.getAutomountServiceAccountToken()).isFalse();
    assertThat(sa.getMetadata().getOwnerReferences()).hasSize(1);
  }

  @Test
  void theDisruptionBudgetLetsOnePodGoAtATimeInBothApiVersions() {
    var v1 = NodeDisruptionBudget.v1(Pools.web());
    var beta = NodeDisruptionBudget.v1beta1(Pools.web());

    assertThat(v1.getApiVersion()).isEqualTo("policy/v1");
    assertThat(beta.getApiVersion()).isEqualTo("policy/v1beta1");
    assertThat(v1.getSpec().getMaxUnavailable().getIntVal()).isOne();
    assertThat(beta.getSpec().getMaxUnavailable().getIntVal()).isOne();
    assertThat(v1.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector("web"));
    assertThat(beta.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector("web"));
    assertThat(beta.getMetadata().getOwnerReferences()).hasSize(1);
  }

  @Test
  void selectorStringMatchesTheSelector() {
    assertThat(Labels.selectorString("web"))
        .isEqualTo("app.kubernetes.io/name=loop-node,loopd.dev/pool=web");
  }

  @Test
  void settingsRefuseAnUnknownDisruptionBudgetVersion() {
    assertThatThrownBy(() -> new NodeSettings("img", null, "cp:7071", 5, 30, null, "policy/v2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy/v1beta1");
  }
}
