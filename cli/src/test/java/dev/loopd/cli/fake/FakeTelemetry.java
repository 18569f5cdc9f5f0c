package dev.loopd.cli.fake;

import dev.loopd.proto.control.v1.GetPoolHealthRequest;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.TelemetryServiceGrpc;
import dev.loopd.proto.control.v1.WatchPoolRequest;
import dev.loopd.proto.control.v1.WatchPoolResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** Test double of TelemetryService: a fixed health, and a fixed stream that then ends. */
public final class FakeTelemetry extends TelemetryServiceGrpc.TelemetryServiceImplBase {
  public final Calls calls = new Calls();
  public volatile PoolHealth health = PoolHealth.newBuilder().setPool("web").build();
  public volatile List<WatchPoolResponse> stream = List.of();

  @Override
  public void getPoolHealth(GetPoolHealthRequest r, StreamObserver<PoolHealth> o) {
    calls.answer(r, health, o);
  }

  @Override
  public void watchPool(WatchPoolRequest r, StreamObserver<WatchPoolResponse> o) {
    calls.requests.add(r);
    if (calls.failure != null) {
      o.onError(calls.failure);
      return;
    }
    stream.forEach(o::onNext);
    o.onCompleted();
  }
}
