package dev.loopd.k8s.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodeDeploymentTest {

  @Test
  void podsServeThePoolAndDialTheOperatorAsTheirPod() {
    Container c = container(Pools.web());

    assertThat(c.getImage()).isEqualTo("ghcr.io/loopd/loop-node:0.1.0");
    assertThat(c.getArgs())
        .containsSequence("serve", "--host", "$(POD_IP)", "--node-id", "$(POD_NAME)")
        .containsSequence("--tenant", "acme", "--pool", "acme/web")
        .containsSequence("--control-plane", "loopd-operator.loopd-system.svc:7071")
        .containsSequence("--http-port", "8080")
        .containsSequence("--grpc-port", "9090")
        .containsSequence("--grace-period-ms", "30000")
        .containsSequence("--after-drain", "wait");
    Map<String, String> fieldRefs =
        c.getEnv().stream()
            .collect(
                Collectors.toMap(
                    EnvVar::getName, e -> e.getValueFrom().getFieldRef().getFieldPath()));
    assertThat(fieldRefs)
        .containsEntry("POD_IP", "status.podIP")
        .containsEntry("POD_NAME", "metadata.name");
    assertThat(c.getPorts())
        .extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactly("http:8080", "grpc:9090");
  }

  @Test
  void readinessAndLivenessAreTheNodesHealthzOnTheHttpPort() {
    Container c = container(Pools.web());

    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/healthz/ready");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz/live");
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz/live");
  }

  @Test
  void stoppingSleepsBeforeSigtermAndTheGracePeriodCoversSleepAndDrain() {
    Deployment d = NodeDeployment.build(Pools.web());
    PodSpec pod = d.getSpec().getTemplate().getSpec();

    assertThat(pod.getContainers().get(0).getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("sleep", "5");
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(40L); // 5 + 30 + 5
  }

  @Test
  void noPreStopHookWhenTheSleepIsZero() {
    NodeSettings s = Pools.SETTINGS;
    NodeSettings noSleep =
        new NodeSettings(
            s.image(), s.imagePullPolicy(), s.controlPlane(), 0, 30, null, s.pdbApiVersion());
    PoolModel p = Pools.web();
    PoolModel pool =
        new PoolModel(
            p.namespace(),
            p.name(),
            p.uid(),
            p.ownerApiVersion(),
            p.tenant(),
            1,
            null,
            null,
            noSleep);

    assertThat(container(pool).getLifecycle()).isNull();
    assertThat(
            NodeDeployment.build(pool)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getTerminationGracePeriodSeconds())
        .isEqualTo(35L);
  }

  @Test
  void replicasLabelsSelectorAndOwnerComeFromThePool() {
    Deployment d = NodeDeployment.build(Pools.web());

    assertThat(d.getMetadata().getName()).isEqualTo("web");
    assertThat(d.getMetadata().getNamespace()).isEqualTo("loopd-acme");
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .containsExactly(
            entry("app.kubernetes.io/name", "loop-node"), entry("loopd.dev/pool", "web"));
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", "web")
        .containsEntry("app.kubernetes.io/part-of", "loopd")
        .containsEntry("app.kubernetes.io/managed-by", "loopd-operator")
        .containsEntry("app.kubernetes.io/component", "node")
        .containsEntry("loopd.dev/tenant", "acme");
    assertThat(d.getMetadata().getLabels())
        .isEqualTo(d.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(d.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> {
          assertThat(o.getKind()).isEqualTo("LoopPool");
          assertThat(o.getApiVersion()).isEqualTo("loopd.dev/v1alpha1");
          assertThat(o.getName()).isEqualTo("web");
          assertThat(o.getUid()).isEqualTo("0b6b5f4e-1111-2222-3333-444455556666");
          assertThat(o.getController()).isTrue();
          assertThat(o.getBlockOwnerDeletion()).isTrue();
        });
  }

  @Test
  void podsMountNoTokenAndRunAsThePoolsServiceAccount() {
    PodSpec pod = NodeDeployment.build(Pools.web()).getSpec().getTemplate().getSpec();

    assertThat(pod.getServiceAccountName()).isEqualTo("web");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getContainers().get(0).getSecurityContext().getAllowPrivilegeEscalation())
        .isFalse();
  }

  @Test
  void rollingUpdateKeepsCapacity() {
    Deployment d = NodeDeployment.build(Pools.web());

    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isOne();
  }

  @Test
  void resourcesComeFromThePoolElseTheOperatorDefaults() {
    assertThat(container(Pools.withResources(Pools.cpuLimit("2"))).getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(container(Pools.web()).getResources().getLimits()).isNullOrEmpty();
  }

  @Test
  void blockingPoolSizeComesFromTheSpec() {
    PoolModel pool =
        Pools.withBlockingPool(
            new PoolModel.BlockingPool(6, null, null, "Fixed", 512), Pools.cpuLimit("2"));

    assertThat(container(pool).getArgs())
        .containsSequence("--pool-tuning", "fixed")
        .containsSequence("--pool-size", "6")
        .containsSequence("--pool-queue", "512");
  }

  @Test
  void blockingPoolSizeFollowsTheCpuLimitRoundedUpWhenTheSpecHasNone() {
    assertThat(container(Pools.withResources(Pools.cpuLimit("1500m"))).getArgs())
        .containsSequence("--pool-size", "2");
    assertThat(container(Pools.withResources(Pools.cpuLimit("250m"))).getArgs())
        .containsSequence("--pool-size", "1");
  }

  @Test
  void withoutSizeOrCpuLimitTheNodeSizesItsOwnPool() {
    assertThat(container(Pools.web()).getArgs()).doesNotContain("--pool-size");
  }

  @Test
  void adaptivePoolsPassTheirBounds() {
    PoolModel pool =
        Pools.withBlockingPool(new PoolModel.BlockingPool(null, 2, 16, "Adaptive", null), null);

    List<String> args = container(pool).getArgs();
    assertThat(args)
        .containsSequence("--pool-tuning", "adaptive")
        .containsSequence("--pool-min", "2")
        .containsSequence("--pool-max", "16")
        .doesNotContain("--pool-queue");
  }

  private static Container container(PoolModel pool) {
    return NodeDeployment.build(pool).getSpec().getTemplate().getSpec().getContainers().get(0);
  }
}
