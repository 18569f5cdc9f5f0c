package dev.loopd.operator.core;

import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.ScalingEvent;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link PoolWatcher} that streams a pool's health and scaling events to a server-streaming gRPC
 * call, one message at a time (watchers are called from the core's thread and from node sessions),
 * and ends the call with {@code deleted}'s error when the pool goes. Nothing is sent once the
 * caller has cancelled.
 */
public final class StreamingPoolWatcher<T> implements PoolWatcher {

  private final ServerCallStreamObserver<T> call;
  private final Function<PoolHealth, T> health;
  private final Function<ScalingEvent, T> scalingEvent;
  private final Supplier<RuntimeException> deleted;

  public StreamingPoolWatcher(
      ServerCallStreamObserver<T> call,
      Function<PoolHealth, T> health,
      Function<ScalingEvent, T> scalingEvent,
      Supplier<RuntimeException> deleted) {
    this.call = call;
    this.health = health;
    this.scalingEvent = scalingEvent;
    this.deleted = deleted;
  }

  @Override
  public void health(PoolHealth health) {
    send(this.health.apply(health));
  }

  @Override
  public void scalingEvent(ScalingEvent event) {
    send(scalingEvent.apply(event));
  }

  @Override
  public synchronized void deleted() {
    if (!call.isCancelled()) {
      call.onError(deleted.get());
    }
  }

  private synchronized void send(T message) {
    if (!call.isCancelled()) {
      try {
        call.onNext(message);
      } catch (RuntimeException e) {
        // cancelled meanwhile
      }
    }
  }
}
