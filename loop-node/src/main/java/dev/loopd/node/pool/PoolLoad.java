package dev.loopd.node.pool;

/**
 * Running totals of a {@link BlockingPool}, read without resetting anything (unlike {@link
 * BlockingPool#snapshot()}, whose histograms restart at every call). A reader diffs two readings to
 * get figures over the time between them.
 *
 * @param atNanos {@link System#nanoTime()} when read
 * @param size threads now
 * @param active threads running work now
 * @param queued tasks waiting in the queue now
 * @param started tasks that left the queue and began, ever
 * @param queueWaitNanos time those tasks spent in the queue, summed
 * @param busyNanos thread time spent on finished tasks, summed (a running task is not counted yet)
 * @param completed tasks that finished, ever
 */
public record PoolLoad(
    long atNanos,
    int size,
    int active,
    int queued,
    long started,
    long queueWaitNanos,
    long busyNanos,
    long completed) {}
