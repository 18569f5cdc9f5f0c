package dev.loopd.node.pool;

/**
 * A snapshot of the blocking pool. Times are in nanoseconds; utilization is busy thread time over
 * (size x wall time) since the previous snapshot of the same reader.
 */
public record PoolStats(
    int size,
    int active,
    int queued,
    long completed,
    long rejected,
    double utilization,
    long queueWaitP50,
    long queueWaitP99,
    long queueWaitMax,
    long runTimeP50,
    long runTimeP99,
    long runTimeMax) {}
