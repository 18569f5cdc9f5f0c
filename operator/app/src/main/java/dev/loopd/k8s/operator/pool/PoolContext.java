package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.operator.model.PoolModel;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** Hands the reconciled pool's {@link PoolModel} to the dependents through the workflow context. */
final class PoolContext {

  private static final String KEY = PoolModel.class.getName();

  private PoolContext() {}

  static void put(Context<LoopPool> context, PoolModel model) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, model);
  }

  static PoolModel model(Context<LoopPool> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, PoolModel.class);
  }
}
