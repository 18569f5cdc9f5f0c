package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.operator.model.NodeSettings;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation conditions of the two PodDisruptionBudget dependents: exactly one is active, the one
 * of the API version the operator's settings name (found from discovery at start unless
 * configured). The inactive one never starts an informer, so a v1.20 server is never asked for
 * {@code policy/v1}.
 */
final class PdbApiVersion {

  private PdbApiVersion() {}

  private static boolean is(Context<LoopPool> context, String apiVersion) {
    return apiVersion.equals(PoolContext.model(context).settings().pdbApiVersion());
  }

  /** Active on clusters serving {@code policy/v1}. */
  public static final class V1 implements Condition<Object, LoopPool> {
    @Override
    public boolean isMet(
        DependentResource<Object, LoopPool> dependent, LoopPool primary, Context<LoopPool> ctx) {
      return is(ctx, NodeSettings.PDB_V1);
    }
  }

  /** Active on clusters before 1.21. */
  public static final class V1beta1 implements Condition<Object, LoopPool> {
    @Override
    public boolean isMet(
        DependentResource<Object, LoopPool> dependent, LoopPool primary, Context<LoopPool> ctx) {
      return is(ctx, NodeSettings.PDB_V1BETA1);
    }
  }
}
