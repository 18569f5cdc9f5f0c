package dev.loopd.k8s.operator.tenant;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.convert.TenantConversions;
import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.crd.v1alpha1.LoopTenantStatus;
import dev.loopd.k8s.crd.v1alpha1.UsageStatus;
import dev.loopd.k8s.operator.core.CoreHost;
import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.k8s.operator.status.ConditionTimes;
import dev.loopd.k8s.operator.status.StatusWriter;
import dev.loopd.operator.store.Store;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Makes sure a LoopTenant's namespace exists (created and labelled {@code loopd.dev/tenant} when
 * missing; never deleted with the tenant, since it may hold more than loopd put there) and reports
 * the namespace and the tenant's usage in its status.
 */
@ControllerConfiguration(name = LoopTenantReconciler.NAME)
public class LoopTenantReconciler implements Reconciler<LoopTenant> {

  public static final String NAME = "looptenant";

  static final Duration STATUS_INTERVAL = Duration.ofSeconds(15);

  private final Store store;
  private final CoreHost core;
  private final Clock clock;

  public LoopTenantReconciler(Store store, CoreHost core, Clock clock) {
    this.store = store;
    this.core = core;
    this.clock = clock;
  }

  @Override
  public UpdateControl<LoopTenant> reconcile(LoopTenant tenant, Context<LoopTenant> context) {
    String name = tenant.getMetadata().getName();
    String ns = TenantConversions.namespaceOf(tenant);
    String problem = ensureNamespace(context.getClient(), name, ns);
    StatusWriter.write(context, tenant, LoopTenant::new, t -> status(t, ns, problem), (t, s) -> {});
    return UpdateControl.<LoopTenant>noUpdate().rescheduleAfter(STATUS_INTERVAL);
  }

  /** Creates the namespace when missing; returns why it cannot be the tenant's, or null. */
  private static String ensureNamespace(KubernetesClient client, String tenant, String ns) {
    Namespace existing = client.namespaces().withName(ns).get();
    if (existing == null) {
      try {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(ns)
                    .addToLabels(LoopdLabels.TENANT, tenant)
                    .addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
                    .endMetadata()
                    .build())
            .create();
        return null;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
          return null; // created meanwhile; the next reconcile looks at it
        }
        throw e;
      }
    }
    if (existing.getMetadata().getDeletionTimestamp() != null) {
      return "namespace " + ns + " is being deleted";
    }
    String owner =
        existing.getMetadata().getLabels() == null
            ? null
            : existing.getMetadata().getLabels().get(LoopdLabels.TENANT);
    if (owner != null && !owner.equals(tenant)) {
      return "namespace " + ns + " belongs to tenant " + owner;
    }
    return null;
  }

  private LoopTenantStatus status(LoopTenant tenant, String ns, String problem) {
    String name = tenant.getMetadata().getName();
    long generation =
        tenant.getMetadata().getGeneration() == null ? 0 : tenant.getMetadata().getGeneration();
    List<Condition> current =
        tenant.getStatus() == null ? null : tenant.getStatus().getConditions();
    LoopTenantStatus s = new LoopTenantStatus();
    s.setNamespace(ns);
    UsageStatus usage = new UsageStatus();
    usage.setPools(store.pools(name).size());
    usage.setHandlers(store.handlers(name).size());
    usage.setNodes(core.core().runningNodes(name));
    s.setUsage(usage);
    s.setObservedGeneration(generation);
    s.setConditions(
        List.of(
            problem == null
                ? ConditionTimes.condition(
                    current,
                    "Ready",
                    "True",
                    "NamespaceReady",
                    "pools and handlers live in namespace " + ns,
                    generation,
                    clock)
                : ConditionTimes.condition(
                    current,
                    "Ready",
                    "False",
                    "NamespaceUnavailable",
                    problem,
                    generation,
                    clock)));
    return s;
  }
}
