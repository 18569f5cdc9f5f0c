package dev.loopd.e2e;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.InvokeServiceGrpc.InvokeServiceFutureStub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} async Invoke callers, each sending its next request {@code thinkTime} after the
 * previous one answered. Closed-loop, so a slow pool slows the load instead of piling up deadlines;
 * the think time bounds the CPU the load asks for (clients x work / (work + think)), so on a small
 * machine the nodes being started still get CPU to warm up. Every result is recorded.
 */
public final class ClosedLoopLoad implements AutoCloseable {

  private final InvokeServiceFutureStub invoke;
  private final InvokeRequest request;
  private final Duration thinkTime;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CountDownLatch stopped;
  private final AtomicLong ok = new AtomicLong();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  private ClosedLoopLoad(
      InvokeServiceFutureStub invoke, InvokeRequest request, int clients, Duration thinkTime) {
    this.invoke = invoke;
    this.request = request;
    this.thinkTime = thinkTime;
    this.stopped = new CountDownLatch(clients);
  }

  public static ClosedLoopLoad start(
      InvokeServiceFutureStub invoke, InvokeRequest request, int clients, Duration thinkTime) {
    ClosedLoopLoad load = new ClosedLoopLoad(invoke, request, clients, thinkTime);
    for (int i = 0; i < clients; i++) {
      load.send();
    }
    return load;
  }

  private void send() {
    if (!running.get()) {
      stopped.countDown();
      return;
    }
    Futures.addCallback(
        invoke.withDeadlineAfter(30, TimeUnit.SECONDS).invoke(request),
        new FutureCallback<InvokeResponse>() {
          @Override
          public void onSuccess(InvokeResponse r) {
            if (r.getStatus() == 200) {
              ok.incrementAndGet();
            } else {
              failures.add("HTTP " + r.getStatus() + " " + r.getBody().toStringUtf8());
            }
            next();
          }

          @Override
          public void onFailure(Throwable t) {
            failures.add(t.toString());
            next();
          }
        },
        MoreExecutors.directExecutor());
  }

  private void next() {
    timer.schedule(this::send, thinkTime.toMillis(), TimeUnit.MILLISECONDS);
  }

  public long succeeded() {
    return ok.get();
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** Stops sending and waits for the requests in flight (each has a 30 s deadline). */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    try {
      if (!stopped.await(45, TimeUnit.SECONDS)) {
        throw new AssertionError("load requests still in flight 45 s after the load stopped");
      }
    } finally {
      timer.shutdownNow();
    }
  }
}
