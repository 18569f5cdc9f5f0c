package dev.loopd.node.pool;

import org.HdrHistogram.Histogram;

/**
 * One interval of the blocking pool: the {@link PoolStats} figures plus the interval's queue-wait
 * and run-time histograms (nanoseconds), which metric exporters turn into distributions.
 */
public record PoolWindow(PoolStats stats, Histogram queueWait, Histogram runTime) {}
