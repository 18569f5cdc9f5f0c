package dev.loopd.operator.autoscale;

import com.google.protobuf.util.Timestamps;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.ScalingEvent.Reason;
import dev.loopd.proto.control.v1.ScalingInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Sizes one pool from its nodes' loop utilization, blocking-pool use and lag (DESIGN.md
 * "Autoscaling"; Knative's KPA is the model).
 *
 * <p>Each tick the demand, in nodes, is {@code max(Σ ELU / targetElu, Σ busy threads / (pool size x
 * targetPoolUtilization))}, averaged over the stable window (default 60 s) and the panic window
 * (default 6 s). The pool panics when the panic-window demand reaches {@code panicThreshold} times
 * the ready nodes, or when a busy node's lag p99 is over the pool's lag limit: it scales up at once
 * (a lag trigger asks for one node beyond the ready ones) and does not scale down until a whole
 * stable window has passed without a trigger. Outside panic it follows the stable-window demand: up
 * at once when the demand exceeds the current nodes, down only when a full stable window of demand
 * fits fewer nodes with a margin (10%, at least 0.2 nodes), the panic-window demand fits them too,
 * and both have for the whole {@code scaleDownDelay}. The margin is the hysteresis that keeps a
 * demand hovering at a node boundary from adding and removing a node every few ticks. Scale-ups are
 * capped at {@code maxScaleUpRate} times the ready nodes per decision (but may always add one);
 * results are clamped to the pool's bounds. With {@code minNodes} 0 the last node goes after {@code
 * scaleToZeroGrace} without any invocation, and a held invocation brings one back at once. Manual
 * mode runs exactly the requested nodes and only reports the demand.
 *
 * <p>Pure and single-threaded: no threads, no clock; the caller passes the time and the signals
 * with each {@link Tick} (about every second) and applies the returned {@link Decision}.
 */
public final class Autoscaler {

  /** Demand within this of a whole node does not round up to the next one. */
  static final double UP_TOLERANCE = 0.05;

  /** A scale-down to n nodes needs the demand to be at most n minus this share of n ... */
  static final double DOWN_MARGIN_SHARE = 0.1;

  /** ... and at most n minus this many nodes. */
  static final double DOWN_MARGIN_MIN = 0.2;

  private record Keep(Instant at, int nodes) {}

  /** What one tick decided: the nodes, why, and the message a person reads. */
  private record Step(int nodes, Reason reason, String message) {
    static Step hold(int current) {
      return new Step(current, Reason.REASON_UNSPECIFIED, "");
    }
  }

  private final String pool;
  private AutoscalerPolicy policy;
  private final DemandWindow window = new DemandWindow();
  private final Deque<Keep> keeps = new ArrayDeque<>();
  private boolean panic;
  private Instant lastPanicTrigger;
  private Instant lastActive;
  private long lastInvocations = -1;

  /**
   * @param pool the pool's name, as events name it
   * @param policy its effective policy ({@link AutoscalerPolicy#from})
   */
  public Autoscaler(String pool, AutoscalerPolicy policy) {
    this.pool = pool;
    this.policy = policy;
  }

  /** Takes a changed spec; its bounds and settings apply from the next tick on. */
  public void setPolicy(AutoscalerPolicy policy) {
    this.policy = policy;
  }

