package dev.loopd.k8s.operator.core;

import dev.loopd.k8s.operator.driver.KubernetesNodeDriver;
import dev.loopd.operator.core.OperatorCore;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.core.PoolWatcher;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.ScalingEvent;
import io.grpc.BindableService;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The operator core on Kubernetes: one {@link OperatorCore} over the CR-backed store (seen through
 * {@link CoreStore}) with pods as nodes ({@link KubernetesNodeDriver}). It ticks only while this
 * replica leads; a replica that does not lead serves no node sessions (nodes redial until they
 * reach the leader). What the reconcilers ask of the running platform goes through here.
 */
public final class CoreHost implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CoreHost.class.getName());

  private final CoreStore store;
  private final OperatorCore core;
  private final Map<PoolRef, Runnable> following = new ConcurrentHashMap<>();
  private volatile boolean leading;

  public CoreHost(Store store, KubernetesNodeDriver driver, Clock clock) {
    this.store = new CoreStore(store);
    this.core = new OperatorCore(this.store, driver, clock);
    driver.observe(core::health);
  }

  /** This replica became the leader: the core starts reconciling pools and scaling them. */
  public synchronized void startLeading() {
    if (!leading) {
      leading = true;
      core.start();
      LOG.log(System.Logger.Level.INFO, "leading: the operator core is running");
    }
  }

  /**
   * Leadership is lost: the core stops at once (nodes keep serving; another leader adopts them).
   */
  public synchronized void stopLeading() {
    if (leading) {
      leading = false;
      core.close();
      LOG.log(System.Logger.Level.WARNING, "no longer leading: the operator core stopped");
    }
  }

  public boolean leading() {
    return leading;
  }

  /** The node session service ({@code loopd.node.v1.NodeSessionService}) nodes dial. */
  public BindableService sessionService() {
    return core.sessionService();
  }

  public OperatorCore core() {
    return core;
  }

  /** The core's status of a pool; empty while the core has no controller for it. */
  public Optional<PoolStatus> status(PoolRef pool) {
    return core.health(pool).map(h -> core.poolStatus(pool.tenant(), pool.name()));
  }

  public Optional<PoolHealth> health(PoolRef pool) {
    return core.health(pool);
  }

  /** Calls {@code events} with every scaling event of the pool from now on (once per pool). */
  public void follow(PoolRef pool, Consumer<ScalingEvent> events) {
    following.computeIfAbsent(
        pool,
        ref ->
            core.watch(
                ref,
                new PoolWatcher() {
                  @Override
                  public void health(PoolHealth health) {}

                  @Override
                  public void scalingEvent(ScalingEvent event) {
                    events.accept(event);
                  }

                  @Override
                  public void deleted() {
                    following.remove(ref);
                  }
                }));
  }

  /** Why the core leaves the pool out (its spec is refused), or empty. */
  public Optional<String> invalid(PoolRef pool) {
    core.health(pool); // reads the pool through the store, which records a refusal
    return store.invalid(pool);
  }

  /** The LoopPool is being deleted: the core drains its nodes. */
  public void beginDelete(PoolRef pool) {
    store.markDeleting(pool);
  }

  /** After {@link #beginDelete}: true once the core has no node of the pool left. */
  public boolean drained(PoolRef pool) {
    return core.health(pool).map(h -> h.getNodesCount() == 0).orElse(true);
  }

  /** The LoopPool is gone. */
  public void deleted(PoolRef pool) {
    store.forget(pool);
    Runnable stop = following.remove(pool);
    if (stop != null) {
      stop.run();
    }
  }

  @Override
  public void close() {
    stopLeading();
  }
}
