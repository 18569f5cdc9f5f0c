package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.model.NodeDeployment;
import dev.loopd.k8s.operator.model.PoolModel;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The pool's nodes: {@link NodeDeployment}. */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR),
    createResourceOnlyIfNotExistingWithSSA = false)
public class DeploymentDependent extends OwnedDependent<Deployment> {
  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected Deployment build(PoolModel pool) {
    return NodeDeployment.build(pool);
  }
}
