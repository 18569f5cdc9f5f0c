package dev.loopd.k8s.convert;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.proto.control.v1.Pool;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * {@link LoopPool} ⇄ {@link Pool} as the store holds it (no status). {@code generation} is {@code
 * metadata.generation}; {@code create_time} and {@code update_time} are the {@value
 * LoopdLabels#CREATE_TIME} and {@value LoopdLabels#UPDATE_TIME} annotations (the control plane's
 * clock, to the nanosecond), else {@code metadata.creationTimestamp}.
 */
public final class PoolConversions {

  private PoolConversions() {}

  /**
   * The pool {@code cr} of {@code tenant}.
   *
   * @throws InvalidResourceException when its spec does not convert (the message names the pool)
   */
  public static Pool toPool(LoopPool cr, String tenant) {
    ObjectMeta meta = cr.getMetadata();
    try {
      var created = Times.createTime(meta);
      return Pool.newBuilder()
          .setName(meta.getName())
          .setTenant(tenant)
          .setSpec(SpecConversions.toProto(cr.getSpec()))
          .setGeneration(meta.getGeneration() == null ? 0 : meta.getGeneration())
          .setCreateTime(created)
          .setUpdateTime(Times.annotation(meta, LoopdLabels.UPDATE_TIME, created))
          .build();
    } catch (InvalidResourceException e) {
      throw new InvalidResourceException(
          "LoopPool " + meta.getNamespace() + "/" + meta.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code pool} as a LoopPool in {@code namespace}. {@code currentReplicas} is the stored pool's
   * {@code spec.replicas} (null for a new pool), kept under Auto (see {@link
   * SpecConversions#fromProto(dev.loopd.proto.control.v1.PoolSpec, Integer)}).
   */
  public static LoopPool fromPool(Pool pool, String namespace, Integer currentReplicas) {
    LoopPool cr = new LoopPool();
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder().withName(pool.getName()).withNamespace(namespace);
    if (pool.hasCreateTime()) {
      meta.addToAnnotations(LoopdLabels.CREATE_TIME, Times.format(pool.getCreateTime()));
    }
    if (pool.hasUpdateTime()) {
      meta.addToAnnotations(LoopdLabels.UPDATE_TIME, Times.format(pool.getUpdateTime()));
    }
    cr.setMetadata(meta.build());
    cr.setSpec(SpecConversions.fromProto(pool.getSpec(), currentReplicas));
    return cr;
  }
}
