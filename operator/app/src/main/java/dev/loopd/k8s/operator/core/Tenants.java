package dev.loopd.k8s.operator.core;

import dev.loopd.k8s.convert.TenantConversions;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Optional;

/**
 * Which tenant owns which namespace, from an informer on the cluster's LoopTenants ({@code
 * spec.namespace}, default {@code loopd-<tenant>}).
 */
public final class Tenants implements AutoCloseable {

  private static final String BY_NAMESPACE = "loopd-tenant-namespace";

  private final SharedIndexInformer<LoopTenant> informer;

  public Tenants(KubernetesClient client) {
    this.informer = client.resources(LoopTenant.class).runnableInformer(0);
    informer.addIndexers(
        java.util.Map.of(BY_NAMESPACE, t -> List.of(TenantConversions.namespaceOf(t))));
  }

  /** Starts the informer and waits for its first list. */
  public Tenants start() {
    informer.run();
    return this;
  }

  /** The tenant of {@code namespace}; empty when none or more than one claim it. */
  public Optional<String> tenantOf(String namespace) {
    List<LoopTenant> owners = informer.getIndexer().byIndex(BY_NAMESPACE, namespace);
    return owners.size() == 1
        ? Optional.of(owners.get(0).getMetadata().getName())
        : Optional.empty();
  }

  public Optional<String> namespaceOf(String tenant) {
    return Optional.ofNullable(informer.getStore().getByKey(tenant))
        .map(TenantConversions::namespaceOf);
  }

  @Override
  public void close() {
    informer.stop();
  }
}
