package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code autoscaling.mode} of a {@link LoopPool}. */
public enum AutoscalingMode {
  /** The autoscaler sets {@code spec.replicas} between minNodes and maxNodes. */
  @JsonProperty("Auto")
  AUTO,
  /** The pool runs {@code spec.replicas} nodes ({@code kubectl scale}); the autoscaler reports. */
  @JsonProperty("Manual")
  MANUAL
}