  /** Reads one tick's signals and says how many nodes the pool should run. */
  public Decision tick(Tick t) {
    Instant now = t.now();
    int current = t.currentNodes();
    PoolSignals s = PoolSignals.of(t.readyNodes(), policy);
    if (s.ready() > 0) {
      window.add(now, s.demand(), policy.stableWindow());
    } else {
      window.prune(now, policy.stableWindow());
    }
    double stable = window.mean(now, policy.stableWindow());
    double panicDemand = window.mean(now, policy.panicWindow());
    boolean active = trackActivity(now, t, s);
    boolean lagOver = s.ready() > 0 && s.busyLagP99Seconds() * 1000 > policy.lagLimit().toMillis();
    boolean demandOver =
        s.ready() > 0
            && up(panicDemand) > s.ready()
            && up(panicDemand) >= policy.panicThreshold() * s.ready();
    if (lagOver || demandOver) {
      panic = true;
      lastPanicTrigger = now;
    } else if (panic && !now.isBefore(lastPanicTrigger.plus(policy.stableWindow()))) {
      panic = false;
    }

    Step step = decide(now, current, t.heldInvocations(), s, stable, panicDemand, active, lagOver);
    int desired = step.nodes();
    boolean reportedPanic = panic && !policy.manual();
    Optional<ScalingEvent> event = Optional.empty();
    if (desired != current) {
      ScalingInputs inputs =
          ScalingInputs.newBuilder()
              .setReadyNodes(s.ready())
              .setTotalElu(s.elu())
              .setBusyThreads(s.busyThreads())
              .setMaxLagP99Seconds(s.maxLagP99Seconds())
              .setStableDesired(stable)
              .setPanicDesired(panicDemand)
              .setPanic(reportedPanic)
              .setHeldInvocations(t.heldInvocations())
              .build();
      event = Optional.of(event(now, current, step, inputs));
    }
    return new Decision(desired, reportedPanic, stable, panicDemand, event);
  }

  private Step decide(
      Instant now,
      int current,
      int held,
      PoolSignals s,
      double stable,
      double panicDemand,
      boolean active,
      boolean lagOver) {
    if (policy.manual()) {
      int nodes = policy.clamp(policy.manualNodes());
      return new Step(nodes, Reason.REASON_MANUAL, "manual: the pool is set to " + nodes(nodes));
    }
    if (current == 0 && held > 0) {
      return new Step(
          Math.max(1, policy.minNodes()),
          Reason.REASON_SCALE_FROM_ZERO,
          "scale from zero: " + held + (held == 1 ? " invocation" : " invocations") + " waiting");
    }
    if (current < policy.minNodes()) {
      return new Step(
          policy.minNodes(),
          Reason.REASON_MANUAL,
          "bounds: " + nodes(current) + " is below min_nodes " + policy.minNodes());
    }
    if (current > policy.maxNodes()) {
      return new Step(
          policy.maxNodes(),
          Reason.REASON_MANUAL,
          "bounds: " + nodes(current) + " is above max_nodes " + policy.maxNodes());
    }
    if (current == 0) {
      return Step.hold(current); // at zero until an invocation is held for the pool
    }
    if (policy.minNodes() == 0
        && !active
        && !now.isBefore(lastActive.plus(policy.scaleToZeroGrace()))) {
      return new Step(
          0,
          Reason.REASON_SCALE_TO_ZERO,
          "scale to zero: no invocations for "
              + seconds(Duration.between(lastActive, now))
              + " (grace "
              + seconds(policy.scaleToZeroGrace())
              + ")");
    }
    if (s.ready() == 0) {
      return Step.hold(current); // nodes are starting: nothing measured to decide on
    }
    if (panic) {
      return panicStep(current, s, panicDemand, lagOver);
    }
    return stableStep(now, current, s, stable, panicDemand);
  }

  private Step panicStep(int current, PoolSignals s, double panicDemand, boolean lagOver) {
    int want = Math.max(current, up(panicDemand));
    if (lagOver) {
      // One more than the ready nodes, not than the current ones: a node already starting counts.
      want = Math.max(want, s.ready() + 1);
    }
    int nodes = bounded(capRate(want, current, s.ready()));
    if (nodes == current) {
      return Step.hold(current);
    }
    String message =
        lagOver
            ? String.format(
                Locale.ROOT,
                "panic: lag p99 %.0f ms over the %d ms limit",
                s.busyLagP99Seconds() * 1000,
                policy.lagLimit().toMillis())
            : String.format(
                Locale.ROOT,
                "panic: panic-window demand %.1f nodes over %s on %s",
                panicDemand,
                seconds(policy.panicWindow()),
                nodes(s.ready()) + " ready");
    return new Step(nodes, Reason.REASON_PANIC, message);
  }

