package dev.loopd.operator.core;

import dev.loopd.proto.control.v1.PoolSpec;
import java.util.Optional;

/**
 * Starts and stops loop nodes for the operator core: child processes in local mode, pods in
 * Kubernetes. A started node dials the control plane's node session on its own; the core knows it
 * from its Hello on. Calls come from the core's single reconcile thread and must not block long.
 */
public interface NodeDriver {

  /**
   * Starts one node of {@code pool}.
   *
   * @return the node id it will say Hello with, when the driver chooses it (a process), or empty
   *     when the platform does (a pod of a Deployment)
   * @throws NodeDriverException when the node cannot be started; the core reports it and retries at
   *     a later tick
   */
  Optional<String> startNode(PoolRef pool, PoolSpec spec);

  /**
   * Stops a node: it has drained, or it does not answer. Stopping a node that already exited is a
   * no-op.
   */
  void stopNode(PoolRef pool, String nodeId);

  /** True while the node's process (or pod) exists, as far as the driver knows. */
  boolean isRunning(String nodeId);

  /** Thrown by {@link #startNode} with a message a person can act on. */
  final class NodeDriverException extends RuntimeException {
    public NodeDriverException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
