package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolStatus;
import dev.loopd.k8s.operator.core.CoreHost;
import dev.loopd.k8s.operator.core.Tenants;
import dev.loopd.k8s.operator.driver.KubernetesNodeDriver;
import dev.loopd.k8s.operator.model.NodeSettings;
import dev.loopd.k8s.operator.model.PoolModels;
import dev.loopd.k8s.operator.status.StatusWriter;
import dev.loopd.operator.core.PoolRef;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a LoopPool's Deployment, Service, ServiceAccount and PodDisruptionBudget as its spec says
 * and its status as the operator core and Kubernetes observe it.
 *
 * <p>Reconcile: resolve the pool's tenant, build its model, run the workflow (one dependent per
 * object), follow its scaling events, write its status. Status is refreshed every {@link
 * #STATUS_INTERVAL} as well (nodes change without the LoopPool changing).
 *
 * <p>Delete (finalizer {@value #FINALIZER}): the core drains the pool's nodes first; once none is
 * left the workflow deletes the objects and the LoopPool goes.
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = Dependents.SERVICE_ACCOUNT, type = ServiceAccountDependent.class),
      @Dependent(
          name = Dependents.DEPLOYMENT,
          type = DeploymentDependent.class,
          dependsOn = Dependents.SERVICE_ACCOUNT),
      @Dependent(name = Dependents.SERVICE, type = ServiceDependent.class),
      @Dependent(
          name = Dependents.PDB_V1,
          type = PdbV1Dependent.class,
          activationCondition = PdbApiVersion.V1.class),
      @Dependent(
          name = Dependents.PDB_V1BETA1,
          type = PdbV1beta1Dependent.class,
          activationCondition = PdbApiVersion.V1beta1.class)
    })
@ControllerConfiguration(
    name = LoopPoolReconciler.NAME,
    finalizerName = LoopPoolReconciler.FINALIZER)
public class LoopPoolReconciler implements Reconciler<LoopPool>, Cleaner<LoopPool> {

  private static final System.Logger LOG = System.getLogger(LoopPoolReconciler.class.getName());

  public static final String NAME = "looppool";

  /** Holds a LoopPool until its nodes drained. */
  public static final String FINALIZER = "loopd.dev/drain";

  static final Duration STATUS_INTERVAL = Duration.ofSeconds(5);
  static final Duration DRAIN_POLL = Duration.ofSeconds(1);

  private final NodeSettings settings;
  private final Tenants tenants;
  private final CoreHost core;
  private final KubernetesNodeDriver driver;
  private final PoolEvents events;
  private final Clock clock;

  /** Test hook: runs just before a status write (e.g. to make it stale). */
  volatile Consumer<LoopPool> beforeStatusWrite = p -> {};

  public LoopPoolReconciler(
      NodeSettings settings,
      Tenants tenants,
      CoreHost core,
      KubernetesNodeDriver driver,
      PoolEvents events,
      Clock clock) {
    this.settings = settings;
    this.tenants = tenants;
    this.core = core;
    this.driver = driver;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public UpdateControl<LoopPool> reconcile(LoopPool pool, Context<LoopPool> context) {
    String ns = pool.getMetadata().getNamespace();
    Optional<String> tenant = tenants.tenantOf(ns);
    if (tenant.isEmpty()) {
      writeStatus(
          pool,
          context,
          p ->
              aggregator(p)
                  .degraded(
                      "NoTenant",
                      "no LoopTenant has namespace \""
                          + ns
                          + "\"; create one with spec.namespace: "
                          + ns));
      return UpdateControl.<LoopPool>noUpdate().rescheduleAfter(STATUS_INTERVAL);
    }
    PoolRef ref = new PoolRef(tenant.get(), pool.getMetadata().getName());
    PoolContext.put(context, PoolModels.from(pool, tenant.get(), settings));
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    core.follow(ref, event -> events.scaling(pool, event));
    writeStatus(pool, context, p -> observed(p, ref, context));
    return UpdateControl.<LoopPool>noUpdate().rescheduleAfter(STATUS_INTERVAL);
  }

  @Override
  public DeleteControl cleanup(LoopPool pool, Context<LoopPool> context) {
    Optional<String> tenant = tenants.tenantOf(pool.getMetadata().getNamespace());
    if (tenant.isPresent()) {
      PoolRef ref = new PoolRef(tenant.get(), pool.getMetadata().getName());
      core.beginDelete(ref);
      if (!core.drained(ref)) {
        LOG.log(System.Logger.Level.DEBUG, "pool {0}: waiting for its nodes to drain", ref);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(DRAIN_POLL);
      }
      PoolContext.put(context, PoolModels.from(pool, tenant.get(), settings));
      context.managedWorkflowAndDependentResourceContext().cleanupManageWorkflow();
      core.deleted(ref);
    } else {
      // No tenant, so no core pool and no model: the objects (if any) go with the owner.
      PoolContext.put(context, PoolModels.from(pool, "unknown", settings));
      context.managedWorkflowAndDependentResourceContext().cleanupManageWorkflow();
    }
    LOG.log(
        System.Logger.Level.INFO,
        "LoopPool {0}/{1} drained and deleted",
        pool.getMetadata().getNamespace(),
        pool.getMetadata().getName());
    return DeleteControl.defaultDelete();
  }

  private PoolStatusAggregator aggregator(LoopPool pool) {
    return new PoolStatusAggregator(pool, clock);
  }

  private PoolStatusAggregator observed(LoopPool pool, PoolRef ref, Context<LoopPool> context) {
    Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
    var a = aggregator(pool).core(core.status(ref), core.health(ref));
    core.invalid(ref).ifPresent(why -> a.degraded("InvalidSpec", why));
    PodProblems.find(
            deployment,
            driver.pods(pool.getMetadata().getNamespace(), pool.getMetadata().getName()))
        .ifPresent(p -> a.degraded(p.reason(), p.message()));
    return a;
  }

  /** Writes the status {@code aggregate} builds when it changed (see {@link StatusWriter}). */
  private void writeStatus(
      LoopPool pool,
      Context<LoopPool> context,
      Function<LoopPool, PoolStatusAggregator> aggregate) {
    StatusWriter.write(
        context,
        pool,
        LoopPool::new,
        p -> aggregate.apply(p).build(),
        (p, next) -> {
          notifyNodeFailure(p, next);
          beforeStatusWrite.accept(p);
        });
  }

  /** A Warning event when the pool becomes Degraded because nodes cannot start. */
  private void notifyNodeFailure(LoopPool pool, LoopPoolStatus next) {
    var now = degraded(next);
    var before = degraded(pool.getStatus());
    if (now.isPresent()
        && now.get().getReason() != null
        && now.get().getReason().startsWith("Node")
        && (before.isEmpty()
            || !Objects.equals(before.get().getMessage(), now.get().getMessage()))) {
      events.nodeFailed(pool, now.get().getReason(), now.get().getMessage());
    }
  }

  private static Optional<dev.loopd.k8s.crd.v1alpha1.Condition> degraded(LoopPoolStatus s) {
    if (s == null || s.getConditions() == null) {
      return Optional.empty();
    }
    return s.getConditions().stream()
        .filter(c -> PoolStatusAggregator.DEGRADED.equals(c.getType()))
        .filter(c -> "True".equals(c.getStatus()))
        .findFirst();
  }
}
