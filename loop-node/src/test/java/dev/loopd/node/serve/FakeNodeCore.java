package dev.loopd.node.serve;

import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.DrainResponse;
import dev.loopd.proto.node.v1.HandlerInfo;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.ListHandlersResponse;
import dev.loopd.proto.node.v1.LoadHandlerResponse;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.UnloadHandlerResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/** A hand-written NodeCore for front-end tests: records calls, answers what the test sets. */
final class FakeNodeCore implements NodeCore {

  /** One recorded invoke call. */
  record Invocation(InvokeRequest request, long deadlineNanos, long receivedNanos) {}

  final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
  final List<HandlerSpec> loads = new CopyOnWriteArrayList<>();
  final List<Duration> drains = new CopyOnWriteArrayList<>();
  final List<Consumer<NodeStats>> statsListeners = new CopyOnWriteArrayList<>();

  volatile boolean ready = true;
  volatile boolean live = true;
  volatile NodeStats latestStats = NodeStats.newBuilder().setNodeId("fake").build();

  /** How invoke answers; by default echoes the body with status 200. */
  volatile Function<InvokeRequest, CompletableFuture<InvokeResponse>> onInvoke =
      request ->
          CompletableFuture.completedFuture(
              InvokeResponse.newBuilder()
                  .setStatus(200)
                  .setBody(request.getBody())
                  .setInvocationId("inv-1")
                  .setHandlerVersion("7")
                  .build());

  @Override
  public CompletableFuture<LoadHandlerResponse> load(HandlerSpec spec) {
    loads.add(spec);
    return CompletableFuture.completedFuture(
        LoadHandlerResponse.newBuilder()
            .setHandler(
                HandlerInfo.newBuilder()
                    .setName(spec.getName())
                    .setVersion(spec.getVersion())
                    .setState(HandlerInfo.State.STATE_READY))
            .setHandlerSetVersion(1)
            .build());
  }

  @Override
  public CompletableFuture<UnloadHandlerResponse> unload(String name, String version) {
    return CompletableFuture.completedFuture(
        UnloadHandlerResponse.newBuilder().setHandlerSetVersion(2).build());
  }

  @Override
  public ListHandlersResponse list() {
    return ListHandlersResponse.newBuilder().setHandlerSetVersion(3).build();
  }

  @Override
  public CompletableFuture<InvokeResponse> invoke(InvokeRequest request, long deadlineNanos) {
    invocations.add(new Invocation(request, deadlineNanos, System.nanoTime()));
    return onInvoke.apply(request);
  }

  @Override
  public CompletableFuture<DrainResponse> drain(Duration grace) {
    drains.add(grace);
    ready = false;
    return CompletableFuture.completedFuture(DrainResponse.newBuilder().setCompleted(1).build());
  }

  @Override
  public CompletableFuture<List<NodeMessage.HandlerLoadFailed>> apply(ControlMessage message) {
    return CompletableFuture.completedFuture(List.of());
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public boolean live() {
    return live;
  }

  @Override
  public NodeStats latestStats() {
    return latestStats;
  }

  @Override
  public Runnable onStats(Consumer<NodeStats> listener) {
    statsListeners.add(listener);
    return () -> statsListeners.remove(listener);
  }

  /** Closes a stats window: tells every listener. */
  void emit(NodeStats stats) {
    latestStats = stats;
    statsListeners.forEach(l -> l.accept(stats));
  }
}
