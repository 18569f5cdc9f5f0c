package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.model.NodeService;
import dev.loopd.k8s.operator.model.PoolModel;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The pool's data plane Service: {@link NodeService}. */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR),
    createResourceOnlyIfNotExistingWithSSA = false)
public class ServiceDependent extends OwnedDependent<Service> {
  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service build(PoolModel pool) {
    return NodeService.build(pool);
  }
}
