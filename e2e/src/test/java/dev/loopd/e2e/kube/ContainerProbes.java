package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Test scaffolding for {@link FakeKubelet}: the probes of one run of a container, with a kubelet's
 * rules. The startup probe runs first and holds the others back; once it passes (or when there is
 * none) the container counts as started, readiness and liveness begin, and a container without a
 * readiness probe is ready. Readiness flips after {@code successThreshold} successes or {@code
 * failureThreshold} failures in a row; {@code failureThreshold} failures of the startup or liveness
 * probe make the container unhealthy (the runner restarts it).
 */
final class ContainerProbes {

  /** What the probes found out. */
  interface Listener {
    void started();

    void ready(boolean ready);

    void unhealthy(String why);
  }

  private final Container spec;
  private final String podIp;
  private final KubeletContext ctx;
  private final String who;
  private final Listener listener;
  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
  private volatile boolean cancelled;
  private boolean ready;
  private boolean startupPassed;
  private int successes;
  private int failures;
  private int startupFailures;
  private int livenessFailures;

  ContainerProbes(Container spec, String podIp, KubeletContext ctx, String who, Listener listener) {
    this.spec = spec;
    this.podIp = podIp;
    this.ctx = ctx;
    this.who = who;
    this.listener = listener;
  }

  void start() {
    if (spec.getStartupProbe() == null) {
      started();
      return;
    }
    synchronized (this) {
      if (!cancelled) {
        schedule(spec.getStartupProbe(), this::startup);
      }
    }
  }

  synchronized void cancel() {
    cancelled = true;
    scheduled.forEach(f -> f.cancel(false));
  }

  // The listener is called without holding this object's lock: the runner calls cancel() while
  // holding its own.
  private void started() {
    boolean readyNow;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      readyNow = spec.getReadinessProbe() == null;
      ready = readyNow;
      if (!readyNow) {
        schedule(spec.getReadinessProbe(), this::readiness);
      }
      if (spec.getLivenessProbe() != null) {
        schedule(spec.getLivenessProbe(), this::liveness);
      }
    }
    listener.started();
    if (readyNow) {
      listener.ready(true);
    }
  }

  private void schedule(Probe probe, Runnable check) {
    scheduled.add(
        ctx.timers()
            .scheduleWithFixedDelay(
                () -> Thread.ofVirtual().start(check),
                Probes.orDefault(probe.getInitialDelaySeconds(), 0) * 1000L,
                Probes.orDefault(probe.getPeriodSeconds(), 10) * 1000L,
                TimeUnit.MILLISECONDS));
  }

  private boolean check(Probe probe, String what) {
    try {
      return Probes.check(probe, spec, podIp);
    } catch (Probes.Unsupported e) {
      ctx.journal().log("%s: %s probe fails: %s", who, what, e.getMessage());
      return false;
    }
  }

  private void startup() {
    Probe probe = spec.getStartupProbe();
    boolean ok = check(probe, "startup");
    synchronized (this) {
      if (cancelled) {
        return;
      }
      if (ok && startupPassed) {
        return; // an overlapping check passed first
      } else if (ok) {
        startupPassed = true;
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
      } else if (++startupFailures < Probes.orDefault(probe.getFailureThreshold(), 3)) {
        return;
      } else {
        cancel();
      }
    }
    if (ok) {
      ctx.journal().log("%s: startup probe passed", who);
      started();
      return;
    }
    listener.unhealthy("startup probe failed " + startupFailures + " times");
  }

  private void readiness() {
    Probe probe = spec.getReadinessProbe();
    boolean ok = check(probe, "readiness");
    boolean changed;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      successes = ok ? successes + 1 : 0;
      failures = ok ? 0 : failures + 1;
      boolean now =
          ready
              ? failures < Probes.orDefault(probe.getFailureThreshold(), 3)
              : successes >= Probes.orDefault(probe.getSuccessThreshold(), 1);
      changed = now != ready;
      ready = now;
    }
    if (changed) {
      listener.ready(ok);
    }
  }

  private void liveness() {
    Probe probe = spec.getLivenessProbe();
    boolean ok = check(probe, "liveness");
    synchronized (this) {
      if (cancelled) {
        return;
      }
      livenessFailures = ok ? 0 : livenessFailures + 1;
      if (livenessFailures < Probes.orDefault(probe.getFailureThreshold(), 3)) {
        return;
      }
      cancel();
    }
    listener.unhealthy("liveness probe failed " + livenessFailures + " times");
  }
}
