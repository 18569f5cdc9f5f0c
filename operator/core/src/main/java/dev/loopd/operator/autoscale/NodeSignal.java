package dev.loopd.operator.autoscale;

import dev.loopd.proto.node.v1.InvocationCount;
import dev.loopd.proto.node.v1.NodeStats;

/**
 * One ready node's latest stats window, as the autoscaler reads it.
 *
 * @param busyThreads blocking-pool threads busy on average (utilization x size)
 * @param invocationsTotal invocations the node answered since it started, all outcomes
 */
public record NodeSignal(
    String nodeId,
    double elu,
    double busyThreads,
    int poolSize,
    double lagP99Seconds,
    int inFlight,
    long invocationsTotal) {

  public static NodeSignal from(NodeStats stats) {
    var pool = stats.getBlockingPool();
    long invocations = 0;
    for (InvocationCount c : stats.getInvocationsList()) {
      invocations += c.getCountTotal();
    }
    return new NodeSignal(
        stats.getNodeId(),
        stats.getElu(),
        pool.getUtilization() * pool.getSize(),
        pool.getSize(),
        stats.getLoopLag().getP99Seconds(),
        stats.getInFlight(),
        invocations);
  }
}
