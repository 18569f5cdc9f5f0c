package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Objects;

/**
 * What the operator's configuration says about every pool's pods: the loop-node image, where nodes
 * dial the control plane, how long a pod may take to stop, default resources, and which
 * PodDisruptionBudget API the cluster serves.
 *
 * @param image the loop-node container image ({@code loopd.operator.node-image})
 * @param imagePullPolicy Always, IfNotPresent or Never
 * @param controlPlane host:port of the operator's node-session port, e.g. {@code
 *     loopd-operator.loopd-system.svc:7071}
 * @param preStopSleepSeconds how long a stopping pod keeps serving so that endpoints drop it before
 *     SIGTERM (0: no preStop hook)
 * @param drainGraceSeconds how long a node may finish in-flight work after SIGTERM
 * @param defaultResources resources of a pool whose spec names none (may be empty, never null)
 * @param pdbApiVersion {@code policy/v1} or {@code policy/v1beta1} (Kubernetes before 1.21)
 */
public record NodeSettings(
    String image,
    String imagePullPolicy,
    String controlPlane,
    int preStopSleepSeconds,
    int drainGraceSeconds,
    ResourceRequirements defaultResources,
    String pdbApiVersion) {

  public static final String PDB_V1 = "policy/v1";
  public static final String PDB_V1BETA1 = "policy/v1beta1";

  public NodeSettings {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(controlPlane, "controlPlane");
    imagePullPolicy = imagePullPolicy == null ? "IfNotPresent" : imagePullPolicy;
    defaultResources = defaultResources == null ? new ResourceRequirements() : defaultResources;
    if (!PDB_V1.equals(pdbApiVersion) && !PDB_V1BETA1.equals(pdbApiVersion)) {
      throw new IllegalArgumentException(
          "PodDisruptionBudget API version must be "
              + PDB_V1
              + " or "
              + PDB_V1BETA1
              + ", got "
              + pdbApiVersion);
    }
    if (preStopSleepSeconds < 0 || drainGraceSeconds < 0) {
      throw new IllegalArgumentException("preStop sleep and drain grace must not be negative");
    }
  }

  /** The pod's termination grace period: the preStop sleep, the drain, and 5 s to exit. */
  public long terminationGracePeriodSeconds() {
    return preStopSleepSeconds + drainGraceSeconds + 5L;
  }
}
