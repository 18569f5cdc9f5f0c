package dev.loopd.k8s.operator;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.operator.core.CoreHost;
import dev.loopd.k8s.operator.core.Tenants;
import dev.loopd.k8s.operator.driver.KubernetesNodeDriver;
import dev.loopd.k8s.operator.model.NodeSettings;
import dev.loopd.k8s.operator.pool.PoolEvents;
import dev.loopd.k8s.store.KubernetesStore;
import dev.loopd.operator.core.PoolRef;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's parts as CDI beans: the CR-backed store, the tenant directory, the node driver,
 * the operator core, and the leader election that starts the core. The reconcilers take them
 * through their constructors (and tests build the same parts by hand).
 */
@ApplicationScoped
public class OperatorBeans {

  private static final System.Logger LOG = System.getLogger(OperatorBeans.class.getName());

  /** Shutting down: giving up the Lease is expected then, not a reason to exit with 1. */
  private static volatile boolean stopping;

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  NodeSettings nodeSettings(OperatorConfig config, KubernetesClient client) {
    String controlPlane =
        config
            .controlPlane()
            .orElseGet(() -> config.serviceName() + "." + namespace(config, client) + ".svc:7071");
    return new NodeSettings(
        config.nodeImage(),
        config.nodeImagePullPolicy(),
        controlPlane,
        config.preStopSleepSeconds(),
        config.drainGraceSeconds(),
        resources(config.nodeRequests(), config.nodeLimits()),
        pdbApiVersion(config.pdbApiVersion(), client));
  }

  @Produces
  @Singleton
  KubernetesStore kubernetesStore(OperatorConfig config, KubernetesClient client, Clock clock) {
    return new KubernetesStore(client, namespace(config, client), clock);
  }

  @Produces
  @Singleton
  Tenants tenants(KubernetesClient client) {
    return new Tenants(client);
  }

  @Produces
  @Singleton
  PoolEvents poolEvents(KubernetesClient client, Clock clock) {
    return new PoolEvents(client, clock, instance());
  }

  @Produces
  @Singleton
  KubernetesNodeDriver nodeDriver(KubernetesClient client, Tenants tenants, PoolEvents events) {
    return new KubernetesNodeDriver(
        client,
        tenants::namespaceOf,
        (pool, message) -> recordFailure(client, tenants, events, pool, message));
  }

  @Produces
  @Singleton
  CoreHost coreHost(KubernetesStore store, KubernetesNodeDriver driver, Clock clock) {
    return new CoreHost(store, driver, clock);
  }

  /**
   * The Lease {@code loopd-operator} in the operator's namespace; the replica holding it runs the
   * reconcilers and the operator core. Losing it ends the process (Kubernetes restarts it as a
   * follower), so two replicas never scale the same pool.
   */
  @Produces
  @Singleton
  LeaderElectionConfiguration leaderElection(
      OperatorConfig config, KubernetesClient client, CoreHost core) {
    OperatorConfig.LeaderElection le = config.leaderElection();
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(le.leaseName())
        .withLeaseNamespace(namespace(config, client))
        .withIdentity(instance())
        .withLeaseDuration(le.leaseDuration())
        .withRenewDeadline(le.renewDeadline())
        .withRetryPeriod(le.retryPeriod())
        .withLeaderCallbacks(
            new LeaderCallbacks(
                core::startLeading,
                () -> {
                  core.stopLeading();
                  if (!stopping) {
                    LOG.log(System.Logger.Level.WARNING, "lost the leader Lease: exiting");
                    Quarkus.asyncExit(1);
                  }
                },
                leader -> LOG.log(System.Logger.Level.INFO, "the leader is {0}", leader)))
        .build();
  }

  /**
   * Fills the informers (store, tenants, pods) on the main thread before the Operator SDK starts
   * the reconcilers. Not in the producers: the gRPC server creates its services (and so the core
   * and what it needs) on a Vert.x event loop, the same the Kubernetes client answers on.
   */
  void start(
      @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event,
      KubernetesStore store,
      Tenants tenants,
      KubernetesNodeDriver driver) {
    store.start();
    tenants.start();
    driver.start();
    LOG.log(System.Logger.Level.INFO, "store, tenants and pods are in sync with the API server");
  }

  void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
    stopping = true;
  }

  void stop(
      @Observes ShutdownEvent event,
      CoreHost core,
      KubernetesNodeDriver driver,
      Tenants tenants,
      KubernetesStore store) {
    // Nodes keep serving: the next leader adopts them. Nothing is drained here.
    core.close();
    driver.flush(java.time.Duration.ofSeconds(5));
    driver.close();
    tenants.close();
    store.close();
  }

  static String namespace(OperatorConfig config, KubernetesClient client) {
    return config
        .namespace()
        .or(() -> Optional.ofNullable(System.getenv("POD_NAMESPACE")))
        .or(() -> Optional.ofNullable(client.getNamespace()))
        .orElse("default");
  }

  /** This replica's name: the pod's, else the host's. */
  static String instance() {
    return Optional.ofNullable(System.getenv("POD_NAME"))
        .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
        .orElse("loopd-operator");
  }

  static ResourceRequirements resources(Map<String, String> requests, Map<String, String> limits) {
    ResourceRequirementsBuilder b = new ResourceRequirementsBuilder();
    requests.forEach((k, v) -> b.addToRequests(k, new Quantity(v)));
    limits.forEach((k, v) -> b.addToLimits(k, new Quantity(v)));
    return b.build();
  }

  /** {@code auto}: {@code policy/v1} when the cluster serves it (1.21+), else {@code v1beta1}. */
  static String pdbApiVersion(String configured, KubernetesClient client) {
    if (!"auto".equals(configured)) {
      return configured;
    }
    boolean v1 =
        client.supports(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
    String version = v1 ? NodeSettings.PDB_V1 : NodeSettings.PDB_V1BETA1;
    LOG.log(System.Logger.Level.INFO, "PodDisruptionBudgets: {0} (from discovery)", version);
    return version;
  }

  private static void recordFailure(
      KubernetesClient client, Tenants tenants, PoolEvents events, PoolRef pool, String message) {
    tenants
        .namespaceOf(pool.tenant())
        .ifPresent(ns -> {
          try {
            LoopPool cr =
                client.resources(LoopPool.class).inNamespace(ns).withName(pool.name()).get();
            if (cr != null) {
              events.nodeFailed(cr, "ScaleFailed", message);
            }
          } catch (KubernetesClientException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read LoopPool {0}: {1}", pool, e);
          }
        });
  }
}
