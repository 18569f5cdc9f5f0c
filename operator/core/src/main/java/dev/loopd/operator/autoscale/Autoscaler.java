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
 * targetPoolUtilization))}. It is averaged over the stable window (default 60 s) and the panic
 * window (default 6 s). The pool panics when the panic-window demand reaches {@code panicThreshold}
 * times the ready nodes or a node's lag p99 is over the pool's lag limit: it scales up at once (a
 * lag trigger adds a node beyond the ready ones) and does not scale down until a whole stable
 * window has passed without a trigger. Outside panic it follows the stable-window demand: up at
 * once, down once the lower demand has held for the scale-down delay. Scale-ups are capped at
 * {@code maxScaleUpRate} times the ready nodes per decision; results are clamped to the pool's
 * bounds. With {@code minNodes} 0 the last node goes after {@code scaleToZeroGrace} without any
 * invocation, and a held invocation brings one back at once. Manual mode runs exactly the requested
 * nodes.
 *
 * <p>Pure: no threads, no clock; the caller passes the time with each {@link Tick}.
 */
public final class Autoscaler {

  /**
   * A node's lag counts toward panic only while its loop is at least this busy: lag on an idle loop
   * comes from outside it (GC, a starved CPU), and more nodes would not help.
   */
  static final double MIN_ELU_FOR_LAG = 0.25;

  /** Demand within this of a whole node does not round up to the next one. */
  static final double TOLERANCE = 0.05;

  private record Sample(Instant at, double demand) {}

  private record Want(Instant at, int nodes) {}

  private final String pool;
  private AutoscalerPolicy policy;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private final Deque<Want> wants = new ArrayDeque<>();
  private boolean panic;
  private Instant lastPanicTrigger;
  private Instant lastActive;
  private long lastInvocations = -1;

  public Autoscaler(String pool, AutoscalerPolicy policy) {
    this.pool = pool;
    this.policy = policy;
  }

  public void setPolicy(AutoscalerPolicy policy) {
    this.policy = policy;
  }

