package dev.loopd.operator.core;

import dev.loopd.proto.control.v1.PoolHealth;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the control API asks of the running platform beside the stored desired state: a node for an
 * invocation, a pool's health and scaling events, and (as a {@link StatusView}) the status of pools
 * and handlers. The {@link OperatorCore} answers directly in local mode; in Kubernetes the control
 * API reaches the operator's core over {@code loopd.operator.v1.RuntimeService}.
 */
public interface PlatformRuntime extends StatusView {

  /**
   * A ready node of the pool for one invocation, least loaded first; held while the pool starts one
   * (scale from zero). Fails with NOT_FOUND when the pool does not exist, RESOURCE_EXHAUSTED when
   * too many invocations are held. The caller bounds the wait with its deadline.
   */
  CompletableFuture<NodeTarget> awaitNode(PoolRef pool, Set<String> exclude);

  /** The pool's health now; empty when there is no such pool. */
  Optional<PoolHealth> health(PoolRef pool);

  /**
   * Subscribes to a pool's health (every tick) and scaling events until {@link Runnable#run} of the
   * returned handle is called or the pool is deleted.
   */
  Runnable watch(PoolRef pool, PoolWatcher watcher);
}
