package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.operator.model.PoolModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDNoGCKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One object a {@link LoopPool} owns, built by a pure builder from the pool's {@link PoolModel}
 * (which {@link LoopPoolReconciler} puts in the context before it runs the workflow). The builders
 * set the owner reference; events on the object map back to its pool through it. Deleted by the
 * workflow's cleanup once the pool's nodes have drained (not left to the garbage collector, which
 * would remove the Deployment before the drain).
 */
abstract class OwnedDependent<R extends HasMetadata>
    extends CRUDNoGCKubernetesDependentResource<R, LoopPool>
    implements SecondaryToPrimaryMapper<R> {

  OwnedDependent(Class<R> type) {
    super(type);
  }

  @Override
  protected final R desired(LoopPool primary, Context<LoopPool> context) {
    return build(PoolContext.model(context));
  }

  /** The object as it should be. */
  protected abstract R build(PoolModel pool);

  @Override
  protected void addReferenceHandlingMetadata(R desired, LoopPool primary) {
    // The builders already set the owner reference; no mapping annotations needed.
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(R resource) {
    return resource.getMetadata().getOwnerReferences().stream()
        .filter(o -> PoolModel.OWNER_KIND.equals(o.getKind()))
        .map(OwnerReference::getName)
        .map(name -> new ResourceID(name, resource.getMetadata().getNamespace()))
        .collect(Collectors.toSet());
  }
}
