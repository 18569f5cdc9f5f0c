package dev.loopd.k8s.operator.pool;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Why a pool's pods do not start, as Kubernetes reports it: the Deployment cannot create pods
 * (quota, admission), a pod cannot be scheduled, or its container cannot run (image, crash loop).
 */
final class PodProblems {

  /** Container waiting reasons that will not resolve by themselves. */
  static final Set<String> FAILING =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "InvalidImageName",
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError");

  /** A problem: the Degraded condition's reason and message. */
  record Problem(String reason, String message) {}

  private PodProblems() {}

  static Optional<Problem> find(Deployment deployment, Collection<Pod> pods) {
    if (deployment != null && deployment.getStatus() != null) {
      for (DeploymentCondition c : deployment.getStatus().getConditions()) {
        if ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())) {
          return Optional.of(
              new Problem(
                  "NodeFailed", "the Deployment cannot create pods: " + nonNull(c.getMessage())));
        }
      }
    }
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
        continue;
      }
      String name = pod.getMetadata().getName();
      for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
        var waiting = cs.getState() == null ? null : cs.getState().getWaiting();
        if (waiting != null && FAILING.contains(waiting.getReason())) {
          return Optional.of(
              new Problem(
                  "NodeFailed",
                  "pod "
                      + name
                      + ": "
                      + waiting.getReason()
                      + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage())));
        }
      }
      for (PodCondition c : pod.getStatus().getConditions()) {
        if ("PodScheduled".equals(c.getType())
            && "False".equals(c.getStatus())
            && "Unschedulable".equals(c.getReason())) {
          return Optional.of(
              new Problem(
                  "NodeUnschedulable",
                  "pod " + name + " cannot be scheduled: " + nonNull(c.getMessage())));
        }
      }
    }
    return Optional.empty();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
