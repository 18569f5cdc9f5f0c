package dev.loopd.node.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop with libuv's phase order (uv_run in UV_RUN_DEFAULT mode, libuv 1.46 as in Node
 * 20): timers, pending, idle/prepare, poll, check, close.
 *
 * <p>The loop knows nothing of JavaScript. JavaScript timers, immediates and the nextTick queue
 * live on the JS side, exactly as in Node, and reach the loop through a {@link Realm}: one per JS
 * context, each with one timer handle (an expiry and a ref flag), an immediate flag and ref flag,
 * and flags for a scheduled tick or rejection. {@code run} has one realm; a serving node has one
 * per handler version, all on this one loop. Every callback the loop runs goes through {@link
 * #runTask}, which times it, tells the watchdog, and then lets its realm drain the nextTick and
 * promise queues.
 *
 * <p>Threading: everything here runs on the loop thread except {@link #submit}, which any thread
 * may call to hand a completion to the poll phase.
 */
public final class EventLoop {

  /** What the loop calls on the JS side. Every method runs on the loop thread. */
  public interface Host {
    /** Returned by {@link #runTimers} when it ran one callback and must be called again. */
    double RAN_ONE = Double.POSITIVE_INFINITY;

    /**
     * Runs at most one due JS timer callback. Returns {@link #RAN_ONE}, or (as Node's
     * processTimers) 0 when no JS timer is left, the next expiry when it is referenced, and the
     * negated next expiry when it is not.
     */
    double runTimers(long now);

    /** Runs at most one immediate of the current check-phase snapshot; false when none was left. */
    boolean runImmediate();

    /** Drains the nextTick queue (the promise jobs drain when the JS call returns). */
    void runTicks();

    /** Reports unhandled rejections collected during the last drain. */
    void runRejections();

    /** A callback threw: report it as an uncaught exception (may end the process). */
    void uncaught(Throwable error, TaskKind kind);
  }

  /** What kind of macrotask is running, for health figures and messages. */
  public enum TaskKind {
    MAIN,
    TIMER,
    PENDING,
    POLL,
    IMMEDIATE,
    CLOSE,
    INTERNAL
  }

  /** Observes every macrotask: the lag monitor, the watchdog and the task histogram use it. */
  public interface TaskObserver {
    void taskStarted(TaskKind kind, long startNanos);

    void taskEnded(TaskKind kind, long startNanos, long endNanos);
  }

  private static final long NO_EXPIRY = Long.MAX_VALUE;

  private final long originNanos = System.nanoTime();
  private long now; // loop time in ms, cached per iteration like uv_now()
  private Thread loopThread;
  private final List<TaskObserver> observers = new ArrayList<>();

  // Realms in attach order; the order breaks ties between realms whose timers expire together.
  private final ArrayList<Realm> realms = new ArrayList<>();
  private long realmSequence;
  private volatile Realm running; // the realm whose task is on the loop thread, for the watchdog

  private final PriorityQueue<LoopTimer> timers = new PriorityQueue<>();
  private long timerSequence;
  private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
  private final ArrayDeque<Runnable> closing = new ArrayDeque<>();
  private final LinkedBlockingQueue<Runnable> completions = new LinkedBlockingQueue<>();
  private final AtomicInteger activeRequests = new AtomicInteger();
  private int refHandles;
  private boolean stopped;
  private Runnable beforeBlock = () -> {};

  // Health: time spent waiting in poll, and when the loop first started iterating.
  private long idleNanos;
  private long loopStartNanos;
  private long iterations;

  public EventLoop() {
    updateTime();
  }

  /**
   * Attaches a JS context's host at once (call on the loop thread, or before the loop runs): the
   * realm is how that context's handles reach the loop.
   */
  public Realm attach(Host host) {
    Realm realm = newRealm(host);
    realm.join();
    return realm;
  }

  /**
   * A realm not yet on the loop, for a context prepared on another thread (a handler loading beside
   * the ones serving): its handles take effect once {@link Realm#join} runs on the loop.
   */
  public Realm newRealm(Host host) {
    synchronized (realms) {
      return new Realm(host, realmSequence++);
    }
  }

  public void addObserver(TaskObserver observer) {
    observers.add(observer);
  }

  /** Runs before poll may block, e.g. to flush buffered stdout. */
  public void setBeforeBlock(Runnable beforeBlock) {
    this.beforeBlock = beforeBlock;
  }

  // ---- time ---------------------------------------------------------------------------------

  /** The cached loop time in milliseconds, like uv_now(). */
  public long now() {
    return now;
  }

  public long originNanos() {
    return originNanos;
  }

  /** Refreshes and returns the loop time, as Node's GetNow() does for timers set by scripts. */
  public long updateAndGetNow() {
    updateTime();
    return now;
  }

  private void updateTime() {
    now = (System.nanoTime() - originNanos) / 1_000_000L;
  }

  // ---- the JS side's handles ----------------------------------------------------------------

  /**
   * One JS context's handles on the loop: Node keeps one uv_timer_t for all JS timers, one
   * check/idle handle pair for immediates, and the tick and rejection flags of its task queue. Call
   * its methods on the loop thread.
   */
  public final class Realm {
    private final Host host;
    private final long order;
    private long jsTimerExpiry = NO_EXPIRY;
    private boolean jsTimerRef = true;
    // Pending immediates mean the check phase has work; ref'd ones keep the loop alive and make
    // poll non-blocking (Node's idle handle).
    private boolean immediatesPending;
    private boolean immediateRef;
    private boolean tickScheduled;
    private boolean rejectionPending;
    private boolean taskFailed;
    private boolean detached;
    private volatile Object owner;

    private Realm(Host host, long order) {
      this.host = host;
      this.order = order;
    }

    /** Node's scheduleTimer(msecs): (re)starts the JS timer handle msecs after loop time. */
    public void scheduleJsTimer(long delayMs) {
      jsTimerExpiry = now + Math.max(0, delayMs);
    }

    public void setJsTimerRef(boolean ref) {
      jsTimerRef = ref;
    }

    public void setImmediatesPending(boolean pendingImmediates) {
      immediatesPending = pendingImmediates;
    }

    public void setImmediateRef(boolean ref) {
      immediateRef = ref;
    }

    public void setTickScheduled(boolean scheduled) {
      tickScheduled = scheduled;
    }

    public void setRejectionPending(boolean pendingRejection) {
      rejectionPending = pendingRejection;
    }

    /** The running task's callback threw and the host handled it: skip this task's drain. */
    public void markTaskFailed() {
      taskFailed = true;
    }

    /**
     * Starts a request (like uv_req_t) whose completion runs in this realm: the loop stays alive
     * until it has run in the poll phase. Call {@link Request#complete} from any thread.
     */
    public Request startRequest() {
      activeRequests.incrementAndGet();
      return new Request(this);
    }

    /** Hands a task for this realm to the poll phase from any thread (not keeping it alive). */
    public void submit(Runnable task) {
      completions.add(() -> runTask(this, TaskKind.POLL, task));
    }

    /** Runs a task in this realm now (on the loop thread), with its microtask drain. */
    public void run(TaskKind kind, Runnable task) {
      runTask(this, kind, task);
    }

    /** Puts the realm on the loop: its timers and immediates run from now on. Loop thread. */
    public void join() {
      if (!detached && !realms.contains(this)) realms.add(this);
    }

    /**
     * Takes the realm off the loop: its timers and immediates no longer run or keep the loop alive.
     * Completions already handed to it still run (and fail in its closed context).
     */
    public void detach() {
      detached = true;
      realms.remove(this);
    }

    public boolean isDetached() {
      return detached;
    }

    /** What this realm belongs to (a handler version), for the watchdog and task figures. */
    public Object owner() {
      return owner;
    }

    public void setOwner(Object owner) {
      this.owner = owner;
    }

    private boolean timerAlive() {
      return jsTimerExpiry != NO_EXPIRY && jsTimerRef;
    }

    private boolean immediateAlive() {
      return immediatesPending && immediateRef;
    }
  }

  /** The realm whose task is running on the loop thread, or null; readable from any thread. */
  public Realm runningRealm() {
    return running;
  }

  // ---- handles and requests of the Java side ------------------------------------------------

  /** A timer owned by Java code (lag monitor, stats). Unreferenced unless said otherwise. */
  public LoopTimer startTimer(long delayMs, boolean ref, Runnable callback) {
    LoopTimer timer = new LoopTimer(now + Math.max(0, delayMs), timerSequence++, ref, callback);
    timers.add(timer);
    return timer;
  }

  public void stopTimer(LoopTimer timer) {
    timers.remove(timer);
  }

  /** A referenced handle keeps the loop alive (a server, an open session). */
  public void refHandle() {
    refHandles++;
  }

  public void unrefHandle() {
    refHandles--;
  }

  /**
   * Starts a request (like uv_req_t) of the Java side: the loop stays alive until {@code
   * completion} has run in the poll phase. Call {@link Request#complete} from any thread.
   */
  public Request startRequest() {
    activeRequests.incrementAndGet();
    return new Request(null);
  }

  /** An in-flight request; completing it schedules its callback for the poll phase. */
  public final class Request {
    private final Realm realm;

    private Request(Realm realm) {
      this.realm = realm;
    }

    /** The work was never queued (e.g. the pool refused it): forget the request. */
    public void abandon() {
      activeRequests.decrementAndGet();
    }

    public void complete(Runnable callback) {
      completions.add(() -> {
        activeRequests.decrementAndGet();
        runTask(realm, TaskKind.POLL, callback);
      });
    }
  }

  /** Hands a Java task to the poll phase from any thread, without keeping the loop alive. */
  public void submit(Runnable task) {
    completions.add(() -> runTask(null, TaskKind.POLL, task));
  }

  public void deferToPending(Runnable callback) {
    pending.add(callback);
  }

  public void deferToClose(Runnable callback) {
    closing.add(callback);
  }

  public int activeRequests() {
    return activeRequests.get();
  }

  // ---- running ------------------------------------------------------------------------------

  public boolean isLoopThread() {
    return Thread.currentThread() == loopThread;
  }

  /** uv_loop_alive(): referenced handles, active requests, or callbacks still queued. */
  public boolean isAlive() {
    return anyRealmAlive()
        || activeRequests.get() > 0
        || refHandles > 0
        || hasRefTimer()
        || !pending.isEmpty()
        || !closing.isEmpty();
  }

  private boolean anyRealmAlive() {
    for (int i = 0; i < realms.size(); i++) {
      Realm r = realms.get(i);
      if (r.timerAlive() || r.immediateAlive()) return true;
    }
    return false;
  }

  private boolean anyImmediateAlive() {
    for (int i = 0; i < realms.size(); i++) {
      if (realms.get(i).immediateAlive()) return true;
    }
    return false;
  }

  private boolean hasRefTimer() {
    for (LoopTimer t : timers) {
      if (t.ref) return true;
    }
    return false;
  }

  public void stop() {
    stopped = true;
  }

  public boolean isStopped() {
    return stopped;
  }

  /** Runs a Java macrotask (no JS context, so no microtask drain), timed and observed. */
  public void runTask(TaskKind kind, Runnable task) {
    runTask(null, kind, task);
  }

  /**
   * Runs a macrotask the way Node's InternalCallbackScope does: the callback, then the realm's
   * nextTick queue and promise jobs until both are empty. The first task on this thread binds the
   * loop.
   */
  public void runTask(Realm realm, TaskKind kind, Runnable task) {
    if (loopThread == null) loopThread = Thread.currentThread();
    Realm outer = running;
    running = realm;
    long start = System.nanoTime();
    for (int i = 0; i < observers.size(); i++) observers.get(i).taskStarted(kind, start);
    try {
      boolean threw = false;
      try {
        task.run();
      } catch (RuntimeException | StackOverflowError e) {
        threw = true;
        if (realm == null) throw e;
        realm.host.uncaught(e, kind);
      }
      // Node's InternalCallbackScope skips the drain when the callback threw: the ticks it queued
      // wait for the next callback (or the next check phase, see runCheck).
      if (realm != null) {
        if (!threw && !realm.taskFailed) drainMicrotasks(realm, kind);
        realm.taskFailed = false;
      }
    } finally {
      long end = System.nanoTime();
      for (int i = 0; i < observers.size(); i++) observers.get(i).taskEnded(kind, start, end);
      running = outer;
    }
  }

  private void drainMicrotasks(Realm realm, TaskKind kind) {
    while (!stopped && (realm.tickScheduled || realm.rejectionPending)) {
      try {
        if (realm.tickScheduled) {
          realm.host.runTicks();
        } else {
          realm.rejectionPending = false;
          realm.host.runRejections();
        }
      } catch (RuntimeException | StackOverflowError e) {
        realm.host.uncaught(e, kind);
        return; // as after a callback that threw: the rest waits for the next drain
      }
    }
  }

  /** uv_run(loop, UV_RUN_DEFAULT). Returns whether the loop is still alive (it was stopped). */
  public boolean run() {
    if (loopThread == null) loopThread = Thread.currentThread();
    if (loopStartNanos == 0) loopStartNanos = System.nanoTime();
    boolean alive = isAlive();
    updateTime();
    if (alive && !stopped) runTimers();
    while (alive && !stopped) {
      runPending();
      // idle and prepare: nothing user-visible runs here (Node uses the idle handle only to keep
      // poll from blocking while referenced immediates wait, which backendTimeout() reflects).
      poll(backendTimeout());
      runCheck();
      runClosing();
      updateTime();
      runTimers();
      iterations++;
      alive = isAlive();
    }
    return alive;
  }

  /** uv__backend_timeout: how long poll may block, in ms; -1 for no limit. */
  long backendTimeout() {
    if (stopped) return 0;
    if (refHandles == 0 && activeRequests.get() == 0 && !anyRealmAlive() && !hasRefTimer()) {
      return 0;
    }
    if (anyImmediateAlive()) return 0;
    if (!pending.isEmpty() || !closing.isEmpty()) return 0;
    long next = nextExpiry();
    if (next == NO_EXPIRY) return -1;
    return Math.max(0, next - now);
  }

  private long nextExpiry() {
    long next = NO_EXPIRY;
    for (int i = 0; i < realms.size(); i++) next = Math.min(next, realms.get(i).jsTimerExpiry);
    LoopTimer first = timers.peek();
    if (first != null && first.expiry < next) next = first.expiry;
    return next;
  }

  /**
   * uv__run_timers (libuv 1.45+): the timers due at the cached time when the phase starts, each run
   * once, in (expiry, start) order. Timers that come due meanwhile wait for the next phase.
   */
  private void runTimers() {
    ArrayList<LoopTimer> ready = null;
    while (!timers.isEmpty() && timers.peek().expiry <= now) {
      if (ready == null) ready = new ArrayList<>();
      ready.add(timers.poll());
    }
    ArrayList<Realm> due = null;
    for (int i = 0; i < realms.size(); i++) {
      Realm r = realms.get(i);
      if (r.jsTimerExpiry <= now) {
        if (due == null) due = new ArrayList<>();
        due.add(r);
      }
    }
    if (due != null && due.size() > 1) {
      due.sort((a, b) -> {
        int c = Long.compare(a.jsTimerExpiry, b.jsTimerExpiry);
        return c != 0 ? c : Long.compare(a.order, b.order);
      });
    }
    // Java timers and realms' timer handles run in expiry order; a JS handle first on a tie.
    int j = 0;
    if (ready != null) {
      for (int i = 0; i < ready.size() && !stopped; i++) {
        while (due != null && j < due.size() && due.get(j).jsTimerExpiry <= ready.get(i).expiry) {
          runJsTimers(due.get(j++));
        }
        runTask(TaskKind.INTERNAL, ready.get(i).callback);
      }
    }
    while (due != null && j < due.size() && !stopped) runJsTimers(due.get(j++));
  }

  private void runJsTimers(Realm realm) {
    if (realm.detached) return;
    realm.jsTimerExpiry = NO_EXPIRY; // the handle fires once; processTimers' result re-arms it
    final long at = now;
    while (!stopped && !realm.detached) {
      // A callback that throws leaves RAN_ONE: the rest of the due timers still run, as in Node.
      double[] result = {Host.RAN_ONE};
      runTask(realm, TaskKind.TIMER, () -> result[0] = realm.host.runTimers(at));
      double r = result[0];
      if (r == Host.RAN_ONE) continue;
      if (r != 0) {
        realm.jsTimerExpiry = (long) Math.abs(r);
        realm.jsTimerRef = r > 0;
      }
      return;
    }
  }

  private void runPending() {
    int n = pending.size();
    for (int i = 0; i < n && !stopped; i++) runTask(TaskKind.PENDING, pending.poll());
  }

  private void poll(long timeoutMs) {
    Runnable first;
    try {
      if (timeoutMs == 0) {
        first = completions.poll();
      } else {
        beforeBlock.run();
        long waitStart = System.nanoTime();
        first =
            timeoutMs < 0 ? completions.take() : completions.poll(timeoutMs, TimeUnit.MILLISECONDS);
        idleNanos += System.nanoTime() - waitStart;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return;
    }
    updateTime();
    if (first == null) return;
    // Run what was ready when poll returned; later arrivals wait for the next iteration.
    ArrayList<Runnable> ready = new ArrayList<>();
    ready.add(first);
    completions.drainTo(ready);
    for (int i = 0; i < ready.size(); i++) {
      if (stopped) {
        completions.addAll(ready.subList(i, ready.size()));
        return;
      }
      ready.get(i).run();
    }
  }

  private void runCheck() {
    Realm[] snapshot = realms.toArray(new Realm[0]); // a callback may attach or detach realms
    for (int i = 0; i < snapshot.length && !stopped; i++) {
      Realm realm = snapshot[i];
      if (realm.detached) continue;
      // Node opens a callback scope at the start of every check phase (for native immediates),
      // so ticks left behind by a callback that threw drain here, before any immediate.
      if (realm.tickScheduled || realm.rejectionPending) {
        drainMicrotasks(realm, TaskKind.IMMEDIATE);
      }
      if (!realm.immediatesPending) continue;
      boolean[] ran = {true};
      while (ran[0] && !stopped && !realm.detached) {
        runTask(realm, TaskKind.IMMEDIATE, () -> ran[0] = realm.host.runImmediate());
      }
    }
  }

  private void runClosing() {
    int n = closing.size();
    for (int i = 0; i < n && !stopped; i++) runTask(TaskKind.CLOSE, closing.poll());
  }

  // ---- health figures -----------------------------------------------------------------------

  /** Total time the loop spent waiting in poll, in nanoseconds. */
  public long idleNanos() {
    return idleNanos;
  }

  /** When the loop first started iterating (System.nanoTime), or 0 before that. */
  public long loopStartNanos() {
    return loopStartNanos;
  }

  public long iterations() {
    return iterations;
  }

  /** A timer of the Java side. */
  public static final class LoopTimer implements Comparable<LoopTimer> {
    final long expiry;
    final long sequence;
    final boolean ref;
    final Runnable callback;

    LoopTimer(long expiry, long sequence, boolean ref, Runnable callback) {
      this.expiry = expiry;
      this.sequence = sequence;
      this.ref = ref;
      this.callback = callback;
    }

    @Override
    public int compareTo(LoopTimer o) {
      int c = Long.compare(expiry, o.expiry);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
