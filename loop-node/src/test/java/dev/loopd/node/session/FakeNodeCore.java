package dev.loopd.node.session;

import dev.loopd.node.serve.NodeCore;
import dev.loopd.proto.node.v1.ControlMessage;
import dev.loopd.proto.node.v1.DrainResponse;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import dev.loopd.proto.node.v1.ListHandlersResponse;
import dev.loopd.proto.node.v1.LoadHandlerResponse;
import dev.loopd.proto.node.v1.NodeMessage;
import dev.loopd.proto.node.v1.NodeStats;
import dev.loopd.proto.node.v1.UnloadHandlerResponse;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A hand-written {@link NodeCore} for the session client's tests: it records what it was asked to
 * do, in a journal shared with {@link FakeControlPlane} (so a test can see what the core finished
 * before the control plane heard of it), applies slowly or with load failures when told to, and
 * emits stats windows on demand. Invocations are not its business.
 */
final class FakeNodeCore implements NodeCore {
  private final List<String> journal;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-core");
        t.setDaemon(true);
        return t;
      });
  private final Map<Long, Duration> slow = new ConcurrentHashMap<>();
  private final Map<Long, List<NodeMessage.HandlerLoadFailed>> failures = new ConcurrentHashMap<>();
  private final Set<Long> broken = ConcurrentHashMap.newKeySet();
  private final List<Consumer<NodeStats>> listeners = new CopyOnWriteArrayList<>();

  /** Every message whose apply completed, in completion order. */
  final List<ControlMessage> applied = new CopyOnWriteArrayList<>();

  final List<Duration> drains = new CopyOnWriteArrayList<>();
  final AtomicInteger unloads = new AtomicInteger();
  private volatile NodeStats latest = NodeStats.getDefaultInstance();

  FakeNodeCore(List<String> journal) {
    this.journal = journal;
  }

  /** Applying set or change {@code version} takes {@code delay}. */
  void slow(long version, Duration delay) {
    slow.put(version, delay);
  }

  /** Applying set or change {@code version} reports {@code failed}. */
  void fail(long version, NodeMessage.HandlerLoadFailed... failed) {
    failures.put(version, List.of(failed));
  }

  /** The next apply of {@code version} fails as a whole (the future completes exceptionally). */
  void breakOnce(long version) {
    broken.add(version);
  }

  /** Closes a stats window: every listener gets it, as the real core's stats thread does. */
  void emit(NodeStats stats) {
    latest = stats;
    listeners.forEach(l -> l.accept(stats));
  }

  int statsListeners() {
    return listeners.size();
  }

  static long versionOf(ControlMessage message) {
    return switch (message.getMessageCase()) {
      case HANDLER_SET -> message.getHandlerSet().getVersion();
      case HANDLER_CHANGE -> message.getHandlerChange().getVersion();
      default -> 0;
    };
  }

  @Override
  public CompletableFuture<List<NodeMessage.HandlerLoadFailed>> apply(ControlMessage message) {
    long version = versionOf(message);
    String what = message.getMessageCase() + " " + version;
    journal.add("apply-start " + what);
    CompletableFuture<List<NodeMessage.HandlerLoadFailed>> done = new CompletableFuture<>();
    Duration delay = slow.getOrDefault(version, Duration.ZERO);
    timer.schedule(
        () -> {
          if (broken.remove(version)) {
            journal.add("apply-failed " + what);
            done.completeExceptionally(
                Status.INTERNAL.withDescription("loop thread died").asRuntimeException());
            return;
          }
          journal.add("apply-done " + what);
          applied.add(message);
          done.complete(failures.getOrDefault(version, List.of()));
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
    return done;
  }

  @Override
  public CompletableFuture<DrainResponse> drain(Duration grace) {
    journal.add("drain " + grace);
    drains.add(grace);
    return CompletableFuture.completedFuture(
        DrainResponse.newBuilder().setCompleted(3).setAbandoned(1).build());
  }

  @Override
  public Runnable onStats(Consumer<NodeStats> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public NodeStats latestStats() {
    return latest;
  }

  @Override
  public CompletableFuture<UnloadHandlerResponse> unload(String name, String version) {
    journal.add("unload " + name);
    unloads.incrementAndGet();
    return CompletableFuture.completedFuture(UnloadHandlerResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<LoadHandlerResponse> load(HandlerSpec spec) {
    throw new UnsupportedOperationException("the node session applies sets, it does not load");
  }

  @Override
  public ListHandlersResponse list() {
    return ListHandlersResponse.getDefaultInstance();
  }

  @Override
  public CompletableFuture<InvokeResponse> invoke(InvokeRequest request, long deadlineNanos) {
    throw new UnsupportedOperationException("the node session does not invoke");
  }

  @Override
  public boolean ready() {
    return !applied.isEmpty() && drains.isEmpty();
  }

  @Override
  public boolean live() {
    return true;
  }
}
