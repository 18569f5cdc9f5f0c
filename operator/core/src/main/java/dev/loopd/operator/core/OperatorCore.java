package dev.loopd.operator.core;

import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.StoreListener;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.ScalingEvent;
import io.grpc.BindableService;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The operator core: one {@link PoolController} per pool of the {@link Store}, ticked every second
 * on one thread, the node-session server the pools' nodes dial, and what the control API asks of
 * the running platform (a node for an invocation, pool health, status of pools and handlers). It
 * knows nothing of Kubernetes: the store and the {@link NodeDriver} are the edges.
 */
public final class OperatorCore implements PlatformRuntime, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(OperatorCore.class.getName());

  private final Store store;
  private final NodeDriver driver;
  private final Clock clock;
  private final Duration tickInterval;
  private final Map<PoolRef, PoolController> controllers = new ConcurrentHashMap<>();
  private final Map<PoolRef, List<PoolWatcher>> watchers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("loopd-operator-core").daemon().unstarted(r));
  private final NodeSessionServer sessions = new NodeSessionServer(this::controllerFor);

  public OperatorCore(Store store, NodeDriver driver, Clock clock) {
    this(store, driver, clock, Duration.ofSeconds(1));
  }

  public OperatorCore(Store store, NodeDriver driver, Clock clock, Duration tickInterval) {
    this.store = store;
    this.driver = driver;
    this.clock = clock;
    this.tickInterval = tickInterval;
  }

  /** Starts ticking and reacting to store changes at once. */
  public OperatorCore start() {
    store.addListener(this::changed);
    ticker.scheduleWithFixedDelay(
        this::tickSafely, 0, tickInterval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** The {@code loopd.node.v1.NodeSessionService} to serve where nodes can dial it. */
  public BindableService sessionService() {
    return sessions;
  }

  private void changed(StoreListener.Kind kind, String tenant, String name) {
    if (kind == StoreListener.Kind.POOL || kind == StoreListener.Kind.HANDLER) {
      ticker.execute(this::tickSafely);
    }
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "operator core tick failed", e);
    }
  }

  /** One reconcile pass over every pool (also called by tests driving a manual clock). */
  public void tick() {
    for (Pool pool : store.allPools()) {
      PoolRef ref = new PoolRef(pool.getTenant(), pool.getName());
      controllers.computeIfAbsent(ref, r -> newController(pool));
    }
    for (PoolController c : List.copyOf(controllers.values())) {
      c.tick();
      if (c.finished()) {
        controllers.remove(c.ref);
        List<PoolWatcher> gone = watchers.remove(c.ref);
        if (gone != null) {
          gone.forEach(PoolWatcher::deleted);
        }
      } else {
        List<PoolWatcher> ws = watchers.get(c.ref);
        if (ws != null && !ws.isEmpty()) {
          PoolHealth health = c.health();
          ws.forEach(w -> w.health(health));
        }
      }
    }
  }

  private PoolController newController(Pool pool) {
    PoolRef ref = new PoolRef(pool.getTenant(), pool.getName());
    return new PoolController(pool, store, driver, clock, event -> publish(ref, event));
  }

  private void publish(PoolRef ref, ScalingEvent event) {
    List<PoolWatcher> ws = watchers.get(ref);
    if (ws != null) {
      ws.forEach(w -> w.scalingEvent(event));
    }
  }

  private Optional<PoolController> controllerFor(PoolRef ref) {
    PoolController c = controllers.get(ref);
    if (c != null) {
      return Optional.of(c);
    }
    return store
        .pool(ref.tenant(), ref.name())
        .map(pool -> controllers.computeIfAbsent(ref, r -> newController(pool)));
  }

  // For the control API.

  @Override
  public CompletableFuture<NodeTarget> awaitNode(PoolRef pool, Set<String> exclude) {
    Optional<PoolController> c = controllerFor(pool);
    if (c.isEmpty()) {
      return CompletableFuture.failedFuture(
          Status.NOT_FOUND
              .withDescription("pool \"" + pool.name() + "\" does not exist")
              .asException());
    }
    CompletableFuture<Node> node = c.get().awaitNode(exclude);
    if (!node.isDone()) {
      ticker.execute(this::tickSafely); // a held invocation may start a node: decide now
    }
    CompletableFuture<NodeTarget> target =
        node.thenApply(n -> new NodeTarget(n.id, n.grpcAddress()));
    // The caller gave up (its deadline passed, it cancelled): release its place in the hold queue,
    // where it would count as demand and as one of the bounded queue's slots.
    target.whenComplete((t, failure) -> {
      if (failure != null) {
        node.cancel(false);
      }
    });
    return target;
  }

  @Override
  public Optional<PoolHealth> health(PoolRef pool) {
    return controllerFor(pool).map(PoolController::health);
  }

  @Override
  public Runnable watch(PoolRef pool, PoolWatcher watcher) {
    List<PoolWatcher> list = watchers.computeIfAbsent(pool, r -> new CopyOnWriteArrayList<>());
    list.add(watcher);
    return () -> list.remove(watcher);
  }

  @Override
  public PoolStatus poolStatus(String tenant, String pool) {
    return controllerFor(new PoolRef(tenant, pool))
        .map(PoolController::status)
        .orElse(PoolStatus.getDefaultInstance());
  }

  @Override
  public HandlerStatus handlerStatus(String tenant, String handler) {
    Optional<Handler> h = store.handler(tenant, handler);
    if (h.isEmpty()) {
      return HandlerStatus.getDefaultInstance();
    }
    return controllerFor(new PoolRef(tenant, h.get().getPool()))
        .map(c -> c.handlerStatus(handler, h.get().getActiveVersion()))
        .orElse(HandlerStatus.newBuilder().setState(HandlerStatus.State.STATE_PENDING).build());
  }

  @Override
  public int runningNodes(String tenant) {
    return controllers.values().stream()
        .filter(c -> c.ref.tenant().equals(tenant))
        .mapToInt(PoolController::runningNodes)
        .sum();
  }

  /** Stops ticking. Nodes keep running (they keep serving; see {@link #drainAll}). */
  @Override
  public void close() {
    ticker.shutdownNow();
  }

  /**
   * Asks every node to drain (the platform is shutting down) and waits up to {@code timeout} for
   * them to be gone.
   */
  public void drainAll(Duration timeout) {
    ticker.shutdownNow();
    controllers.values().forEach(PoolController::close);
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end
        && !controllers.values().stream().allMatch(PoolController::finished)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
