package dev.loopd.node.serve;

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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a serving loop node does, as its front ends (HTTP, gRPC, the node session) see it. Every
 * method may be called from any thread; the JavaScript runs on the node's one loop thread.
 *
 * <p>Failures complete the returned future with an {@link io.grpc.StatusRuntimeException} whose
 * code and message are the ones node.proto documents for the RPC (the HTTP front end maps the code
 * to an HTTP status). A handler that throws is not a failure: its response has status 500 and
 * outcome ERROR.
 */
public interface NodeCore {

  /** Loads (or replaces) a handler version; see NodeService.LoadHandler. */
  CompletableFuture<LoadHandlerResponse> load(HandlerSpec spec);

  /** Unloads a handler once its in-flight invocations end; {@code version} may be empty. */
  CompletableFuture<UnloadHandlerResponse> unload(String name, String version);

  ListHandlersResponse list();

  /**
   * Runs one invocation. {@code deadlineNanos} is an absolute {@link System#nanoTime()} value from
   * the caller's transport (the gRPC deadline), or {@link Long#MAX_VALUE} when there is none; the
   * effective deadline is the earliest of it, the request's timeout and the handler's deadline.
   */
  CompletableFuture<InvokeResponse> invoke(InvokeRequest request, long deadlineNanos);

  /** Stops taking work and waits for in-flight invocations at most {@code grace}. */
  CompletableFuture<DrainResponse> drain(Duration grace);

  /**
   * Applies a HandlerSet, HandlerChange or PoolSettings received on the node session. Completes
   * once every handler in it has loaded or failed, with the ones that failed (a node reports ready
   * after its first HandlerSet completes, failures included).
   */
  CompletableFuture<List<NodeMessage.HandlerLoadFailed>> apply(ControlMessage message);

  /** Handler set applied and not draining: takes new invocations. */
  boolean ready();

  /** Alive: the loop thread is running (false once it died or the node stopped). */
  boolean live();

  /** The most recently closed stats window (about one per second). */
  NodeStats latestStats();

  /** Called on a non-loop thread with every stats window as it closes; returns a remover. */
  Runnable onStats(Consumer<NodeStats> listener);
}
