package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;

/**
 * The pool's PodDisruptionBudget: voluntary disruptions (node drains, cluster upgrades) take at
 * most one of its pods at a time, so a pool keeps serving while its pods move; a pool of one pod
 * can still be evicted. {@code policy/v1} from Kubernetes 1.21 on, {@code policy/v1beta1} before
 * (same fields).
 */
public final class NodeDisruptionBudget {

  private NodeDisruptionBudget() {}

  public static io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget v1(PoolModel pool) {
    return new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder()
        .withMetadata(pool.objectMeta())
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withSelector(
            new LabelSelectorBuilder().withMatchLabels(Labels.selector(pool.name())).build())
        .endSpec()
        .build();
  }

  public static io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget v1beta1(
      PoolModel pool) {
    return new io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudgetBuilder()
        .withMetadata(pool.objectMeta())
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withSelector(
            new LabelSelectorBuilder().withMatchLabels(Labels.selector(pool.name())).build())
        .endSpec()
        .build();
  }
}
