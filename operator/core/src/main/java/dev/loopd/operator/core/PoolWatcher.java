package dev.loopd.operator.core;

import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.ScalingEvent;

/** Receives a pool's health about every second and its scaling events as they are decided. */
public interface PoolWatcher {

  void health(PoolHealth health);

  void scalingEvent(ScalingEvent event);

  /** The pool was deleted; no more calls follow. */
  void deleted();
}
