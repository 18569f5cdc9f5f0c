package dev.loopd.cli.fake;

import com.google.protobuf.Message;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double plumbing: records each request and answers with a canned response or failure. */
public final class Calls {
  /** Requests received, in order. */
  public final List<Message> requests = new CopyOnWriteArrayList<>();

  /** When set, every call fails with it. */
  public volatile StatusRuntimeException failure;

  <T> void answer(Message request, T response, StreamObserver<T> observer) {
    requests.add(request);
    if (failure != null) {
      observer.onError(failure);
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** The last request, of the type expected. */
  public <M extends Message> M last(Class<M> type) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      if (type.isInstance(requests.get(i))) {
        return type.cast(requests.get(i));
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " received; got " + requests);
  }
}
