package dev.loopd.node.js;

import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.ops.Digests;
import dev.loopd.node.ops.Zlib;
import dev.loopd.node.pool.BlockingPool;
import dev.loopd.node.pool.PoolFullException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.bouncycastle.crypto.generators.SCrypt;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The host side of crypto, zlib, the blocking pool and perf_hooks histograms. Synchronous forms run
 * on the loop thread and block it, as in Node; asynchronous ones run on the {@link BlockingPool}
 * and complete in the poll phase through {@code completeRequest(id, error, result)}.
 */
final class BuiltinOps {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EventLoop loop;
  private final EventLoop.Realm realm;
  private final BlockingPool pool;
  private Value completeRequest;
  private final Map<Integer, LoopHistogram> histograms = new HashMap<>();
  private int nextHistogram = 1;

  BuiltinOps(EventLoop loop, EventLoop.Realm realm, BlockingPool pool) {
    this.loop = loop;
    this.realm = realm;
    this.pool = pool;
  }

  void setCompleter(Value completeRequest) {
    this.completeRequest = completeRequest;
  }

  void register(Bindings b) {
    b.namespace("crypto")
        .fn("digest", a -> bytes(() -> Digests.digest(a[0].asString(), HostBytes.fromJs(a, 1))))
        .fn(
            "hmac",
            a ->
                bytes(() ->
                    Digests.hmac(a[0].asString(), HostBytes.fromJs(a, 1), HostBytes.fromJs(a, 4))))
        .fn("hasDigest", a -> Digests.jdkName(a[0].asString()) != null)
        .fn("hashes", a -> Bindings.strings(Digests.names()))
        .fn("randomBytes", a -> HostBytes.toJs(randomBytes(a[0].asInt())))
        .fn("randomUUID", a -> UUID.randomUUID().toString())
        .fn("pbkdf2", a -> bytes(pbkdf2(a)))
        .fn("scrypt", a -> bytes(scrypt(a)));
    b.namespace("zlib").fn("process", a -> zlib(a));
    b.namespace("pool")
        .fn("submit", this::submit)
        .fn("size", a -> (double) pool.size())
        .fn("active", a -> (double) pool.active())
        .fn("queued", a -> (double) pool.queued());
    b.namespace("histogram")
        .fn("create", a -> (double) createHistogram())
        .fn("startDelayMonitor", a -> startDelayMonitor(a[0].asInt(), a[1].asLong()))
        .fn("stopDelayMonitor", a -> stopDelayMonitor(a[0].asInt()))
        .fn("record", a -> record(a[0].asInt(), a[1].asLong()))
        .fn("recordDelta", a -> (double) histogram(a[0].asInt()).recordDelta())
        .fn("reset", a -> reset(a[0].asInt()))
        .fn("stats", a -> histogram(a[0].asInt()).stats())
        .fn("percentile", a -> (double) histogram(a[0].asInt()).percentile(a[1].asDouble()))
        .fn("percentiles", a -> histogram(a[0].asInt()).percentiles())
        .fn("destroy", a -> destroy(a[0].asInt()));
  }

  // ---- crypto and zlib ------------------------------------------------------------------------

