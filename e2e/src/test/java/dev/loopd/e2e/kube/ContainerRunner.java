package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test scaffolding for {@link FakeKubelet}: one container of a pod as a real process. Starts it (or
 * waits with {@code CreateContainerConfigError} and retries while a referenced Secret or ConfigMap
 * is missing), runs its probes ({@link ContainerProbes}), restarts it per the pod's {@code
 * restartPolicy} with the kubelet's back-off (at once, then 10 s doubling to 5 min, reset after 10
 * min of running), and stops it like a kubelet: {@code preStop}, SIGTERM, the rest of the grace
 * period, SIGKILL.
 */
final class ContainerRunner {

  private static final String ID_PREFIX = "fake-kubelet://";

  private final PodRunner pod;
  private final Container spec;
  private final KubeletContext ctx;

  private LoggedProcess process;
  private Instant startedAt;
  private boolean everStarted;
  private boolean ready;
  private int restarts;
  private int backoffStep;
  private ContainerStateTerminated last;
  private ContainerStateTerminated ended;
  private String waitingReason = "ContainerCreating";
  private String waitingMessage;
  private boolean started;
  private boolean stopping;
  private ContainerProbes probes;

  ContainerRunner(PodRunner pod, Container spec, KubeletContext ctx) {
    this.pod = pod;
    this.spec = spec;
    this.ctx = ctx;
  }

  String name() {
    return spec.getName();
  }

  void start() {
    synchronized (this) {
      if (stopping || process != null) {
        return;
      }
    }
    List<String> command;
    Map<String, String> env;
    try {
      env = pod.environment(spec);
      command = pod.command(spec, env);
    } catch (PodEnvironment.ConfigError e) {
      waiting("CreateContainerConfigError", e.getMessage());
      ctx.timers().schedule(this::start, 3, TimeUnit.SECONDS);
      return;
    } catch (KubeletContext.UnknownImage e) {
      waiting("ErrImageNeverPull", e.getMessage());
      return;
    }
    LoggedProcess p =
        LoggedProcess.start(
            pod.key() + "/" + name(), command, env, pod.dir(), pod.dir().resolve(name() + ".log"));
    ContainerProbes runProbes =
        new ContainerProbes(spec, pod.ip(), ctx, pod.key() + "/" + name(), listener(p));
    synchronized (this) {
      if (stopping) { // the pod was deleted while this container was being started
        p.kill();
        return;
      }
      process = p;
      startedAt = Instant.now();
      if (everStarted) {
        restarts++;
      }
      everStarted = true;
      started = false;
      ready = false;
      waitingReason = waitingMessage = null;
      probes = runProbes;
    }
    ctx.journal().log("%s/%s: started pid %d: %s", pod.key(), name(), p.pid(), command);
    p.process().onExit().thenRun(() -> exited(p));
    runProbes.start();
    pod.statusChanged();
  }

  /** Probe results for the run of process {@code p} (ignored once another run replaced it). */
  private ContainerProbes.Listener listener(LoggedProcess p) {
    return new ContainerProbes.Listener() {
      @Override
      public void started() {
        update(() -> started = true);
      }

      @Override
      public void ready(boolean now) {
        ctx.journal().log("%s/%s: %s", pod.key(), name(), now ? "ready" : "not ready");
        update(() -> ready = now);
      }

      @Override
      public void unhealthy(String why) {
        ctx.journal().log("%s/%s: %s, restarting pid %d", pod.key(), name(), why, p.pid());
        update(() -> ready = false);
        Thread.ofVirtual().start(() -> p.stop(Duration.ofSeconds(pod.gracePeriodSeconds())));
      }

      private void update(Runnable change) {
        synchronized (ContainerRunner.this) {
          if (process != p || stopping) {
            return;
          }
          change.run();
        }
        pod.statusChanged();
      }
    };
  }

  private synchronized void waiting(String reason, String message) {
    if (!reason.equals(waitingReason) || !message.equals(waitingMessage)) {
      ctx.journal().log("%s/%s: %s: %s", pod.key(), name(), reason, message);
    }
    waitingReason = reason;
    waitingMessage = message;
    pod.statusChanged();
  }

