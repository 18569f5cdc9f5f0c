package dev.loopd.cli.load;

import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.InvokeServiceGrpc.InvokeServiceStub;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends asynchronous Invoke calls for a while, at most {@code concurrency} at once.
 *
 * <p>Closed loop ({@code rate} 0): a new call starts as soon as one ends. Open loop: calls start on
 * a fixed schedule of {@code rate} per second, and latency counts from the scheduled start, so a
 * server that falls behind shows its queueing instead of hiding it (coordinated omission).
 */
public final class LoadGenerator {
  /** Longest wait between checks of {@link #stop()}. */
  private static final long SLICE_NANOS = 50_000_000;

  private final InvokeServiceStub stub;
  private final InvokeRequest request;
  private final int concurrency;
  private final double rate;
  private final Duration duration;
  private final Duration timeout;
  private final LoadStats stats;
  private final Semaphore permits;
  private volatile boolean stopped;

  public LoadGenerator(
      InvokeServiceStub stub,
      InvokeRequest request,
      int concurrency,
      double rate,
      Duration duration,
      Duration timeout,
      LoadStats stats) {
    this.stub = stub;
    this.request = request;
    this.concurrency = concurrency;
    this.rate = rate;
    this.duration = duration;
    this.timeout = timeout;
    this.stats = stats;
    this.permits = new Semaphore(concurrency);
  }

  /**
   * Sends calls until the duration has passed or {@link #stop()}, then waits up to {@code drain}
   * for the calls in flight. Returns how many were still in flight after that (abandoned).
   */
  public int run(Duration drain) throws InterruptedException {
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    double periodNanos = rate > 0 ? 1e9 / rate : 0;
    for (long i = 0; !stopped; i++) {
      long intended = 0;
      if (rate > 0) {
        intended = start + (long) (i * periodNanos);
        if (intended >= end || !sleepUntil(intended)) {
          break;
        }
      }
      if (!acquireBefore(end)) {
        break;
      }
      send(rate > 0 ? intended : System.nanoTime());
    }
    if (permits.tryAcquire(concurrency, drain.toNanos(), TimeUnit.NANOSECONDS)) {
      permits.release(concurrency);
      return 0;
    }
    return concurrency - permits.availablePermits();
  }

  /** Stops sending (Ctrl-C); {@link #run} then drains the calls in flight and returns. */
  public void stop() {
    stopped = true;
  }

  private void send(long startNanos) {
    var call =
        timeout == null ? stub : stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    call.invoke(
        request,
        new StreamObserver<>() {
          @Override
          public void onNext(InvokeResponse response) {
            stats.answered(System.nanoTime() - startNanos, response.getStatus());
          }

          @Override
          public void onError(Throwable t) {
            stats.failed(Status.fromThrowable(t).getCode().name());
            permits.release();
          }

          @Override
          public void onCompleted() {
            permits.release();
          }
        });
  }

  /** Waits for a free slot until {@code end}; false when the run is over or stopped first. */
  private boolean acquireBefore(long end) throws InterruptedException {
    for (long left; !stopped && (left = end - System.nanoTime()) > 0; ) {
      if (permits.tryAcquire(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS)) {
        return true;
      }
    }
    return false;
  }

  /** Sleeps until {@code nanoTime}; false when stopped first. */
  private boolean sleepUntil(long nanoTime) {
    for (long wait; !stopped && (wait = nanoTime - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(Math.min(wait, SLICE_NANOS));
    }
    return !stopped;
  }
}
