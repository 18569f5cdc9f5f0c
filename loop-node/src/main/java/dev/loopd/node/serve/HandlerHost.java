package dev.loopd.node.serve;

import com.google.protobuf.Any;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import dev.loopd.node.js.JsRuntime;
import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.DrainResponse;
import dev.loopd.proto.node.v1.HandlerInfo;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.ListHandlersResponse;
import dev.loopd.proto.node.v1.LoadHandlerResponse;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.SourceError;
import dev.loopd.proto.node.v1.UnloadHandlerResponse;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * The serving node's core: the handlers it holds and the invocations it runs, on one {@link
 * EventLoop}. Every handler version has its own JS context; all share the loop, the engine and the
 * blocking pool.
 *
 * <p>Threads: front ends call in from their own threads. Loading (context creation, module
 * evaluation) runs on a loader thread so it never blocks the loop; a loaded version joins the loop
 * and becomes current in one loop task, so requests switch atomically. Invocations are handed to
 * the loop's poll phase; deadlines fire on a scheduler thread; the watchdog interrupts a task that
 * runs past its handler's CPU budget.
 */
public final class HandlerHost implements NodeCore, AutoCloseable {
  /** Source text limit (UTF-8 bytes), as DESIGN.md says. */
  public static final int MAX_SOURCE_BYTES = 1 << 20;

  /** The node's built-in defaults, for limits a handler and its pool leave at 0. */
  public record Defaults(
      long cpuBudgetMs,
      long deadlineMs,
      long maxRequestBytes,
      long maxResponseBytes,
      int maxHandlers) {
    public static Defaults standard() {
      return new Defaults(1_000, 30_000, 1 << 20, 6 << 20, 256);
    }
  }

  /** Told when invocations start and end (stats, metrics, traces). Any thread. */
  public interface InvocationListener {
    /** An invocation was handed to a handler; the tracker hears how it ended. */
    Tracker started(HandlerVersionInfo version, InvokeRequest request, String invocationId);

    /** Turned away before any handler ran (draining, body too large). */
    void refused(String handler, InvocationOutcome outcome);

    /** One invocation's end. */
    interface Tracker {
      void finished(InvocationOutcome outcome, int httpStatus, long durationNanos);
    }

    InvocationListener NONE =
        new InvocationListener() {
          @Override
          public Tracker started(HandlerVersionInfo v, InvokeRequest r, String id) {
            return (outcome, status, nanos) -> {};
          }

          @Override
          public void refused(String handler, InvocationOutcome outcome) {}
        };
  }

  /** What listeners learn about the version serving an invocation. */
  public record HandlerVersionInfo(String name, String version, String tenant) {}

  /** How late a deadline may fire: the period of the sweep over the invocations in flight. */
  static final long DEADLINE_TICK_MILLIS = 10;

  private final EventLoop loop;
  private final BlockingPool pool;
  private final Defaults defaults;
  private final HandlerLog log;
  private final ExecutorService loader;
  private final ScheduledThreadPoolExecutor timers;
  private final Map<String, HandlerVersion> current = new ConcurrentHashMap<>();
  private final Map<String, Failed> failed = new ConcurrentHashMap<>();
  private final Set<Invocation> live = ConcurrentHashMap.newKeySet();
  private final AtomicLong handlerSetVersion = new AtomicLong();
  private final List<Consumer<NodeStats>> statsListeners = new CopyOnWriteArrayList<>();
  private volatile Limits poolDefaults = Limits.getDefaultInstance();
  private volatile Consumer<dev.loopd.proto.node.v1.PoolSettings> poolSettingsHandler =
      settings -> {
        int size = settings.getBlockingPool().getSize();
        if (size > 0) resizePool(size);
      };
  private volatile InvocationListener listener = InvocationListener.NONE;
  private volatile Supplier<NodeStats> stats = NodeStats::getDefaultInstance;
  private volatile boolean ready;
  private volatile boolean draining;
  private volatile boolean loopRunning = true;
  private volatile boolean closed;
  // Sessions apply one control message at a time; LoadHandler calls go through the same order.
  private CompletableFuture<?> applyChain = CompletableFuture.completedFuture(null);

  /** A handler whose only version failed to load: invocations get FAILED_PRECONDITION. */
  private record Failed(HandlerSpec spec, String sha256, SourceError error) {}

