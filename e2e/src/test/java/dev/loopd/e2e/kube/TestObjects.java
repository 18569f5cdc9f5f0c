package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The objects {@link FakeKubeletIT} creates. */
final class TestObjects {

  private TestObjects() {}

  /**
   * Deployment {@code hello}: one {@code loop-node serve} container bound to {@code $(POD_IP)} with
   * handler {@code hello}, node id {@code $(POD_NAME)-$(GREETING)} (GREETING from ConfigMap {@code
   * greeting}), startup, readiness and liveness probes, a {@code preStop} sleep of 1 s.
   */
  static Deployment helloDeployment(Path handler) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("hello")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", "hello")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "hello")
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(20L)
        .addNewContainer()
        .withName("node")
        .withImage("ghcr.io/loopd/loop-node:dev")
        .withArgs(
            "serve",
            "--host",
            "$(POD_IP)",
            "--handler",
            "hello=" + handler,
            "--node-id",
            "$(POD_NAME)-$(GREETING)",
            "--grace-period-ms",
            "5000")
        .addNewEnv()
        .withName("POD_IP")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("status.podIP")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("POD_NAME")
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.name")
        .endFieldRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("GREETING")
        .withNewValueFrom()
        .withNewConfigMapKeyRef("word", "greeting", false)
        .endValueFrom()
        .endEnv()
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .withNewStartupProbe()
        .withNewHttpGet()
        .withPath("/healthz/live")
        .withPort(new IntOrString("http"))
        .endHttpGet()
        .withPeriodSeconds(1)
        .withFailureThreshold(120)
        .endStartupProbe()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/healthz/ready")
        .withPort(new IntOrString("http"))
        .endHttpGet()
        .withPeriodSeconds(1)
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewTcpSocket()
        .withPort(new IntOrString(8080))
        .endTcpSocket()
        .withPeriodSeconds(2)
        .endLivenessProbe()
        .withNewLifecycle()
        .withNewPreStop()
        .withNewExec()
        .withCommand("sleep", "1")
        .endExec()
        .endPreStop()
        .endLifecycle()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Service {@code hello} on 8080 for the pods of Deployment {@code hello}. */
  static Service helloService() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("hello")
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", "hello")
        .addNewPort()
        .withPort(8080)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  /** A one-container pod (container "main") of {@code image}, grace period 1 s. */
  static Pod pod(String name, String image, UnaryOperator<ContainerBuilder> container) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(1L)
        .withContainers(
            container.apply(new ContainerBuilder().withName("main").withImage(image)).build())
        .endSpec()
        .build();
  }

  static Pod sleeper(String name, UnaryOperator<ContainerBuilder> container) {
    return pod(name, "loopd/sleeper", container);
  }
}
