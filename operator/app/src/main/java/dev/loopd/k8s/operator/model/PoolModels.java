package dev.loopd.k8s.operator.model;

import dev.loopd.k8s.crd.v1alpha1.BlockingPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.operator.core.PoolDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** {@link PoolModel} of a {@link LoopPool}. */
public final class PoolModels {

  private PoolModels() {}

  public static PoolModel from(LoopPool pool, String tenant, NodeSettings settings) {
    LoopPoolSpec spec = pool.getSpec() == null ? new LoopPoolSpec() : pool.getSpec();
    return new PoolModel(
        pool.getMetadata().getNamespace(),
        pool.getMetadata().getName(),
        pool.getMetadata().getUid(),
        HasMetadata.getApiVersion(LoopPool.class),
        tenant,
        replicas(spec),
        null, // LoopPoolSpec has no resources yet: every pool takes the operator's defaults
        blockingPool(spec.getBlockingPool()),
        settings);
  }

  /**
   * Pods to run: {@code spec.replicas} (kubectl scale under Manual, the autoscaler under Auto);
   * before either wrote it, {@code minNodes}, else the default minimum.
   */
  public static int replicas(LoopPoolSpec spec) {
    if (spec.getReplicas() != null) {
      return spec.getReplicas();
    }
    if (spec.getMinNodes() != null) {
      return spec.getMinNodes();
    }
    return PoolDefaults.MIN_NODES;
  }

  static PoolModel.BlockingPool blockingPool(BlockingPoolSpec s) {
    if (s == null) {
      return PoolModel.BlockingPool.DEFAULT;
    }
    return new PoolModel.BlockingPool(
        s.getSize(),
        s.getMinSize(),
        s.getMaxSize(),
        s.getTuning() == null
            ? null
            : switch (s.getTuning()) {
              case FIXED -> "Fixed";
              case ADAPTIVE -> "Adaptive";
            },
        s.getQueueCapacity());
  }
}
