package dev.loopd.node.serve;

import com.google.protobuf.ByteString;
import dev.loopd.node.js.JsRuntime;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.Limits;
import dev.loopd.proto.node.v1.QueryParam;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * One loaded version of a handler: its own JS context (a {@link JsRuntime} in sandbox mode) on the
 * node's loop, the invocations it is running, and its effective limits.
 *
 * <p>Lifecycle: loaded on the loader thread, joined to the loop, current until a newer version or
 * an unload retires it; a retired version serves what it already took and is closed when its last
 * invocation ends. {@link #acquire} and {@link #release} count invocations so a version is never
 * closed under one.
 */
final class HandlerVersion implements JsRuntime.Sandbox {
  private final HandlerSpec spec;
  private final String sha256;
  private final Limits limits;
  private final HandlerLog log;
  private final Instant loadedAt = Instant.now();
  private JsRuntime runtime;

  // Loop thread only: invocations the JS side is running, by slot.
  private final Map<Integer, Invocation> running = new HashMap<>();
  private int nextSlot;

  // >= 0: invocations taken and not finished; -1: closed.
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile int invocationsStarted; // written on the loop thread only
  private volatile boolean retired;

  HandlerVersion(HandlerSpec spec, String sha256, Limits limits, HandlerLog log) {
    this.spec = spec;
    this.sha256 = sha256;
    this.limits = limits;
    this.log = log;
  }

  void attach(JsRuntime runtime) {
    this.runtime = runtime;
  }

  JsRuntime runtime() {
    return runtime;
  }

  HandlerSpec spec() {
    return spec;
  }

  String name() {
    return spec.getName();
  }

  String tenant() {
    return spec.getTenant();
  }

  String version() {
    return spec.getVersion();
  }

  String sha256() {
    return sha256;
  }

  Limits limits() {
    return limits;
  }

  Instant loadedAt() {
    return loadedAt;
  }

  /** Invocations handed to the JavaScript so far (read by the watchdog). */
  int invocationsStarted() {
    return invocationsStarted;
  }

  int inFlight() {
    return Math.max(0, inFlight.get());
  }

  @Override
  public String toString() {
    return "handler " + spec.getName() + " version " + spec.getVersion();
  }

  // ---- in-flight accounting (any thread) ----------------------------------------------------

  /** Takes one invocation; false when the version is already closed (use the current one). */
  boolean acquire() {
    while (true) {
      int n = inFlight.get();
      if (n < 0) return false;
      if (inFlight.compareAndSet(n, n + 1)) return true;
    }
  }

  /** An invocation ended; true when the version is retired and this was its last one. */
  boolean release() {
    return inFlight.decrementAndGet() == 0 && retired && inFlight.compareAndSet(0, -1);
  }

  /** No new invocations; true when none is running, so the caller closes it now. */
  boolean retire() {
    retired = true;
    return inFlight.compareAndSet(0, -1);
  }

  boolean isRetired() {
    return retired;
  }

  // ---- on the loop thread -------------------------------------------------------------------

  /** Hands the invocation to the handler's JavaScript (loop thread, in this version's realm). */
  void start(Invocation call) {
    if (call.isDone()) return; // its deadline passed, or the node drained, while it queued
    int slot = nextSlot++;
    call.slot = slot;
    invocationsStarted++;
    running.put(slot, call);
    var request = call.request;
    Object[] query = new Object[request.getQueryCount() * 2];
    for (int i = 0; i < request.getQueryCount(); i++) {
      QueryParam q = request.getQuery(i);
      query[2 * i] = q.getName();
      query[2 * i + 1] = q.getValue();
    }
    Object[] headers = new Object[request.getHeadersCount() * 2];
    for (int i = 0; i < request.getHeadersCount(); i++) {
      Header h = request.getHeaders(i);
      headers[2 * i] = h.getName().toLowerCase(java.util.Locale.ROOT);
      headers[2 * i + 1] = h.getValue();
    }
    Object body = request.getBody().isEmpty() ? null : request.getBody().asReadOnlyByteBuffer();
    double deadlineEpochMs =
        System.currentTimeMillis() + (call.deadlineNanos - System.nanoTime()) / 1e6;
    runtime.invokeHandler(
        slot,
        call.id,
        request.getMethod(),
        request.getPath(),
        ProxyArray.fromArray(query),
        ProxyArray.fromArray(headers),
        body,
        deadlineEpochMs);
  }

  /** Ends an invocation the node gave up on (deadline, drain): aborts its ctx.signal in JS. */
  void abandon(Invocation call, String why) {
    if (call.slot < 0 || running.remove(call.slot) == null) return;
    try {
      runtime.abortInvocation(call.slot, why);
    } catch (PolyglotException e) {
      log.write(this, "error", "aborting invocation failed: " + e.getMessage(), call.id);
    }
  }

  /**
   * The watchdog interrupted this version's JavaScript: fail the invocation it was running (as the
   * JS side tells, or the only one running), and leave the context usable for the next.
   */
  void interrupted(PolyglotException error, long budgetMs) {
    int slot = runtime.takeInterruptedSlot();
    Invocation call = slot >= 0 ? running.get(slot) : null;
    if (call == null && running.size() == 1) call = running.values().iterator().next();
    String where = JsRuntime.scriptStack(error).strip();
    String message =
        this
            + " ran past its CPU budget of "
            + budgetMs
            + " ms in one task and was stopped"
            + (where.isEmpty() ? "" : " " + where.lines().findFirst().orElse(""));
    log.write(this, "error", message, call == null ? "" : call.id);
    if (call == null) return; // the next task of whichever invocation it was goes on
    call.fail(
        Status.RESOURCE_EXHAUSTED.withDescription(message),
        InvocationOutcome.INVOCATION_OUTCOME_CPU_BUDGET_EXCEEDED);
    abandon(call, "cpu budget");
  }

  /** Every invocation still in this version's JavaScript, for a drain. */
  List<Invocation> runningInvocations() {
    return new ArrayList<>(running.values());
  }

  void close() {
    running.clear();
    runtime.realm().detach();
    runtime.close();
  }

  // ---- JsRuntime.Sandbox (loop thread) ------------------------------------------------------

  @Override
  public void log(String level, String text, String invocationId) {
    log.write(this, level, text, invocationId);
  }

  @Override
  public void respond(int slot, int status, Value headers, String body) {
    Invocation call = running.remove(slot);
    if (call == null) return; // it already ended (deadline)
    if (status < 0) {
      call.respondError(body == null ? "the handler failed" : body);
      return;
    }
    answer(call, status, headers, body == null ? ByteString.EMPTY : ByteString.copyFromUtf8(body));
  }

  @Override
  public void respondBytes(int slot, int status, Value headers, byte[] body) {
    Invocation call = running.remove(slot);
    if (call == null) return;
    answer(call, status, headers, ByteString.copyFrom(body));
  }

  private void answer(Invocation call, int status, Value headers, ByteString body) {
    long max = limits.getMaxResponseBytes();
    if (body.size() > max) {
      String message =
          "response body of "
              + body.size()
              + " bytes is over "
              + this
              + "'s limit of "
              + max
              + " bytes (max_response_bytes)";
      log.write(this, "error", message, call.id);
      call.fail(
          Status.RESOURCE_EXHAUSTED.withDescription(message),
          InvocationOutcome.INVOCATION_OUTCOME_ERROR);
      return;
    }
    long size = headers.getArraySize();
    List<Header> list = new ArrayList<>((int) (size / 2));
    for (long i = 0; i + 1 < size; i += 2) {
      list.add(
          Header.newBuilder()
              .setName(headers.getArrayElement(i).asString())
              .setValue(headers.getArrayElement(i + 1).asString())
              .build());
    }
    call.respond(status, list, body);
  }

  @Override
  public void internalError(Throwable error) {
    log.write(this, "error", "internal error (please report it): " + error, "");
  }
}