  private static byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    RANDOM.nextBytes(out);
    return out;
  }

  private static Callable<byte[]> pbkdf2(Value[] a) {
    byte[] password = HostBytes.fromJs(a, 0);
    byte[] salt = HostBytes.fromJs(a, 3);
    int iterations = a[6].asInt();
    int keyLength = a[7].asInt();
    String digest = a[8].asString();
    return () -> Digests.pbkdf2(password, salt, iterations, keyLength, digest);
  }

  private static Callable<byte[]> scrypt(Value[] a) {
    byte[] password = HostBytes.fromJs(a, 0);
    byte[] salt = HostBytes.fromJs(a, 3);
    int n = a[6].asInt();
    int r = a[7].asInt();
    int p = a[8].asInt();
    int keyLength = a[9].asInt();
    return () -> SCrypt.generate(password, salt, n, r, p, keyLength);
  }

  private static Callable<byte[]> zlibWork(Value[] a, int first) {
    Zlib.Mode mode = Zlib.Mode.parse(a[first].asString());
    byte[] input = HostBytes.fromJs(a, first + 1);
    int level = a[first + 4].asInt();
    return () -> Zlib.process(mode, input, level);
  }

  private static Object zlib(Value[] a) {
    try {
      return HostBytes.toJs(zlibWork(a, 0).call());
    } catch (Exception e) {
      return errorTriple(e);
    }
  }

  /** Runs synchronous work; failures come back as [message, code, errno] for JS to throw. */
  private static Object bytes(Callable<byte[]> work) {
    try {
      return HostBytes.toJs(work.call());
    } catch (Exception e) {
      return errorTriple(e);
    }
  }

  private static Object errorTriple(Throwable e) {
    if (e instanceof Zlib.ZlibException z) {
      return ProxyArray.fromArray(z.getMessage(), z.code, (double) z.errno);
    }
    if (e instanceof GeneralSecurityException) {
      return ProxyArray.fromArray(e.getMessage(), "ERR_CRYPTO_INVALID_DIGEST", 0.0);
    }
    if (e instanceof OutOfMemoryError) {
      return ProxyArray.fromArray("Cannot allocate memory", "ERR_MEMORY_ALLOCATION_FAILED", 0.0);
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return ProxyArray.fromArray(message, "ERR_OPERATION_FAILED", 0.0);
  }

  // ---- the blocking pool ----------------------------------------------------------------------

  /**
   * {@code submit(kind, requestId, ...args)}: queues work on the pool. Returns null, or an error
   * triple when the pool refused it (its queue is full), so JS can fail the call at once.
   */
  private Object submit(Value[] a) {
    String kind = a[0].asString();
    double id = a[1].asDouble();
    Callable<byte[]> work =
        switch (kind) {
          case "pbkdf2" -> pbkdf2(java.util.Arrays.copyOfRange(a, 2, a.length));
          case "scrypt" -> scrypt(java.util.Arrays.copyOfRange(a, 2, a.length));
          case "randomBytes" -> {
            int n = a[2].asInt();
            yield () -> randomBytes(n);
          }
          case "zlib" -> zlibWork(a, 2);
          default -> throw new IllegalArgumentException("unknown pool work: " + kind);
        };
    EventLoop.Request request = realm.startRequest();
    try {
      pool.submit(
          work,
          (result, failure) ->
              request.complete(() ->
                  completeRequest.execute(
                      id,
                      failure == null ? null : errorTriple(failure),
                      failure == null ? HostBytes.toJs(result) : null)));
      return null;
    } catch (PoolFullException e) {
      request.abandon();
      return ProxyArray.fromArray(e.getMessage(), "ERR_LOOPD_POOL_FULL", 0.0);
    }
  }

  // ---- perf_hooks histograms ------------------------------------------------------------------

  private int createHistogram() {
    int id = nextHistogram++;
    histograms.put(id, new LoopHistogram());
    return id;
  }

  private LoopHistogram histogram(int id) {
    LoopHistogram h = histograms.get(id);
    if (h == null) throw new IllegalStateException("histogram " + id + " was destroyed");
    return h;
  }

  /**
   * monitorEventLoopDelay's timer: an unreferenced loop timer every {@code resolutionMs} records
   * the time since the previous tick, in ns, exactly as Node's ELDHistogram does.
   */
  private Object startDelayMonitor(int id, long resolutionMs) {
    LoopHistogram h = histogram(id);
    if (h.timer != null) return false;
    h.prev = 0;
    Runnable[] tick = new Runnable[1];
    tick[0] =
        () -> {
          h.recordDelta();
          h.timer = loop.startTimer(resolutionMs, false, tick[0]);
        };
    h.timer = loop.startTimer(resolutionMs, false, tick[0]);
    return true;
  }

  private Object stopDelayMonitor(int id) {
    LoopHistogram h = histogram(id);
    if (h.timer == null) return false;
    loop.stopTimer(h.timer);
    h.timer = null;
    return true;
  }

  private Object record(int id, long value) {
    histogram(id).record(value);
    return null;
  }

  private Object reset(int id) {
    LoopHistogram h = histogram(id);
    h.histogram.reset();
    h.exceeds = 0;
    h.prev = 0;
    return null;
  }

  private Object destroy(int id) {
    LoopHistogram h = histograms.remove(id);
    if (h != null && h.timer != null) loop.stopTimer(h.timer);
    return null;
  }

  /** A histogram as perf_hooks exposes it (values in ns; min is 9223372036854776000 when empty). */
  private static final class LoopHistogram {
    final Histogram histogram = new Histogram(1, TimeUnit.HOURS.toNanos(1), 3);
    long exceeds;
    long prev;
    EventLoop.LoopTimer timer;

    void record(long value) {
      if (value < 1 || value > histogram.getHighestTrackableValue()) {
        exceeds++;
      } else {
        histogram.recordValue(value);
      }
    }

    long recordDelta() {
      long now = System.nanoTime();
      long delta = 0;
      if (prev > 0) {
        delta = now - prev;
        record(delta);
      }
      prev = now;
      return delta;
    }

    long percentile(double p) {
      return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(p);
    }

    Object stats() {
      long count = histogram.getTotalCount();
      return ProxyArray.fromArray(
          count == 0 ? 9223372036854776000.0 : (double) histogram.getMinValue(),
          (double) (count == 0 ? 0 : histogram.getMaxValue()),
          count == 0 ? Double.NaN : histogram.getMean(),
          count == 0 ? Double.NaN : histogram.getStdDeviation(),
          (double) count,
          (double) exceeds);
    }

    Object percentiles() {
      java.util.List<Object> flat = new java.util.ArrayList<>();
      if (histogram.getTotalCount() == 0) {
        flat.add(100.0);
        flat.add(0.0);
      } else {
        for (var v : histogram.percentiles(1)) {
          flat.add(v.getPercentileLevelIteratedTo());
          flat.add((double) v.getValueIteratedTo());
        }
      }
      return ProxyArray.fromList(flat);
    }
  }
}
