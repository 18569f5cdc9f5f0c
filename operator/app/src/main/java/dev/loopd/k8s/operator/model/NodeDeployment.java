package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Deployment whose pods are a pool's nodes (ADR 004): each pod runs {@code loop-node serve}
 * dialing the operator's node session, named after its pod, listening on its pod IP; readiness
 * {@code /healthz/ready} and liveness {@code /healthz/live} on the HTTP port; a preStop sleep so
 * that endpoints drop the pod before SIGTERM starts the node's drain, and a grace period that
 * covers both.
 */
public final class NodeDeployment {

  public static final String CONTAINER = "loop-node";
  public static final int HTTP_PORT = 8080;
  public static final int GRPC_PORT = 9090;

  private NodeDeployment() {}

  public static Deployment build(PoolModel pool) {
    NodeSettings s = pool.settings();
    return new DeploymentBuilder()
        .withMetadata(pool.objectMeta())
        .withNewSpec()
        .withReplicas(pool.replicas())
        .withRevisionHistoryLimit(3)
        .withNewSelector()
        .withMatchLabels(Labels.selector(pool.name()))
        .endSelector()
        // Keep the pool's capacity while a changed spec rolls out: one extra pod at a time.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(pool))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(pool.name())
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withTerminationGracePeriodSeconds(s.terminationGracePeriodSeconds())
        .withNewSecurityContext()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(pool))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Container container(PoolModel pool) {
    NodeSettings s = pool.settings();
    ContainerBuilder c =
        new ContainerBuilder()
            .withName(CONTAINER)
            .withImage(s.image())
            .withImagePullPolicy(s.imagePullPolicy())
            .withArgs(args(pool))
            .withEnv(env())
            .addNewPort()
            .withName("http")
            .withContainerPort(HTTP_PORT)
            .withProtocol("TCP")
            .endPort()
            .addNewPort()
            .withName("grpc")
            .withContainerPort(GRPC_PORT)
            .withProtocol("TCP")
            .endPort()
            .withResources(pool.effectiveResources())
            .withStartupProbe(probe("/healthz/live", 2, 90))
            .withReadinessProbe(probe("/healthz/ready", 2, 2))
            .withLivenessProbe(probe("/healthz/live", 10, 3))
            .withNewSecurityContext()
            .withAllowPrivilegeEscalation(false)
            .withNewCapabilities()
            .withDrop("ALL")
            .endCapabilities()
            .endSecurityContext();
    if (s.preStopSleepSeconds() > 0) {
      c.withLifecycle(preStop(s.preStopSleepSeconds()));
    }
    return c.build();
  }

  /** {@code loop-node serve ...}; {@code $(VAR)} is expanded by the kubelet from {@link #env}. */
  static List<String> args(PoolModel pool) {
    NodeSettings s = pool.settings();
    List<String> args = new ArrayList<>();
    args.addAll(List.of("serve", "--host", "$(POD_IP)", "--node-id", "$(POD_NAME)"));
    args.addAll(List.of("--http-port", Integer.toString(HTTP_PORT)));
    args.addAll(List.of("--grpc-port", Integer.toString(GRPC_PORT)));
    args.addAll(List.of("--tenant", pool.tenant(), "--pool", pool.sessionPool()));
    args.addAll(List.of("--control-plane", s.controlPlane()));
    args.addAll(List.of("--grace-period-ms", Long.toString(s.drainGraceSeconds() * 1000L)));
    // A drained node waits for its pod's end: an exit would only restart the container.
    args.addAll(List.of("--after-drain", "wait"));
    PoolModel.BlockingPool bp = pool.blockingPool();
    OptionalInt size = pool.blockingPoolSize();
    if (bp.adaptive()) {
      args.addAll(List.of("--pool-tuning", "adaptive"));
      if (bp.minSize() != null && bp.minSize() > 0) {
        args.addAll(List.of("--pool-min", bp.minSize().toString()));
      }
      if (bp.maxSize() != null && bp.maxSize() > 0) {
        args.addAll(List.of("--pool-max", bp.maxSize().toString()));
      }
    } else {
      args.addAll(List.of("--pool-tuning", "fixed"));
    }
    size.ifPresent(n -> args.addAll(List.of("--pool-size", Integer.toString(n))));
    if (bp.queueCapacity() != null && bp.queueCapacity() > 0) {
      args.addAll(List.of("--pool-queue", bp.queueCapacity().toString()));
    }
    return args;
  }

  static List<EnvVar> env() {
    return List.of(
        fieldRef("POD_IP", "status.podIP"),
        fieldRef("POD_NAME", "metadata.name"),
        fieldRef("POD_NAMESPACE", "metadata.namespace"));
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString("http"))
        .withScheme("HTTP")
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(1)
        .withSuccessThreshold(1)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  /** Sleep first: endpoints stop sending new requests before SIGTERM starts the drain. */
  private static Lifecycle preStop(int seconds) {
    return new LifecycleBuilder()
        .withNewPreStop()
        .withNewExec()
        .withCommand("sleep", Integer.toString(seconds))
        .endExec()
        .endPreStop()
        .build();
  }
}
