package dev.loopd.operator.autoscale;

import java.util.List;

/**
 * One tick's node signals summed over the ready nodes, and the demand they add up to.
 *
 * @param demand nodes the load needs: {@code max(Σ ELU / targetElu, Σ busy / (size x target))}
 * @param maxLagP99Seconds highest lag p99 of any ready node (what events report)
 * @param busyLagP99Seconds highest lag p99 of a node busy enough for its lag to count toward panic
 */
record PoolSignals(
    int ready,
    double elu,
    double busyThreads,
    double demand,
    double maxLagP99Seconds,
    double busyLagP99Seconds,
    boolean inFlight,
    long invocationsTotal) {

  /**
   * A node's lag counts toward panic only while its loop is at least this busy: lag on an idle loop
   * comes from outside it (GC, a starved CPU), and more nodes would not help.
   */
  static final double MIN_ELU_FOR_LAG = 0.25;

  static PoolSignals of(List<NodeSignal> nodes, AutoscalerPolicy policy) {
    double elu = 0;
    double busy = 0;
    double poolDemand = 0;
    double maxLag = 0;
    double busyLag = 0;
    boolean inFlight = false;
    long invocations = 0;
    for (NodeSignal n : nodes) {
      elu += n.elu();
      busy += n.busyThreads();
      if (n.poolSize() > 0) {
        poolDemand += n.busyThreads() / (n.poolSize() * policy.targetPoolUtilization());
      }
      maxLag = Math.max(maxLag, n.lagP99Seconds());
      if (n.elu() >= MIN_ELU_FOR_LAG) {
        busyLag = Math.max(busyLag, n.lagP99Seconds());
      }
      inFlight |= n.inFlight() > 0;
      invocations += n.invocationsTotal();
    }
    double demand = Math.max(elu / policy.targetElu(), poolDemand);
    return new PoolSignals(nodes.size(), elu, busy, demand, maxLag, busyLag, inFlight, invocations);
  }
}
