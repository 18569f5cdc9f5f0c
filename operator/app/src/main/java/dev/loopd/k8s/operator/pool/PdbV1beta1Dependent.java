package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.model.NodeDisruptionBudget;
import dev.loopd.k8s.operator.model.PoolModel;
import io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The pool's PodDisruptionBudget before Kubernetes 1.21 ({@code policy/v1beta1}). */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR),
    createResourceOnlyIfNotExistingWithSSA = false)
public class PdbV1beta1Dependent extends OwnedDependent<PodDisruptionBudget> {
  public PdbV1beta1Dependent() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected PodDisruptionBudget build(PoolModel pool) {
    return NodeDisruptionBudget.v1beta1(pool);
  }
}
