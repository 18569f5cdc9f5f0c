package dev.loopd.k8s.operator.driver;

import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.operator.core.Conflicts;
import dev.loopd.k8s.operator.model.Labels;
import dev.loopd.operator.core.NodeDriver;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Nodes as pods of the pool's Deployment (ADR 004). The operator core decides how many nodes a pool
 * needs; this driver writes that count to {@code LoopPool.spec.replicas} through the scale
 * subresource, and the LoopPool reconciler carries it to the Deployment.
 *
 * <ul>
 *   <li>{@link #startNode} returns empty (the pod's name is the node's id) and sizes the pool to
 *       what the core wants: its desired nodes plus the nodes still draining. The call sets that
 *       count rather than adding one (the core asks again for a start whose pod never connected),
 *       and never lowers the replicas.
 *   <li>{@link #stopNode} (after the core drained the node, or gave up on it) lowers the replicas
 *       to the same count, and makes sure the ReplicaSet removes that pod and not another: from
 *       Kubernetes 1.22 on, the pod gets the lowest {@code
 *       controller.kubernetes.io/pod-deletion-cost} first; before 1.22 (the annotation is ignored
 *       and the ReplicaSet would remove its youngest ready pod) the pod is deleted first, and the
 *       replacement the ReplicaSet starts for it, still unready when the count comes down, is the
 *       one removed. When the count does not go down (a lost node the core replaces) the pod is
 *       deleted and the ReplicaSet starts another.
 *   <li>{@link #isRunning}: the pod exists (from an informer on every loop-node pod).
 * </ul>
 *
 * API writes run in order on one thread of their own: the core's tick never waits for the API
 * server. A write that conflicts with another (kubectl scale, the control API) is read again and
 * retried; one that fails is logged and reported through {@code failures}.
 */
public final class KubernetesNodeDriver implements NodeDriver, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KubernetesNodeDriver.class.getName());

  /** Honoured by the ReplicaSet controller from Kubernetes 1.22 (beta) on. */
  public static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

  public static final String LOWEST_COST = Integer.toString(Integer.MIN_VALUE);

  private static final String BY_NAME = "loopd-pod-name";

  private final KubernetesClient client;
  private final Function<String, Optional<String>> namespaceOfTenant;
  private final BiConsumer<PoolRef, String> failures;
  private final SharedIndexInformer<Pod> pods;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("loopd-node-driver").daemon().unstarted(r));
  private volatile Function<PoolRef, Optional<PoolHealth>> view = ref -> Optional.empty();
  private volatile boolean deletionCostHonoured = true;

  /**
   * @param namespaceOfTenant where a tenant's pools live
   * @param failures told about writes that failed (pool, message), e.g. to record an Event
   */
  public KubernetesNodeDriver(
      KubernetesClient client,
      Function<String, Optional<String>> namespaceOfTenant,
      BiConsumer<PoolRef, String> failures) {
    this.client = client;
    this.namespaceOfTenant = namespaceOfTenant;
    this.failures = failures;
    this.pods =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(Labels.NAME, Labels.NODE_NAME)
            .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
            .runnableInformer(0);
    pods.addIndexers(Map.of(BY_NAME, p -> List.of(p.getMetadata().getName())));
  }

  /** Starts the pod informer, waits for its first list, and reads the server's version. */
  public KubernetesNodeDriver start() {
    pods.run();
    VersionInfo version = client.getKubernetesVersion();
    deletionCostHonoured = honoursDeletionCost(version);
    LOG.log(
        System.Logger.Level.INFO,
        "Kubernetes {0}.{1}: a stopped node''s pod is {2}",
        version == null ? "?" : version.getMajor(),
        version == null ? "?" : version.getMinor(),
        deletionCostHonoured
            ? "given the lowest pod-deletion-cost, then the replicas lowered"
            : "deleted, then the replicas lowered (pod-deletion-cost needs 1.22)");
    return this;
  }

  /** Whether the ReplicaSet controller of that server honours the pod-deletion-cost annotation. */
  static boolean honoursDeletionCost(VersionInfo version) {
    if (version == null) {
      return true;
    }
    int major = leadingNumber(version.getMajor());
    int minor = leadingNumber(version.getMinor());
    return major > 1 || (major == 1 && minor >= 22);
  }

  /** "22+" (as GKE and EKS report minors) is 22; no digits is 0. */
  private static int leadingNumber(String s) {
    int n = 0;
    for (int i = 0; s != null && i < s.length() && Character.isDigit(s.charAt(i)); i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }

  /** For tests: behave as on a server that does (or does not) honour pod-deletion-cost. */
  void deletionCostHonoured(boolean honoured) {
    this.deletionCostHonoured = honoured;
  }

  /**
   * What the core observes of a pool (its health: desired nodes and every node's state), read when
   * sizing. Set once the core exists (it is built with this driver).
   */
  public void observe(Function<PoolRef, Optional<PoolHealth>> view) {
    this.view = view;
  }

  @Override
  public Optional<String> startNode(PoolRef pool, PoolSpec spec) {
    String ns = namespace(pool);
    int wanted = wanted(pool).orElse(-1);
    writer.execute(() ->
        write(
            pool,
            "raise the replicas",
            () -> scale(ns, pool.name(), current -> wanted < 0 ? current + 1 : wanted, true)));
    return Optional.empty();
  }

  @Override
  public void stopNode(PoolRef pool, String nodeId) {
    String ns = namespace(pool);
    int wanted = wanted(pool).orElse(-1);
    Function<Integer, Integer> lower = current -> wanted < 0 ? Math.max(0, current - 1) : wanted;
    writer.execute(() ->
        write(
            pool,
            "stop node " + nodeId,
            () -> {
              if (!deletionCostHonoured) {
                deletePod(ns, nodeId);
                scale(ns, pool.name(), lower, false);
                return null;
              }
              boolean marked = markForDeletion(ns, nodeId);
              int target = scale(ns, pool.name(), lower, false);
              if (marked && target < 0) {
                // The count stays (the core replaces a lost node): remove the pod itself.
                deletePod(ns, nodeId);
              }
              return null;
            }));
  }

  @Override
  public boolean isRunning(String nodeId) {
    return pods.getIndexer().byIndex(BY_NAME, nodeId).stream()
        .anyMatch(p ->
            p.getStatus() == null
                || !List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()));
  }

  /** The pool's pods the informer knows, for status and events. */
  public List<Pod> pods(String namespace, String pool) {
    return pods.getStore().list().stream()
        .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
        .filter(p -> pool.equals(p.getMetadata().getLabels().get(Labels.POOL)))
        .toList();
  }

  /** Waits up to {@code timeout} for the writes asked for so far. */
  public void flush(Duration timeout) {
    try {
      writer.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "node driver writes did not finish: {0}", e.toString());
    }
  }

  @Override
  public void close() {
    writer.shutdown();
    pods.stop();
  }

  // Sizing.

  /** The core's desired nodes plus its draining ones (pods that still exist). */
  private Optional<Integer> wanted(PoolRef pool) {
    return view.apply(pool)
        .map(h ->
            h.getDesiredNodes()
                + (int)
                    h.getNodesList().stream()
                        .filter(n -> n.getState() == NodeHealth.State.STATE_DRAINING)
                        .count());
  }

  private String namespace(PoolRef pool) {
    return namespaceOfTenant
        .apply(pool.tenant())
        .orElseThrow(() ->
            new NodeDriverException(
                "tenant \""
                    + pool.tenant()
                    + "\" has no LoopTenant, so pool \""
                    + pool.name()
                    + "\" has no namespace to run in",
                null));
  }

  /**
   * Sets the pool's {@code spec.replicas} through the scale subresource to {@code next(current)},
   * only upwards when {@code raiseOnly}, only downwards otherwise.
   *
   * @return the replicas written, or -1 when nothing needed writing
   */
  int scale(String ns, String pool, Function<Integer, Integer> next, boolean raiseOnly) {
    return Conflicts.retry(
        "scale LoopPool " + ns + "/" + pool,
        () -> {
          var resource = client.resources(LoopPool.class).inNamespace(ns).withName(pool);
          Scale scale = resource.scale();
          int current =
              scale.getSpec() == null || scale.getSpec().getReplicas() == null
                  ? 0
                  : scale.getSpec().getReplicas();
          int target = next.apply(current);
          if (raiseOnly ? target <= current : target >= current) {
            return -1;
          }
          // Keeps the resourceVersion read above: a concurrent change makes this a 409.
          resource.scale(
              new ScaleBuilder(scale).editOrNewSpec().withReplicas(target).endSpec().build());
          LOG.log(
              System.Logger.Level.INFO,
              "LoopPool {0}/{1}: replicas {2} -> {3}",
              ns,
              pool,
              current,
              target);
          return target;
        });
  }

  /** Gives the pod the lowest deletion cost; false when it is gone already. */
  private boolean markForDeletion(String ns, String pod) {
    try {
      client
          .pods()
          .inNamespace(ns)
          .withName(pod)
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              new PodBuilder()
                  .withNewMetadata()
                  .addToAnnotations(DELETION_COST, LOWEST_COST)
                  .endMetadata()
                  .build());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Deletes the pod with its own grace period (its preStop, then SIGTERM); gone already is fine.
   */
  private void deletePod(String ns, String pod) {
    client.pods().inNamespace(ns).withName(pod).delete();
  }

  private void write(PoolRef pool, String what, java.util.function.Supplier<?> work) {
    try {
      work.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        LOG.log(System.Logger.Level.DEBUG, "pool {0}: {1}: gone ({2})", pool, what, e.getMessage());
        return;
      }
      String message = "could not " + what + " of pool " + pool + ": " + e.getMessage();
      LOG.log(System.Logger.Level.WARNING, message);
      failures.accept(pool, message);
    } catch (RuntimeException e) {
      String message = "could not " + what + " of pool " + pool + ": " + e;
      LOG.log(System.Logger.Level.WARNING, message, e);
      failures.accept(pool, message);
    }
  }
}
