package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code blockingPool.tuning} of a {@link LoopPool}. */
public enum BlockingPoolTuning {
  /** {@code size} threads, always. */
  @JsonProperty("Fixed")
  FIXED,
  /** Between {@code minSize} and {@code maxSize}, from queue wait and CPU use. */
  @JsonProperty("Adaptive")
  ADAPTIVE
}