  private Step stableStep(
      Instant now, int current, PoolSignals s, double stable, double panicDemand) {
    // The recent (panic-window) demand is a floor too: a rising load must not lose nodes because
    // the stable window still remembers it lower.
    keeps.addLast(new Keep(now, Math.max(keep(stable), up(panicDemand))));
    while (keeps.peekFirst().at().isBefore(now.minus(policy.scaleDownDelay()))) {
      keeps.removeFirst();
    }
    int want = bounded(capRate(up(stable), current, s.ready()));
    if (want > current) {
      return new Step(
          want,
          Reason.REASON_SCALE_UP,
          String.format(
              Locale.ROOT,
              "scale up: stable-window demand %.1f nodes over %s",
              stable,
              seconds(policy.stableWindow())));
    }
    int keep = bounded(keeps.stream().mapToInt(Keep::nodes).max().orElseThrow());
    if (keep < current && window.covers(now, policy.stableWindow())) {
      String delay =
          policy.scaleDownDelay().isZero()
              ? ""
              : ", for the " + seconds(policy.scaleDownDelay()) + " scale-down delay";
      return new Step(
          keep,
          Reason.REASON_SCALE_DOWN,
          String.format(
              Locale.ROOT,
              "scale down: stable-window demand %.1f nodes over %s fits %s%s",
              stable,
              seconds(policy.stableWindow()),
              nodes(keep),
              delay));
    }
    return Step.hold(current);
  }

  private ScalingEvent event(Instant now, int current, Step step, ScalingInputs inputs) {
    return ScalingEvent.newBuilder()
        .setTime(Timestamps.fromMillis(now.toEpochMilli()))
        .setPool(pool)
        .setFromNodes(current)
        .setToNodes(step.nodes())
        .setReason(step.reason())
        .setMessage(step.message())
        .setInputs(inputs)
        .build();
  }

  /** Updates the idle clock; true when something ran or waited this tick. */
  private boolean trackActivity(Instant now, Tick t, PoolSignals s) {
    if (lastActive == null) {
      lastActive = now;
    }
    boolean active =
        t.heldInvocations() > 0
            || s.inFlight()
            || (s.ready() > 0 && s.invocationsTotal() != lastInvocations);
    if (s.ready() > 0) {
      lastInvocations = s.invocationsTotal();
    }
    if (active) {
      lastActive = now;
    }
    return active;
  }

  /** Within the pool's bounds; an automatic step never takes the last node (scale to zero does). */
  private int bounded(int nodes) {
    return Math.max(Math.max(1, policy.minNodes()), Math.min(policy.maxNodes(), nodes));
  }

  /**
   * At most {@code maxScaleUpRate} times the ready nodes, and always room for one more than them (a
   * rate of 1 would otherwise never let a pool grow).
   */
  private int capRate(int want, int current, int ready) {
    int cap = Math.max(ready + 1, (int) Math.ceil(Math.max(1, ready) * policy.maxScaleUpRate()));
    return Math.min(want, Math.max(cap, current));
  }

  /** Nodes a demand asks for when scaling up. */
  static int up(double demand) {
    return (int) Math.ceil(Math.max(0, demand - UP_TOLERANCE));
  }

  /**
   * The fewest nodes that carry a demand with the scale-down margin to spare; never fewer than
   * {@link #up}, so the band between the two is where the pool holds its size.
   */
  static int keep(double demand) {
    int n = Math.max(0, (int) Math.ceil(demand));
    while (demand > n - Math.max(DOWN_MARGIN_MIN, DOWN_MARGIN_SHARE * n)) {
      n++;
    }
    return n;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String nodes(int n) {
    return n == 1 ? "1 node" : n + " nodes";
  }
}
