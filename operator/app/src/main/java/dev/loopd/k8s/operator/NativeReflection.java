package dev.loopd.k8s.operator;

import dev.loopd.k8s.crd.v1alpha1.AutoscalingMode;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingSpec;
import dev.loopd.k8s.crd.v1alpha1.BlockingPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.BlockingPoolTuning;
import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LimitsSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopHandlerSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopHandlerStatus;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolStatus;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.crd.v1alpha1.LoopTenantSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopTenantStatus;
import dev.loopd.k8s.crd.v1alpha1.QuotasSpec;
import dev.loopd.k8s.crd.v1alpha1.ScalingEventStatus;
import dev.loopd.k8s.crd.v1alpha1.SourceErrorStatus;
import dev.loopd.k8s.crd.v1alpha1.UsageStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * For the native image (-Pnative): Jackson reads and writes the custom resources by reflection. The
 * Operator SDK registers the three resources it reconciles; this names every class they are made
 * of, nested sections and enums included. The operator's own code uses no reflection.
 */
@RegisterForReflection(
    targets = {
      LoopTenant.class,
      LoopTenantSpec.class,
      LoopTenantStatus.class,
      QuotasSpec.class,
      UsageStatus.class,
      LoopPool.class,
      LoopPoolSpec.class,
      LoopPoolStatus.class,
      AutoscalingSpec.class,
      AutoscalingMode.class,
      BlockingPoolSpec.class,
      BlockingPoolTuning.class,
      LimitsSpec.class,
      ScalingEventStatus.class,
      Condition.class,
      LoopHandler.class,
      LoopHandlerSpec.class,
      LoopHandlerStatus.class,
      SourceErrorStatus.class
    })
final class NativeReflection {
  private NativeReflection() {}
}