  private void exited(LoggedProcess p) {
    int code = p.process().exitValue();
    long delay = -1;
    synchronized (this) {
      if (p != process) {
        return;
      }
      probes.cancel();
      process = null;
      started = false;
      ready = false;
      ContainerStateTerminated term =
          new ContainerStateTerminatedBuilder()
              .withExitCode(code)
              .withReason(code == 0 ? "Completed" : "Error")
              .withStartedAt(time(startedAt))
              .withFinishedAt(time(Instant.now()))
              .withContainerID(ID_PREFIX + p.pid())
              .build();
      if (stopping || !pod.restarts(code)) {
        ended = term;
      } else {
        last = term;
        if (Duration.between(startedAt, Instant.now()).toMinutes() >= 10) {
          backoffStep = 0;
        }
        delay = backoffStep == 0 ? 0 : Math.min(300, 10L << (backoffStep - 1));
        backoffStep++;
        waitingReason = "CrashLoopBackOff";
        waitingMessage = "back-off " + delay + "s restarting failed container " + name();
      }
    }
    ctx.journal()
        .log(
            "%s/%s: pid %d exited with %d%s",
            pod.key(), name(), p.pid(), code, delay >= 0 ? ", restarting in " + delay + " s" : "");
    pod.statusChanged();
    if (delay == 0) {
      start();
    } else if (delay > 0) {
      ctx.timers().schedule(this::start, delay, TimeUnit.SECONDS);
    }
  }

  /**
   * Stops the container for good: its {@code preStop} hook, SIGTERM, the rest of the grace period
   * until {@code deadline} (at least 2 s), SIGKILL. Records the outcome in the kubelet's
   * terminations.
   */
  void stop(Instant deadline) {
    LoggedProcess p;
    synchronized (this) {
      stopping = true;
      if (probes != null) {
        probes.cancel();
      }
      ready = false;
      p = process;
    }
    if (p == null) {
      return;
    }
    Instant begin = Instant.now();
    LifecycleHandler preStop =
        spec.getLifecycle() == null ? null : spec.getLifecycle().getPreStop();
    if (preStop != null) {
      PreStop.run(preStop, spec, pod.ip(), deadline, ctx.journal(), pod.key() + "/" + name());
    }
    ctx.journal().log("%s/%s: SIGTERM to pid %d", pod.key(), name(), p.pid());
    p.terminate();
    boolean exited;
    try {
      Duration left = Duration.between(Instant.now(), deadline);
      exited =
          p.awaitExit(left.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : left);
      if (!exited) {
        ctx.journal()
            .log("%s/%s: grace period over, SIGKILL to pid %d", pod.key(), name(), p.pid());
        p.kill();
        p.awaitExit(Duration.ofSeconds(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.kill();
      exited = false;
    }
    int code = p.alive() ? -1 : p.process().exitValue();
    ctx.terminations()
        .add(
            new FakeKubelet.Termination(
                pod.namespace(),
                pod.name(),
                name(),
                p.pid(),
                code,
                !exited,
                Duration.between(begin, Instant.now())));
  }

  synchronized boolean ready() {
    return ready;
  }

  /** True once the container ran and will not run again. */
  synchronized boolean ended() {
    return ended != null && process == null;
  }

  synchronized boolean everStarted() {
    return everStarted;
  }

  synchronized int endedExitCode() {
    return ended == null ? -1 : ended.getExitCode();
  }

  synchronized ContainerStatus status() {
    ContainerState state;
    if (process != null) {
      state = new ContainerStateBuilder().withNewRunning(time(startedAt)).build();
    } else if (ended != null) {
      state = new ContainerStateBuilder().withTerminated(ended).build();
    } else {
      state =
          new ContainerStateBuilder()
              .withNewWaiting()
              .withReason(waitingReason)
              .withMessage(waitingMessage)
              .endWaiting()
              .build();
    }
    return new ContainerStatusBuilder()
        .withName(name())
        .withImage(spec.getImage())
        .withImageID(ID_PREFIX + spec.getImage())
        .withContainerID(process != null ? ID_PREFIX + process.pid() : null)
        .withReady(ready)
        .withStarted(process != null && started)
        .withRestartCount(restarts)
        .withState(state)
        .withLastState(
            last == null
                ? new ContainerState()
                : new ContainerStateBuilder().withTerminated(last).build())
        .build();
  }

  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
