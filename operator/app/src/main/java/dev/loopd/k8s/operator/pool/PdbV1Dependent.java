package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.model.NodeDisruptionBudget;
import dev.loopd.k8s.operator.model.PoolModel;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The pool's PodDisruptionBudget on Kubernetes 1.21 and later ({@code policy/v1}). */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR),
    createResourceOnlyIfNotExistingWithSSA = false)
public class PdbV1Dependent extends OwnedDependent<PodDisruptionBudget> {
  public PdbV1Dependent() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected PodDisruptionBudget build(PoolModel pool) {
    return NodeDisruptionBudget.v1(pool);
  }
}