  public HandlerHost(EventLoop loop, BlockingPool pool, Defaults defaults, HandlerLog log) {
    this.loop = loop;
    this.pool = pool;
    this.defaults = defaults;
    this.log = log;
    this.loader =
        Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "loopd-loader");
          t.setDaemon(true);
          return t;
        });
    this.timers =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "loopd-deadlines");
              t.setDaemon(true);
              return t;
            });
    timers.setRemoveOnCancelPolicy(true);
    timers.scheduleWithFixedDelay(
        this::expireOverdue, DEADLINE_TICK_MILLIS, DEADLINE_TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  public void setInvocationListener(InvocationListener listener) {
    this.listener = listener;
  }

  /** Where {@link #latestStats} comes from (the node's stats windows). */
  public void setStatsSource(Supplier<NodeStats> stats) {
    this.stats = stats;
  }

  /** Publishes a closed stats window to {@link #onStats} listeners (any thread). */
  public void publishStats(NodeStats window) {
    for (Consumer<NodeStats> l : statsListeners) l.accept(window);
  }

  /** Marks the node ready (a standalone node, once its --handler files loaded). */
  public void markReady() {
    ready = true;
  }

  public long handlerSetVersion() {
    return handlerSetVersion.get();
  }

  public int inFlight() {
    return live.size();
  }

  // ---- warming up ---------------------------------------------------------------------------

  /**
   * Runs the invocation path (request and response mapping, promise jobs, the loop hand-off) a few
   * hundred times in a throwaway handler, so the engine's shared code for it is compiled before the
   * first real request: contexts share one engine, so every handler starts warm. Call before the
   * node reports ready.
   */
  public CompletableFuture<Void> warmUp(int calls) {
    HandlerSpec spec =
        HandlerSpec.newBuilder()
            .setName(WARM_UP)
            .setVersion("0")
            .setSource(
                "export default async (req) => ({ path: req.path, q: req.query.a,"
                    + " h: req.headers['x-a'], n: (await req.text()).length });")
            .build();
    HandlerVersion version =
        new HandlerVersion(
            spec,
            sha256(spec.getSource().getBytes(StandardCharsets.UTF_8)),
            effectiveLimits(Limits.newBuilder().setCpuBudgetMs(60_000).build()),
            log);
    InvokeRequest request =
        InvokeRequest.newBuilder()
            .setHandler(spec.getName())
            .setMethod("POST")
            .setPath("/warm")
            .addQuery(dev.loopd.proto.node.v1.QueryParam.newBuilder().setName("a").setValue("1"))
            .addHeaders(dev.loopd.proto.node.v1.Header.newBuilder().setName("x-a").setValue("b"))
            .setBody(com.google.protobuf.ByteString.copyFromUtf8("{\"warm\":true}"))
            .build();
    return CompletableFuture.supplyAsync(() -> evaluate(version), loader)
        .thenCompose(error -> {
          if (error != null) {
            return CompletableFuture.failedFuture(
                new IllegalStateException("warm-up handler did not load: " + describe(error)));
          }
          CompletableFuture<Void> joined = new CompletableFuture<>();
          loop.submit(() -> {
            version.runtime().realm().join();
            joined.complete(null);
          });
          return joined;
        })
        .thenCompose(ignored -> warmUpCalls(version, request, calls))
        .whenComplete((ok, e) -> {
          if (version.runtime() != null && version.retire()) loop.submit(version::close);
        });
  }

  private CompletableFuture<Void> warmUpCalls(
      HandlerVersion version, InvokeRequest request, int remaining) {
    CompletableFuture<Void> batch = CompletableFuture.completedFuture(null);
    List<CompletableFuture<InvokeResponse>> calls = new ArrayList<>();
    for (int i = 0; i < Math.min(remaining, 16); i++) {
      if (!version.acquire()) break;
      calls.add(invokeAcquired(version, request, Long.MAX_VALUE, System.nanoTime()));
    }
    batch = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    int left = remaining - calls.size();
    return left <= 0 || calls.isEmpty()
        ? batch
        : batch.thenCompose(ignored -> warmUpCalls(version, request, left));
  }

  // ---- the watchdog's view ------------------------------------------------------------------

  /** CPU budget of the task running on the loop, in nanoseconds; 0 when it has none. */
  public long runningTaskBudgetNanos() {
    HandlerVersion v = runningVersion();
    return v == null ? 0 : TimeUnit.MILLISECONDS.toNanos(budgetMs(v));
  }

  /** The CPU budget of the version's next task, in milliseconds. */
  static long budgetMs(HandlerVersion v) {
    long budgetMs = v.limits().getCpuBudgetMs();
    // A fresh version's first few invocations run its code for the first time (parsing, the
    // interpreter, first compilations): they get at least a second, so a 50 ms budget does not
    // fail a handler's first request on a cold node.
    if (v.invocationsStarted() <= COLD_INVOCATIONS) budgetMs = Math.max(budgetMs, 1_000);
    return budgetMs;
  }

  private static final String WARM_UP = "loopd-warm-up";

  /** How many invocations of a new version count as cold for the CPU budget. */
  static final int COLD_INVOCATIONS = 3;

  /** What the running task belongs to, for the watchdog's warning. */
  public String runningTaskOwner() {
    HandlerVersion v = runningVersion();
    return v == null ? "the node" : v.toString();
  }

  /** Interrupts the handler JavaScript running on the loop (watchdog thread). */
  public void interruptRunningTask() {
    HandlerVersion v = runningVersion();
    if (v != null) v.runtime().interrupt();
  }

  private HandlerVersion runningVersion() {
    EventLoop.Realm realm = loop.runningRealm();
    return realm != null && realm.owner() instanceof HandlerVersion v ? v : null;
  }

  // ---- loading ------------------------------------------------------------------------------

  @Override
  public CompletableFuture<LoadHandlerResponse> load(HandlerSpec spec) {
    return serialized(() -> loadNow(spec));
  }

  private synchronized <T> CompletableFuture<T> serialized(Supplier<CompletableFuture<T>> step) {
    CompletableFuture<T> result =
        applyChain.handle((x, e) -> null).thenCompose(ignored -> step.get());
    applyChain = result;
    return result;
  }

  private CompletableFuture<LoadHandlerResponse> loadNow(HandlerSpec spec) {
    String sha;
    try {
      sha = validate(spec);
    } catch (StatusRuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (draining) {
      return failed(Status.FAILED_PRECONDITION.withDescription("the node is draining"));
    }
    Limits limits = effectiveLimits(spec.getLimits());
    HandlerVersion existing = current.get(spec.getName());
    if (existing != null && existing.version().equals(spec.getVersion())) {
      if (existing.sha256().equals(sha) && existing.limits().equals(limits)) {
        return CompletableFuture.completedFuture(loadResponse(existing, Duration.ZERO));
      }
      return failed(
          Status.ALREADY_EXISTS.withDescription(
              existing
                  + " is loaded with a different source or limits; versions are immutable:"
                  + " load it under a new version"));
    }
    if (existing == null && current.size() >= defaults.maxHandlers()) {
      return failed(
          Status.RESOURCE_EXHAUSTED.withDescription(
              "the node holds its limit of "
                  + defaults.maxHandlers()
                  + " handlers; unload one or use another pool"));
    }
    HandlerVersion version = new HandlerVersion(spec, sha, limits, log);
    CompletableFuture<LoadHandlerResponse> result = new CompletableFuture<>();
    long started = System.nanoTime();
    loader.execute(() -> {
      SourceError error;
      try {
        error = evaluate(version);
      } catch (RuntimeException e) {
        log.write(version, "error", "internal error while loading (please report it): " + e, "");
        result.completeExceptionally(
            Status.INTERNAL.withDescription("loading failed: " + e).asRuntimeException());
        return;
      }
      if (error != null) {
        if (current.get(spec.getName()) == null) {
          failed.put(spec.getName(), new Failed(spec, sha, error));
        }
        log.write(version, "error", "did not load: " + describe(error), "");
        result.completeExceptionally(sourceError(version, error));
        return;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      loop.submit(() -> {
        activate(version);
        log.write(version, "info", "loaded in " + took.toMillis() + " ms", "");
        result.complete(loadResponse(version, took));
      });
    });
    return result;
  }

  /** Checks a spec; returns the SHA-256 of its source. */
  private static String validate(HandlerSpec spec) {
    if (!HandlerNames.isValid(spec.getName())) {
      throw Status.INVALID_ARGUMENT
          .withDescription(HandlerNames.describeInvalid(spec.getName()))
          .asRuntimeException();
    }
    if (spec.getVersion().isEmpty() || spec.getVersion().length() > 63) {
      throw Status.INVALID_ARGUMENT
          .withDescription(
              "handler " + spec.getName() + " needs a version label of 1 to 63 characters")
          .asRuntimeException();
    }
    byte[] source = spec.getSource().getBytes(StandardCharsets.UTF_8);
    if (source.length > MAX_SOURCE_BYTES) {
      throw invalidSource(
          spec,
          "the source is "
              + source.length
              + " bytes, over the limit of "
              + MAX_SOURCE_BYTES
              + " (1 MiB)");
    }
    String sha = sha256(source);
    if (!spec.getSourceSha256().isEmpty() && !spec.getSourceSha256().equalsIgnoreCase(sha)) {
      throw invalidSource(
          spec,
          "source_sha256 is "
              + spec.getSourceSha256()
              + " but the source hashes to "
              + sha
              + ": the source was changed or cut in transit");
    }
    return sha;
  }

  private static StatusRuntimeException invalidSource(HandlerSpec spec, String message) {
    SourceError error =
        SourceError.newBuilder()
            .setKind(SourceError.Kind.KIND_INVALID_SOURCE)
            .setMessage(message)
            .build();
    return statusWithError(
        "handler " + spec.getName() + " version " + spec.getVersion() + ": " + message, error);
  }

  private static StatusRuntimeException sourceError(HandlerVersion v, SourceError error) {
    return statusWithError(v + " did not load: " + describe(error), error);
  }

  private static StatusRuntimeException statusWithError(String message, SourceError error) {
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(Status.Code.INVALID_ARGUMENT.value())
            .setMessage(message)
            .addDetails(Any.pack(error))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  static String describe(SourceError e) {
    String at = e.getLine() > 0 ? " (line " + e.getLine() + ", column " + e.getColumn() + ")" : "";
    return e.getMessage() + at;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Limits effectiveLimits(Limits given) {
    Limits pool = poolDefaults;
    return Limits.newBuilder()
        .setCpuBudgetMs(pick(given.getCpuBudgetMs(), pool.getCpuBudgetMs(), defaults.cpuBudgetMs()))
        .setDeadlineMs(pick(given.getDeadlineMs(), pool.getDeadlineMs(), defaults.deadlineMs()))
        .setMaxRequestBytes(
            pick(given.getMaxRequestBytes(), pool.getMaxRequestBytes(), defaults.maxRequestBytes()))
        .setMaxResponseBytes(
            pick(
                given.getMaxResponseBytes(),
                pool.getMaxResponseBytes(),
                defaults.maxResponseBytes()))
        .build();
  }

  private static long pick(long given, long pool, long node) {
    return given > 0 ? given : pool > 0 ? pool : node;
  }

  /**
   * Creates the version's context and evaluates its module (loader thread). The module's top level
   * gets the handler's CPU budget, at least a second so a cold engine's first compile fits.
   */
  private SourceError evaluate(HandlerVersion version) {
    JsRuntime runtime;
    try {
      runtime = new JsRuntime(loop, pool, version);
    } catch (RuntimeException e) {
      return SourceError.newBuilder()
          .setKind(SourceError.Kind.KIND_EVALUATION)
          .setMessage("the handler's context could not be created: " + e.getMessage())
          .build();
    }
    version.attach(runtime);
    runtime.realm().setOwner(version);
    runtime.onInterrupt((error, kind) -> version.interrupted(error, budgetMs(version)));
    long budgetMs = Math.max(1_000, version.limits().getCpuBudgetMs());
    var stopper = timers.schedule(runtime::interrupt, budgetMs, TimeUnit.MILLISECONDS);
    try {
      HandlerSpec spec = version.spec();
      runtime.loadHandler(spec.getTenant(), spec.getName(), spec.getVersion(), spec.getSource());
      return null;
    } catch (PolyglotException e) {
      SourceError error = classify(e, budgetMs);
      runtime.close();
      return error;
    } finally {
      stopper.cancel(false);
    }
  }

  private static SourceError classify(PolyglotException e, long budgetMs) {
    SourceError.Builder error = SourceError.newBuilder();
    if (e.isInterrupted() || e.isCancelled()) {
      return error
          .setKind(SourceError.Kind.KIND_EVALUATION)
          .setMessage("the module's top level ran past its CPU budget of " + budgetMs + " ms")
          .build();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.isSyntaxError()) {
      error.setKind(SourceError.Kind.KIND_SYNTAX).setMessage(JsRuntime.syntaxErrorText(e));
      SourceSection at = e.getSourceLocation();
      if (at != null && at.hasLines()) {
        error.setLine(at.getStartLine()).setColumn(at.getStartColumn());
      }
      return error.build();
    }
    String code = "";
    if (e.isGuestException() && e.getGuestObject() != null) {
      var guest = e.getGuestObject();
      if (guest.hasMembers() && guest.getMember("code") != null) {
        var c = guest.getMember("code");
        if (c.isString()) code = c.asString();
      }
    }
    if (code.equals("ERR_UNKNOWN_BUILTIN_MODULE") || message.contains("can import only")) {
      error.setKind(SourceError.Kind.KIND_UNSUPPORTED_MODULE);
    } else if (code.equals("ERR_LOOPD_INVALID_EXPORT")) {
      error.setKind(SourceError.Kind.KIND_INVALID_EXPORT);
    } else {
      error.setKind(SourceError.Kind.KIND_EVALUATION);
    }
    error.setMessage(message);
    for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
      SourceSection at = frame.getSourceLocation();
      if (frame.isGuestFrame() && at != null && at.hasLines()) {
        String name = at.getSource().getName();
        if (name != null && name.endsWith(".mjs") && !name.startsWith("node:")) {
          error.setLine(at.getStartLine()).setColumn(at.getStartColumn());
          break;
        }
      }
    }
    return error.build();
  }

  /** Loop thread: the new version joins the loop and takes new requests; the old one drains. */
  private void activate(HandlerVersion version) {
    version.runtime().realm().join();
    // Ticks the module's top level queued run now, as after any task.
    version.runtime().realm().run(EventLoop.TaskKind.INTERNAL, () -> {});
    HandlerVersion old = current.put(version.name(), version);
    failed.remove(version.name());
    handlerSetVersion.incrementAndGet();
    if (old != null) retire(old);
  }

  private void retire(HandlerVersion old) {
    if (old.retire()) {
      loop.submit(old::close);
    }
  }

  private LoadHandlerResponse loadResponse(HandlerVersion v, Duration took) {
    return LoadHandlerResponse.newBuilder()
        .setHandler(info(v))
        .setHandlerSetVersion(handlerSetVersion.get())
        .setLoadDuration(Durations.fromNanos(took.toNanos()))
        .build();
  }

  private static HandlerInfo info(HandlerVersion v) {
    return HandlerInfo.newBuilder()
        .setName(v.name())
        .setTenant(v.tenant())
        .setVersion(v.version())
        .setSourceSha256(v.sha256())
        .setLimits(v.limits())
        .setState(HandlerInfo.State.STATE_READY)
        .setLoadedAt(Timestamps.fromMillis(v.loadedAt().toEpochMilli()))
        .setInFlight(v.inFlight())
        .build();
  }

  @Override
  public CompletableFuture<UnloadHandlerResponse> unload(String name, String version) {
    return serialized(() -> unloadNow(name, version));
  }

  private CompletableFuture<UnloadHandlerResponse> unloadNow(String name, String version) {
    CompletableFuture<UnloadHandlerResponse> result = new CompletableFuture<>();
    loop.submit(() -> {
      HandlerVersion v = current.get(name);
      if (v == null) {
        if (failed.remove(name) != null) {
          handlerSetVersion.incrementAndGet();
          result.complete(unloaded());
          return;
        }
        result.completeExceptionally(
            Status.NOT_FOUND
                .withDescription("no handler named '" + name + "' is loaded on this node")
                .asRuntimeException());
        return;
      }
      if (!version.isEmpty() && !version.equals(v.version())) {
        result.completeExceptionally(
            Status.FAILED_PRECONDITION
                .withDescription(
                    "handler "
                        + name
                        + " is at version "
                        + v.version()
                        + ", not "
                        + version
                        + "; nothing was unloaded")
                .asRuntimeException());
        return;
      }
      current.remove(name);
      handlerSetVersion.incrementAndGet();
      retire(v);
      log.write(v, "info", "unloaded", "");
      result.complete(unloaded());
    });
    return result;
  }

  private UnloadHandlerResponse unloaded() {
    return UnloadHandlerResponse.newBuilder().setHandlerSetVersion(handlerSetVersion.get()).build();
  }

  @Override
  public ListHandlersResponse list() {
    ListHandlersResponse.Builder out =
        ListHandlersResponse.newBuilder().setHandlerSetVersion(handlerSetVersion.get());
    current.values().stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(v -> out.addHandlers(info(v)));
    failed.values().stream()
        .sorted((a, b) -> a.spec().getName().compareTo(b.spec().getName()))
        .forEach(f ->
            out.addHandlers(
                HandlerInfo.newBuilder()
                    .setName(f.spec().getName())
                    .setTenant(f.spec().getTenant())
                    .setVersion(f.spec().getVersion())
                    .setSourceSha256(f.sha256())
                    .setState(HandlerInfo.State.STATE_FAILED)
                    .setError(f.error())));
    return out.build();
  }

  // ---- the node session ---------------------------------------------------------------------

  @Override
  public CompletableFuture<List<NodeMessage.HandlerLoadFailed>> apply(ControlMessage message) {
    return switch (message.getMessageCase()) {
      case HANDLER_SET -> applySet(message.getHandlerSet());
      case HANDLER_CHANGE -> applyChange(message.getHandlerChange());
      case POOL_SETTINGS -> {
        applyPoolSettings(message.getPoolSettings());
        yield CompletableFuture.completedFuture(List.of());
      }
      default ->
          CompletableFuture.failedFuture(
              Status.INVALID_ARGUMENT
                  .withDescription("not a change to apply: " + message.getMessageCase())
                  .asRuntimeException());
    };
  }

  private CompletableFuture<List<NodeMessage.HandlerLoadFailed>> applySet(
      ControlMessage.HandlerSet set) {
    List<CompletableFuture<NodeMessage.HandlerLoadFailed>> steps = new ArrayList<>();
    Set<String> wanted = ConcurrentHashMap.newKeySet();
    for (HandlerSpec spec : set.getHandlersList()) {
      wanted.add(spec.getName());
      steps.add(loadReporting(spec, set.getVersion()));
    }
    for (String name : List.copyOf(current.keySet())) {
      if (!wanted.contains(name)) steps.add(unload(name, "").handle((r, e) -> null));
    }
    for (String name : List.copyOf(failed.keySet())) {
      if (!wanted.contains(name)) failed.remove(name);
    }
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> {
          handlerSetVersion.set(set.getVersion());
          ready = true;
          return failures(steps);
        });
  }

  private CompletableFuture<List<NodeMessage.HandlerLoadFailed>> applyChange(
      ControlMessage.HandlerChange change) {
    CompletableFuture<NodeMessage.HandlerLoadFailed> step =
        switch (change.getChangeCase()) {
          case UPSERT -> loadReporting(change.getUpsert(), change.getVersion());
          case REMOVE -> unload(change.getRemove(), "").handle((r, e) -> null);
          default -> CompletableFuture.completedFuture(null);
        };
    return step.thenApply(f -> {
      handlerSetVersion.set(change.getVersion());
      return f == null ? List.of() : List.of(f);
    });
  }

  private CompletableFuture<NodeMessage.HandlerLoadFailed> loadReporting(
      HandlerSpec spec, long setVersion) {
    return load(spec)
        .handle((ok, e) -> {
          if (e == null) return null;
          Throwable cause =
              e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
          SourceError error = sourceErrorOf(cause);
          return NodeMessage.HandlerLoadFailed.newBuilder()
              .setHandler(spec.getName())
              .setVersion(spec.getVersion())
              .setError(error)
              .setHandlerSetVersion(setVersion)
              .build();
        });
  }

  private static SourceError sourceErrorOf(Throwable e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status != null) {
      for (Any detail : status.getDetailsList()) {
        if (detail.is(SourceError.class)) {
          try {
            return detail.unpack(SourceError.class);
          } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
            // fall through
          }
        }
      }
    }
    return SourceError.newBuilder()
        .setKind(SourceError.Kind.KIND_INVALID_SOURCE)
        .setMessage(String.valueOf(e.getMessage()))
        .build();
  }

  private static List<NodeMessage.HandlerLoadFailed> failures(
      List<CompletableFuture<NodeMessage.HandlerLoadFailed>> steps) {
    List<NodeMessage.HandlerLoadFailed> out = new ArrayList<>();
    for (var s : steps) {
      NodeMessage.HandlerLoadFailed f = s.join();
      if (f != null) out.add(f);
    }
    return out;
  }

  private void applyPoolSettings(dev.loopd.proto.node.v1.PoolSettings settings) {
    if (settings.hasDefaultLimits()) poolDefaults = settings.getDefaultLimits();
    poolSettingsHandler.accept(settings);
  }

  private void resizePool(int size) {
    pool.resize(size);
  }

  /**
   * Applies the rest of a pool's settings (blocking pool, stats interval, ...): the node wires its
   * pool control and stats windows here. Default limits the host applies itself.
   */
  public void setPoolSettingsHandler(Consumer<dev.loopd.proto.node.v1.PoolSettings> handler) {
    this.poolSettingsHandler = handler;
  }

  // ---- invoking -----------------------------------------------------------------------------

  @Override
  public CompletableFuture<InvokeResponse> invoke(InvokeRequest request, long deadlineNanos) {
    long received = System.nanoTime();
    if (request.getMethod().isEmpty()) {
      return failed(Status.INVALID_ARGUMENT.withDescription("method is empty: give e.g. GET"));
    }
    if (!request.getPath().startsWith("/")) {
      return failed(
          Status.INVALID_ARGUMENT.withDescription(
              "path '" + request.getPath() + "' must start with '/'"));
    }
    if (draining || !ready) {
      if (current.containsKey(request.getHandler())) { // names from callers are unbounded
        listener.refused(request.getHandler(), InvocationOutcome.INVOCATION_OUTCOME_REJECTED);
      }
      return CompletableFuture.failedFuture(
          Status.UNAVAILABLE
              .withDescription(
                  draining ? "the node is draining; retry on another node" : "the node is starting")
              .asRuntimeException(notStarted()));
    }
    HandlerVersion version;
    while (true) {
      version = current.get(request.getHandler());
      if (version == null
          || (!request.getTenant().isEmpty() && !request.getTenant().equals(version.tenant()))) {
        Failed f = failed.get(request.getHandler());
        if (f != null
            && (request.getTenant().isEmpty()
                || request.getTenant().equals(f.spec().getTenant()))) {
          return failed(
              Status.FAILED_PRECONDITION.withDescription(
                  "handler "
                      + request.getHandler()
                      + " version "
                      + f.spec().getVersion()
                      + " failed to load: "
                      + describe(f.error())));
        }
        return failed(
            Status.NOT_FOUND.withDescription(
                "no handler named '" + request.getHandler() + "' on this node"));
      }
      if (version.acquire()) break; // else it was just replaced and closed: take the new one
    }
    return invokeAcquired(version, request, deadlineNanos, received);
  }

  /** Runs an invocation on a version already acquired for it. */
  private CompletableFuture<InvokeResponse> invokeAcquired(
      HandlerVersion version, InvokeRequest request, long deadlineNanos, long received) {
    long maxBody = version.limits().getMaxRequestBytes();
    if (request.getBody().size() > maxBody) {
      version.release();
      listener.refused(version.name(), InvocationOutcome.INVOCATION_OUTCOME_REJECTED);
      return failed(
          Status.RESOURCE_EXHAUSTED.withDescription(
              "request body of "
                  + request.getBody().size()
                  + " bytes is over "
                  + version
                  + "'s limit of "
                  + maxBody
                  + " bytes (max_request_bytes)"));
    }
    long deadline = deadlineNanos;
    long handlerDeadline =
        received + TimeUnit.MILLISECONDS.toNanos(version.limits().getDeadlineMs());
    if (handlerDeadline - deadline < 0) deadline = handlerDeadline;
    if (request.hasTimeout()) {
      long t = received + Durations.toNanos(request.getTimeout());
      if (t - deadline < 0) deadline = t;
    }
    String id = request.getInvocationId().isEmpty() ? newInvocationId() : request.getInvocationId();
    Invocation call = new Invocation(id, request, version, received, deadline);
    live.add(call);
    if (!version.name().equals(WARM_UP)) {
      call.tracker =
          listener.started(
              new HandlerVersionInfo(version.name(), version.version(), version.tenant()),
              request,
              id);
    }
    HandlerVersion v = version;
    call.future.whenComplete((r, e) -> finished(call));
    long wait = deadline - System.nanoTime();
    if (wait <= 0) {
      expire(call);
      return call.future;
    }
    v.runtime().realm().submit(() -> v.start(call));
    return call.future;
  }

  /**
   * A random (version 4) UUID from {@link ThreadLocalRandom}: an invocation id must be unique, not
   * unguessable, and {@link UUID#randomUUID()}'s shared SecureRandom cost ~3% of the HTTP thread.
   */
  static String newInvocationId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }

  /**
   * Fails the invocations past their deadline; runs every {@link #DEADLINE_TICK_MILLIS} on the
   * deadlines thread. One sweep over the invocations in flight replaces a timer per invocation: a
   * ScheduledThreadPoolExecutor entry scheduled on the HTTP thread and cancelled on the loop thread
   * cost ~10% of a core at 70k requests/s, mostly lock handoffs between the three threads.
   */
  private void expireOverdue() {
    long now = System.nanoTime();
    for (Invocation call : live) {
      if (now - call.deadlineNanos >= 0 && !call.isDone()) expire(call);
    }
  }

  private void expire(Invocation call) {
    long ms = TimeUnit.NANOSECONDS.toMillis(call.deadlineNanos - call.receivedNanos);
    if (call.fail(
        Status.DEADLINE_EXCEEDED.withDescription(
            call.version + " did not respond within " + ms + " ms"),
        InvocationOutcome.INVOCATION_OUTCOME_DEADLINE_EXCEEDED)) {
      loop.submit(() -> call.version.abandon(call, "deadline"));
    }
  }

  private void finished(Invocation call) {
    live.remove(call);
    var tracker = call.tracker;
    if (tracker != null) {
      tracker.finished(call.outcome(), call.httpStatus(), System.nanoTime() - call.receivedNanos);
    }
    if (call.version.release()) loop.submit(call.version::close);
  }

  /**
   * Trailer on an UNAVAILABLE refusal that never reached a handler ({@code loopd-not-started:
   * true}): the control plane may retry such an invocation on another node.
   */
  public static final Metadata.Key<String> NOT_STARTED =
      Metadata.Key.of("loopd-not-started", Metadata.ASCII_STRING_MARSHALLER);

  private static Metadata notStarted() {
    Metadata trailers = new Metadata();
    trailers.put(NOT_STARTED, "true");
    return trailers;
  }

  private static <T> CompletableFuture<T> failed(Status status) {
    return CompletableFuture.failedFuture(status.asRuntimeException());
  }

  // ---- draining and health ------------------------------------------------------------------

  @Override
  public CompletableFuture<DrainResponse> drain(Duration grace) {
    if (grace.isNegative()) {
      return failed(Status.INVALID_ARGUMENT.withDescription("grace period is negative"));
    }
    draining = true;
    int before = live.size();
    CompletableFuture<DrainResponse> done = new CompletableFuture<>();
    long until = System.nanoTime() + grace.toNanos();
    Runnable[] check = new Runnable[1];
    check[0] =
        () -> {
          if (live.isEmpty()) {
            done.complete(DrainResponse.newBuilder().setCompleted(before).build());
          } else if (System.nanoTime() - until >= 0) {
            List<Invocation> left = List.copyOf(live);
            for (Invocation call : left) {
              if (call.fail(
                  Status.UNAVAILABLE.withDescription(
                      "the node stopped before " + call.version + " responded"),
                  InvocationOutcome.INVOCATION_OUTCOME_REJECTED)) {
                loop.submit(() -> call.version.abandon(call, "drain"));
              }
            }
            done.complete(
                DrainResponse.newBuilder()
                    .setCompleted(Math.max(0, before - left.size()))
                    .setAbandoned(left.size())
                    .build());
          } else {
            timers.schedule(check[0], 10, TimeUnit.MILLISECONDS);
          }
        };
    timers.execute(check[0]);
    return done;
  }

  @Override
  public boolean ready() {
    return ready && !draining && loopRunning;
  }

  @Override
  public boolean live() {
    return loopRunning && !closed;
  }

  /** The loop thread ended (the node is stopping or broke). */
  public void loopEnded() {
    loopRunning = false;
  }

  @Override
  public NodeStats latestStats() {
    return stats.get();
  }

  @Override
  public Runnable onStats(Consumer<NodeStats> listener) {
    statsListeners.add(listener);
    return () -> statsListeners.remove(listener);
  }

  @Override
  public void close() {
    closed = true;
    loader.shutdownNow();
    timers.shutdownNow();
  }
}
