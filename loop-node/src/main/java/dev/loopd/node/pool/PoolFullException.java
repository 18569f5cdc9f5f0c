package dev.loopd.node.pool;

/** The blocking pool's queue is full: the caller must back off rather than queue without bound. */
public final class PoolFullException extends RuntimeException {
  public PoolFullException(int size, int queued, int capacity) {
    super(
        "blocking pool is saturated: "
            + size
            + " threads busy and "
            + queued
            + " of "
            + capacity
            + " queue slots taken; retry later, or raise the pool size or queue capacity");
  }
}