  public Decision tick(Tick t) {
    Instant now = t.now();
    int current = t.currentNodes();
    int ready = t.readyNodes().size();
    if (lastActive == null) {
      lastActive = now;
    }
    double elu = 0;
    double busy = 0;
    double lagP99 = 0;
    long invocations = 0;
    boolean inFlight = false;
    double demand = 0;
    double poolDemand = 0;
    for (NodeSignal n : t.readyNodes()) {
      elu += n.elu();
      busy += n.busyThreads();
      if (n.elu() >= MIN_ELU_FOR_LAG) {
        lagP99 = Math.max(lagP99, n.lagP99Seconds());
      }
      invocations += n.invocationsTotal();
      inFlight |= n.inFlight() > 0;
      if (n.poolSize() > 0) {
        poolDemand += n.busyThreads() / (n.poolSize() * policy.targetPoolUtilization());
      }
    }
    demand = Math.max(elu / policy.targetElu(), poolDemand);
    if (ready > 0) {
      samples.addLast(new Sample(now, demand));
    }
    while (!samples.isEmpty()
        && samples.peekFirst().at().isBefore(now.minus(policy.stableWindow()))) {
      samples.removeFirst();
    }
    double stable = mean(now, policy.stableWindow());
    double panicDemand = mean(now, policy.panicWindow());

    boolean active =
        t.heldInvocations() > 0 || inFlight || (invocations != lastInvocations && ready > 0);
    lastInvocations = ready > 0 ? invocations : lastInvocations;
    if (active) {
      lastActive = now;
    }

    boolean lagOver = lagP99 * 1000 > policy.lagLimit().toMillis() && ready > 0;
    int panicNodes = ceil(panicDemand);
    boolean demandTrigger =
        ready > 0 && panicNodes > ready && panicNodes >= policy.panicThreshold() * ready;
    if (lagOver || demandTrigger) {
      panic = true;
      lastPanicTrigger = now;
    } else if (panic && !now.isBefore(lastPanicTrigger.plus(policy.stableWindow()))) {
      panic = false;
    }

    Inputs in = new Inputs(ready, elu, busy, lagP99, stable, panicDemand, t.heldInvocations());
    int desired;
    Reason reason;
    String why;
    if (policy.manual()) {
      desired = policy.clamp(policy.manualNodes());
      reason = Reason.REASON_MANUAL;
      why = "manual: the pool is set to " + desired + " nodes";
    } else if (current == 0 && t.heldInvocations() > 0) {
      desired = Math.max(1, policy.minNodes());
      reason = Reason.REASON_SCALE_FROM_ZERO;
      why = "scale from zero: " + t.heldInvocations() + " invocations waiting";
    } else if (current < policy.minNodes()) {
      desired = policy.minNodes();
      reason = Reason.REASON_MANUAL;
      why = "below min_nodes " + policy.minNodes();
    } else if (current > policy.maxNodes()) {
      desired = policy.maxNodes();
      reason = Reason.REASON_MANUAL;
      why = "above max_nodes " + policy.maxNodes();
    } else if (policy.minNodes() == 0
        && current > 0
        && !active
        && !now.isBefore(lastActive.plus(policy.scaleToZeroGrace()))) {
      desired = 0;
      reason = Reason.REASON_SCALE_TO_ZERO;
      why =
          "scale to zero: no invocations for "
              + seconds(Duration.between(lastActive, now))
              + " (grace "
              + seconds(policy.scaleToZeroGrace())
              + ")";
    } else if (ready == 0) {
      // Nodes are starting (or none is needed): nothing measured to decide on.
      desired = current;
      reason = Reason.REASON_UNSPECIFIED;
      why = "";
    } else if (panic) {
      int want = Math.max(current, ceil(panicDemand));
      if (lagOver) {
        want = Math.max(want, ready + 1);
      }
      desired = capRate(want, current, ready);
      reason = Reason.REASON_PANIC;
      why =
          lagOver
              ? String.format(
                  Locale.ROOT,
                  "panic: lag p99 %.0f ms over the %d ms limit",
                  lagP99 * 1000,
                  policy.lagLimit().toMillis())
              : String.format(
                  Locale.ROOT,
                  "panic: %.1f nodes of demand over %s on %d ready nodes",
                  panicDemand,
                  seconds(policy.panicWindow()),
                  ready);
    } else {
      int want = ceil(stable);
      wants.addLast(new Want(now, want));
      while (!wants.isEmpty()
          && wants.peekFirst().at().isBefore(now.minus(policy.scaleDownDelay()))) {
        wants.removeFirst();
      }
      int recentMax = wants.stream().mapToInt(Want::nodes).max().orElse(want);
      if (want > current) {
        desired = capRate(want, current, ready);
        reason = Reason.REASON_SCALE_UP;
        why =
            String.format(
                Locale.ROOT,
                "scale up: %.1f nodes of demand over %s",
                stable,
                seconds(policy.stableWindow()));
      } else if (recentMax < current) {
        desired = recentMax;
        reason = Reason.REASON_SCALE_DOWN;
        why =
            String.format(
                Locale.ROOT,
                "scale down: %.1f nodes of demand over %s",
                stable,
                seconds(policy.stableWindow()));
      } else {
        desired = current;
        reason = Reason.REASON_UNSPECIFIED;
        why = "";
      }
    }
    if (reason != Reason.REASON_SCALE_TO_ZERO && !policy.manual()) {
      int floor = current > 0 || t.heldInvocations() > 0 ? Math.max(1, policy.minNodes()) : 0;
      desired = Math.max(floor, Math.min(policy.maxNodes(), desired));
    }
    Optional<ScalingEvent> event = Optional.empty();
    if (desired != current) {
      event = Optional.of(event(now, current, desired, reason, why, in));
    }
    return new Decision(desired, panic, stable, panicDemand, event);
  }

  private int capRate(int want, int current, int ready) {
    int cap = (int) Math.ceil(Math.max(1, ready) * policy.maxScaleUpRate());
    return Math.min(want, Math.max(cap, current));
  }

  private double mean(Instant now, Duration window) {
    Instant from = now.minus(window);
    double sum = 0;
    int n = 0;
    for (Sample s : samples) {
      if (s.at().isAfter(from)) {
        sum += s.demand();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  private static int ceil(double demand) {
    return (int) Math.ceil(Math.max(0, demand - TOLERANCE));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private record Inputs(
      int ready,
      double elu,
      double busy,
      double lagP99,
      double stable,
      double panicDemand,
      int held) {}

  private ScalingEvent event(
      Instant now, int from, int to, Reason reason, String message, Inputs in) {
    if (reason == Reason.REASON_UNSPECIFIED) {
      reason = to > from ? Reason.REASON_SCALE_UP : Reason.REASON_SCALE_DOWN;
      message = "bounds: " + from + " -> " + to + " nodes";
    }
    return ScalingEvent.newBuilder()
        .setTime(Timestamps.fromMillis(now.toEpochMilli()))
        .setPool(pool)
        .setFromNodes(from)
        .setToNodes(to)
        .setReason(reason)
        .setMessage(message)
        .setInputs(
            ScalingInputs.newBuilder()
                .setReadyNodes(in.ready())
                .setTotalElu(in.elu())
                .setBusyThreads(in.busy())
                .setMaxLagP99Seconds(in.lagP99())
                .setStableDesired(in.stable())
                .setPanicDesired(in.panicDemand())
                .setPanic(panic)
                .setHeldInvocations(in.held()))
        .build();
  }
}
