package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.model.NodeServiceAccount;
import dev.loopd.k8s.operator.model.PoolModel;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The pool's pods' identity: {@link NodeServiceAccount}. */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR),
    createResourceOnlyIfNotExistingWithSSA = false)
public class ServiceAccountDependent extends OwnedDependent<ServiceAccount> {
  public ServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected ServiceAccount build(PoolModel pool) {
    return NodeServiceAccount.build(pool);
  }
}
