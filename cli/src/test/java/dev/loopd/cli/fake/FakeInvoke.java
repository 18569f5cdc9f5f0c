package dev.loopd.cli.fake;

import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicLong;

/** Test double of InvokeService: answers every call with {@link #response}, counting them. */
public final class FakeInvoke extends InvokeServiceGrpc.InvokeServiceImplBase {
  public final Calls calls = new Calls();
  public final AtomicLong count = new AtomicLong();
  public volatile boolean record = true;
  public volatile InvokeResponse response = InvokeResponse.newBuilder().setStatus(200).build();

  @Override
  public void invoke(InvokeRequest r, StreamObserver<InvokeResponse> o) {
    count.incrementAndGet();
    if (record) {
      calls.answer(r, response, o);
    } else {
      o.onNext(response);
      o.onCompleted();
    }
  }
}
