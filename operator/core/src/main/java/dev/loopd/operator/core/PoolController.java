package dev.loopd.operator.core;

import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import dev.loopd.operator.autoscale.Autoscaler;
import dev.loopd.operator.autoscale.AutoscalerPolicy;
import dev.loopd.operator.autoscale.Decision;
import dev.loopd.operator.autoscale.NodeSignal;
import dev.loopd.operator.autoscale.Tick;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.PoolStatus;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.ScalingInputs;
import dev.loopd.proto.control.v1.SourceErrorReport;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.PoolSettings;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Keeps one pool's nodes in line with its spec: tells every node the pool's handler set and
 * settings, asks the {@link Autoscaler} how many nodes the pool needs each tick, starts and drains
 * nodes through the {@link NodeDriver} to get there, replaces nodes that went away, and hands ready
 * nodes to invocations (holding them while a pool at zero starts a node).
 *
 * <p>Every method is synchronized: session callbacks (gRPC threads), ticks (the core's thread) and
 * invocations (the control API) meet here.
 */
final class PoolController {

  private static final System.Logger LOG = System.getLogger(PoolController.class.getName());

  /** A node whose session ended may reconnect within this; after it, it counts as gone. */
  static final Duration RECONNECT_GRACE = Duration.ofSeconds(10);

  /** A started node that has not applied its handler set within this is given up on. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** How long a node may take to drain before it is stopped anyway. */
  static final Duration DRAIN_GRACE = Duration.ofSeconds(30);

  /**
   * A node's lag is not used for scaling in its first seconds of being ready: the JIT is still
   * compiling its hot paths and its lag says little about the load.
   */
  static final Duration LAG_SETTLE = Duration.ofSeconds(10);

  /** A node's first stats windows once ready still overlap its warm-up: they are not used. */
  static final Duration FIRST_WINDOWS = Duration.ofSeconds(2);

  /** Invocations held for a pool with no ready node, at most. */
  static final int MAX_HELD = 256;

  private static final int RECENT_EVENTS = 20;

  final PoolRef ref;
  private final Store store;
  private final NodeDriver driver;
  private final Clock clock;
  private final Consumer<ScalingEvent> events;

  private Pool pool;
  private final Autoscaler autoscaler;
  private final Map<String, Node> nodes = new LinkedHashMap<>();

  /**
   * Starts asked of a driver that does not name its nodes (a Deployment's pods), oldest first: they
   * count as live nodes until a node the core did not know says Hello, or until {@link
   * #START_TIMEOUT}. Without them every tick would ask again and record the same decision again.
   */
  private final ArrayDeque<Instant> pendingStarts = new ArrayDeque<>();

  private final ArrayDeque<ScalingEvent> recentEvents = new ArrayDeque<>();
  private final List<CompletableFuture<Node>> waiters = new ArrayList<>();
  private final Map<String, SourceErrorReport> loadFailures = new HashMap<>();
  private final Conditions conditions = new Conditions();

  private long setVersion;
  private List<HandlerSpec> handlerSet = List.of();
  private List<String> setFingerprint = List.of();
  private PoolSettings settings;
  private int desired;
  private boolean panic;
  private Decision lastDecision;
  private String startFailure;
  private boolean closed;

  PoolController(
      Pool pool, Store store, NodeDriver driver, Clock clock, Consumer<ScalingEvent> events) {
    this.ref = new PoolRef(pool.getTenant(), pool.getName());
    this.pool = pool;
    this.store = store;
    this.driver = driver;
    this.clock = clock;
    this.events = events;
    this.autoscaler = new Autoscaler(ref.name(), AutoscalerPolicy.from(pool.getSpec()));
    this.settings = HandlerSets.settings(pool.getSpec());
    this.desired = pool.getSpec().getMinNodes();
  }

  // Sessions.

  /** A node said Hello: adopt it (started by us or not), send it the handler set and settings. */
  synchronized void onHello(NodeMessage.Hello hello, StreamObserver<ControlMessage> session) {
    Instant now = clock.instant();
    Node node = nodes.get(hello.getNodeId());
    if (node == null || node.state == Node.State.GONE) {
      node = new Node(hello.getNodeId(), now);
      nodes.put(node.id, node);
      pendingStarts.pollFirst();
    } else if (node.connected()) {
      node.close(Status.ABORTED.withDescription("replaced by a newer session of this node"));
    }
    node.attach(session, hello, now);
    refreshHandlerSet();
    node.send(
        ControlMessage.newBuilder()
            .setHandlerSet(
                ControlMessage.HandlerSet.newBuilder()
                    .setVersion(setVersion)
                    .addAllHandlers(handlerSet))
            .build());
    node.send(ControlMessage.newBuilder().setPoolSettings(settings).build());
  }

  synchronized void onReady(String nodeId, long version) {
    Node node = nodes.get(nodeId);
    if (node == null) {
      return;
    }
    node.lastHeard = clock.instant();
    node.appliedSetVersion = Math.max(node.appliedSetVersion, version);
    if (node.state == Node.State.STARTING) {
      node.state = Node.State.READY;
      startFailure = null;
      LOG.log(System.Logger.Level.INFO, "node {0} of pool {1} is ready", nodeId, ref);
    }
    wakeWaiters();
  }

  synchronized void onStats(String nodeId, NodeStats stats) {
    Node node = nodes.get(nodeId);
    if (node != null) {
      node.stats = stats;
      node.lastHeard = clock.instant();
      if (stats.getReady() && node.readyAt == null) {
        node.readyAt = node.lastHeard;
      }
      wakeWaiters();
    }
  }

  synchronized void onLoadFailed(String nodeId, NodeMessage.HandlerLoadFailed failed) {
    loadFailures.put(
        failed.getHandler(),
        SourceErrorReport.newBuilder()
            .setNodeId(nodeId)
            .setVersion(failed.getVersion())
            .setError(failed.getError())
            .build());
  }

  synchronized void onDrained(String nodeId) {
    Node node = nodes.get(nodeId);
    if (node != null) {
      node.drained = true;
    }
  }

  synchronized void onSessionEnded(String nodeId, StreamObserver<ControlMessage> session) {
    Node node = nodes.get(nodeId);
    if (node == null) {
      return;
    }
    // A drained node ends its session itself; the next tick stops it through the driver (a pod
    // stays until then).
    node.detach(session, clock.instant());
  }

  // Invocations.

  /**
   * A ready node for an invocation, least loaded first (lowest ELU, then fewest in flight),
   * skipping {@code exclude}; held while none is ready and the pool is starting one.
   *
   * @return a future failed with RESOURCE_EXHAUSTED when too many invocations are held already
   */
  synchronized CompletableFuture<Node> awaitNode(Set<String> exclude) {
    Optional<Node> node = pick(exclude);
    if (node.isPresent()) {
      return CompletableFuture.completedFuture(node.get());
    }
    if (closed) {
      return CompletableFuture.failedFuture(
          Status.NOT_FOUND
              .withDescription("pool \"" + ref.name() + "\" was deleted")
              .asException());
    }
    if (waiters.size() >= MAX_HELD) {
      return CompletableFuture.failedFuture(
          Status.RESOURCE_EXHAUSTED
              .withDescription(
                  MAX_HELD
                      + " invocations are already waiting for pool \""
                      + ref.name()
                      + "\" to start a node; retry in a few seconds")
              .asException());
    }
    CompletableFuture<Node> waiter = new CompletableFuture<>();
    waiters.add(waiter);
    waiter.whenComplete((n, e) -> removeWaiter(waiter));
    return waiter;
  }

  private synchronized void removeWaiter(CompletableFuture<Node> waiter) {
    waiters.remove(waiter);
  }

  private Optional<Node> pick(Set<String> exclude) {
    return nodes.values().stream()
        .filter(Node::routable)
        .filter(n -> !exclude.contains(n.id))
        .min(Comparator.comparingDouble(Node::elu).thenComparingInt(Node::inFlight));
  }

  private void wakeWaiters() {
    for (CompletableFuture<Node> w : List.copyOf(waiters)) {
      pick(Set.of()).ifPresent(w::complete);
    }
  }

  // Reconciling.

  /** One reconcile step: spec, handler set, node liveness, autoscaling, converging. */
  synchronized void tick() {
    if (closed) {
      return;
    }
    Instant now = clock.instant();
    Optional<Pool> current = store.pool(ref.tenant(), ref.name());
    if (current.isEmpty()) {
      close();
      return;
    }
    applySpec(current.get());
    refreshHandlerSet();
    reapNodes(now);
    autoscale(now);
    converge(now);
    wakeWaiters();
  }

  private void applySpec(Pool latest) {
    if (latest.getGeneration() == pool.getGeneration() && latest.equals(pool)) {
      return;
    }
    pool = latest;
    autoscaler.setPolicy(AutoscalerPolicy.from(latest.getSpec()));
    PoolSettings next = HandlerSets.settings(latest.getSpec());
    if (!next.equals(settings)) {
      settings = next;
      broadcast(ControlMessage.newBuilder().setPoolSettings(settings).build());
    }
  }

  /** Sends the whole set to every node when the pool's handlers or their versions changed. */
  private void refreshHandlerSet() {
    List<HandlerSpec> next = HandlerSets.of(store, ref);
    List<String> fingerprint = HandlerSets.fingerprint(next);
    if (setVersion > 0 && fingerprint.equals(setFingerprint)) {
      return;
    }
    setVersion++;
    handlerSet = next;
    setFingerprint = fingerprint;
    loadFailures.keySet().removeIf(name -> next.stream().noneMatch(s -> s.getName().equals(name)));
    broadcast(
        ControlMessage.newBuilder()
            .setHandlerSet(
                ControlMessage.HandlerSet.newBuilder().setVersion(setVersion).addAllHandlers(next))
            .build());
  }

  private void broadcast(ControlMessage message) {
    for (Node n : nodes.values()) {
      if (n.state != Node.State.GONE) {
        n.send(message);
      }
    }
  }

  /** Marks nodes gone that stopped answering, exited, or never started; stops them. */
  private void reapNodes(Instant now) {
    for (Node n : nodes.values()) {
      if (n.state == Node.State.GONE) {
        continue;
      }
      String why = null;
      if (n.drained || (n.state == Node.State.DRAINING && !n.connected())) {
        why = null;
        n.state = Node.State.GONE;
        driver.stopNode(ref, n.id);
        continue;
      } else if (n.state == Node.State.DRAINING
          && now.isAfter(n.drainStartedAt.plus(DRAIN_GRACE).plusSeconds(10))) {
        why = "did not finish draining in " + DRAIN_GRACE.toSeconds() + " s";
      } else if (!n.connected()
          && n.disconnectedAt != null
          && now.isAfter(n.disconnectedAt.plus(RECONNECT_GRACE))) {
        why = "its session ended and it did not reconnect";
      } else if (!n.connected() && n.hello != null && !driver.isRunning(n.id) && ownedByDriver(n)) {
        why = "its process exited";
      } else if (n.state == Node.State.STARTING && now.isAfter(n.createdAt.plus(START_TIMEOUT))) {
        why = "it did not become ready in " + START_TIMEOUT.toSeconds() + " s";
        startFailure = "node " + n.id + " " + why;
      } else if (n.hello == null && !driver.isRunning(n.id) && ownedByDriver(n)) {
        why = "its process exited before it connected";
        startFailure = "node " + n.id + " " + why + " (see its log)";
      }
      if (why != null) {
        LOG.log(System.Logger.Level.WARNING, "node {0} of pool {1} is gone: {2}", n.id, ref, why);
        n.lost = n.state != Node.State.DRAINING;
        n.state = Node.State.GONE;
        n.close(
            Status.UNAVAILABLE.withDescription("the control plane gave up on this node: " + why));
        driver.stopNode(ref, n.id);
        if (n.lost) {
          record(
              ScalingEvent.Reason.REASON_NODE_REPLACED,
              desired,
              desired,
              "node " + n.id + " is gone (" + why + "); starting another",
              lastInputs(now));
        }
      }
    }
    nodes.values().removeIf(n -> n.state == Node.State.GONE && !n.connected());
    if (!pendingStarts.isEmpty() && now.isAfter(pendingStarts.peekFirst().plus(START_TIMEOUT))) {
      startFailure =
          pendingStarts.size()
              + " node(s) asked of the platform did not connect in "
              + START_TIMEOUT.toSeconds()
              + " s (see the pool's pods and their logs)";
      LOG.log(System.Logger.Level.WARNING, "pool {0}: {1}", ref, startFailure);
      pendingStarts.clear();
    }
  }

  /** Nodes the driver started (an id it knows) versus nodes that just dialed in. */
  private boolean ownedByDriver(Node n) {
    return n.ownedByDriver;
  }

  private void autoscale(Instant now) {
    List<NodeSignal> ready = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (n.routable() && !now.isBefore(n.readyAt.plus(FIRST_WINDOWS))) {
        NodeSignal signal = NodeSignal.from(n.stats);
        if (now.isBefore(n.readyAt.plus(LAG_SETTLE))) {
          signal =
              new NodeSignal(
                  signal.nodeId(),
                  signal.elu(),
                  signal.busyThreads(),
                  signal.poolSize(),
                  0,
                  signal.inFlight(),
                  signal.invocationsTotal());
        }
        ready.add(signal);
      }
    }
    int live = liveCount();
    Decision d = autoscaler.tick(new Tick(now, live, ready, waiters.size()));
    lastDecision = d;
    panic = d.panic();
    desired = d.desiredNodes();
    d.event().ifPresent(this::record);
  }

  private void converge(Instant now) {
    int live = liveCount();
    for (int i = live; i < desired; i++) {
      try {
        Optional<String> id = driver.startNode(ref, pool.getSpec());
        if (id.isPresent()) {
          Node n = new Node(id.get(), now);
          n.ownedByDriver = true;
          nodes.put(n.id, n);
        } else {
          pendingStarts.addLast(now);
        }
      } catch (NodeDriver.NodeDriverException e) {
        startFailure = e.getMessage();
        LOG.log(System.Logger.Level.WARNING, "pool {0}: {1}", ref, e.getMessage());
        break;
      }
    }
    // Fewer nodes wanted: forget starts still pending first (a node that comes up anyway is adopted
    // and drained), then drain starting nodes before ready ones, idle before busy.
    while (live > desired && !pendingStarts.isEmpty()) {
      pendingStarts.pollLast();
      live--;
    }
    if (live > desired) {
      List<Node> extra =
          nodes.values().stream()
              .filter(Node::live)
              .sorted(
                  Comparator.comparing((Node n) -> n.state == Node.State.READY)
                      .thenComparingInt(Node::inFlight))
              .limit(live - desired)
              .toList();
      for (Node n : extra) {
        drain(n, now);
      }
    }
  }

  private void drain(Node n, Instant now) {
    n.drainStartedAt = now;
    if (!n.connected()) {
      n.state = Node.State.GONE;
      driver.stopNode(ref, n.id);
      return;
    }
    n.state = Node.State.DRAINING;
    n.send(
        ControlMessage.newBuilder()
            .setDrain(
                ControlMessage.Drain.newBuilder()
                    .setGracePeriod(Durations.fromMillis(DRAIN_GRACE.toMillis())))
            .build());
  }

  /** Starting and ready nodes, and the starts still pending (nodes on their way). */
  private int liveCount() {
    return (int) nodes.values().stream().filter(Node::live).count() + pendingStarts.size();
  }

  private void record(ScalingEvent event) {
    recentEvents.addLast(event);
    while (recentEvents.size() > RECENT_EVENTS) {
      recentEvents.removeFirst();
    }
    LOG.log(
        System.Logger.Level.INFO,
        "pool {0}: {1} -> {2} nodes ({3}): {4}",
        ref,
        event.getFromNodes(),
        event.getToNodes(),
        event.getReason(),
        event.getMessage());
    events.accept(event);
  }

  private void record(
      ScalingEvent.Reason reason, int from, int to, String message, ScalingInputs inputs) {
    record(
        ScalingEvent.newBuilder()
            .setTime(Timestamps.fromMillis(clock.millis()))
            .setPool(ref.name())
            .setFromNodes(from)
            .setToNodes(to)
            .setReason(reason)
            .setMessage(message)
            .setInputs(inputs)
            .build());
  }

  private ScalingInputs lastInputs(Instant now) {
    ScalingInputs.Builder in =
        ScalingInputs.newBuilder()
            .setReadyNodes(readyCount())
            .setHeldInvocations(waiters.size())
            .setPanic(panic);
    if (lastDecision != null) {
      in.setStableDesired(lastDecision.stableDesired())
          .setPanicDesired(lastDecision.panicDesired());
    }
    return in.build();
  }

  private int readyCount() {
    return (int) nodes.values().stream().filter(Node::routable).count();
  }

  /** The pool was deleted: drain every node, fail held invocations. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Instant now = clock.instant();
    for (Node n : nodes.values()) {
      if (n.live()) {
        drain(n, now);
      }
    }
    for (CompletableFuture<Node> w : List.copyOf(waiters)) {
      w.completeExceptionally(
          Status.NOT_FOUND
              .withDescription("pool \"" + ref.name() + "\" was deleted")
              .asException());
    }
  }

  /** After {@link #close}: true once every node is gone. */
  synchronized boolean finished() {
    if (!closed) {
      return false;
    }
    reapNodes(clock.instant());
    return nodes.isEmpty();
  }

  // Views.

  synchronized PoolStatus status() {
    int ready = readyCount();
    int started = (int) nodes.values().stream().filter(n -> n.state != Node.State.GONE).count();
    return PoolStatus.newBuilder()
        .setDesiredNodes(desired)
        .setReadyNodes(ready)
        .setNodes(started)
        .setPanic(panic)
        .setObservedGeneration(pool.getGeneration())
        .addAllRecentEvents(recentEvents)
        .addAllConditions(
            conditions.update(
                pool.getGeneration(), desired, ready, started, startFailure, loadFailures, clock))
        .build();
  }

  synchronized HandlerStatus handlerStatus(String handler, String activeVersion) {
    SourceErrorReport failure = loadFailures.get(handler);
    if (failure != null && failure.getVersion().equals(activeVersion)) {
      return HandlerStatus.newBuilder()
          .setState(HandlerStatus.State.STATE_FAILED)
          .setError(failure)
          .build();
    }
    boolean inSet =
        handlerSet.stream()
            .anyMatch(s -> s.getName().equals(handler) && s.getVersion().equals(activeVersion));
    int ready =
        inSet
            ? (int)
                nodes.values().stream()
                    .filter(n -> n.routable() && n.appliedSetVersion >= setVersion)
                    .count()
            : 0;
    return HandlerStatus.newBuilder()
        .setState(ready > 0 ? HandlerStatus.State.STATE_READY : HandlerStatus.State.STATE_PENDING)
        .setReadyNodes(ready)
        .build();
  }

  synchronized int runningNodes() {
    return (int) nodes.values().stream().filter(n -> n.state != Node.State.GONE).count();
  }

  synchronized PoolHealth health() {
    PoolHealth.Builder h =
        PoolHealth.newBuilder()
            .setPool(ref.name())
            .setTime(Timestamps.fromMillis(clock.millis()))
            .setDesiredNodes(desired)
            .setReadyNodes(readyCount())
            .setPanic(panic)
            .setHeldInvocations(waiters.size())
            .addAllRecentEvents(recentEvents);
    double maxLag = 0;
    double elu = 0;
    int ready = 0;
    for (Node n : nodes.values()) {
      if (n.state == Node.State.GONE) {
        continue;
      }
      h.addNodes(n.health());
      if (n.routable()) {
        maxLag = Math.max(maxLag, n.stats.getLoopLag().getP99Seconds());
        elu += n.stats.getElu();
        ready++;
      }
    }
    return h.setMaxLagP99Seconds(maxLag).setMeanElu(ready == 0 ? 0 : elu / ready).build();
  }

  synchronized PoolSpec spec() {
    return pool.getSpec();
  }
}
