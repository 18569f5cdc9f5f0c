package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import java.util.Objects;

/**
 * What a {@link LoopPool} asks for ({@code loopd.control.v1.PoolSpec}); unset fields take the
 * defaults named here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoopPoolSpec {

  @SpecReplicas
  @Default("0")
  @Min(0)
  @JsonPropertyDescription(
      "Nodes (pods) to run. Set with kubectl scale under autoscaling.mode Manual; written by the autoscaler under Auto. Default 0 (the scale subresource needs the field).")
  private Integer replicas;

  @Min(0)
  @JsonPropertyDescription("Fewest nodes the autoscaler keeps; default 1. 0 allows scale to zero.")
  private Integer minNodes;

  @Min(0)
  @JsonPropertyDescription("Most nodes the autoscaler starts; default 5; at least minNodes and 1.")
  private Integer maxNodes;

  @JsonPropertyDescription("How the autoscaler sizes the pool.")
  private AutoscalingSpec autoscaling;

  @JsonPropertyDescription("Blocking pool of each node.")
  private BlockingPoolSpec blockingPool;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription(
      "Loop lag p99 above which the pool panics (scales up at once); default 50ms.")
  private String lagLimit;

  @JsonPropertyDescription(
      "Defaults for the limits of the pool's handlers (a handler's own limits win); the CPU budget default is 1000ms per task.")
  private LimitsSpec defaultLimits;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription("Lag monitor resolution on the nodes; default 10ms, 1ms allowed.")
  private String lagMonitorResolution;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getMinNodes() {
    return minNodes;
  }

  public void setMinNodes(Integer minNodes) {
    this.minNodes = minNodes;
  }

  public Integer getMaxNodes() {
    return maxNodes;
  }

  public void setMaxNodes(Integer maxNodes) {
    this.maxNodes = maxNodes;
  }

  public AutoscalingSpec getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AutoscalingSpec autoscaling) {
    this.autoscaling = autoscaling;
  }

  public BlockingPoolSpec getBlockingPool() {
    return blockingPool;
  }

  public void setBlockingPool(BlockingPoolSpec blockingPool) {
    this.blockingPool = blockingPool;
  }

  public String getLagLimit() {
    return lagLimit;
  }

  public void setLagLimit(String lagLimit) {
    this.lagLimit = lagLimit;
  }

  public LimitsSpec getDefaultLimits() {
    return defaultLimits;
  }

  public void setDefaultLimits(LimitsSpec defaultLimits) {
    this.defaultLimits = defaultLimits;
  }

  public String getLagMonitorResolution() {
    return lagMonitorResolution;
  }

  public void setLagMonitorResolution(String lagMonitorResolution) {
    this.lagMonitorResolution = lagMonitorResolution;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoopPoolSpec that
        && Objects.equals(replicas, that.replicas)
        && Objects.equals(minNodes, that.minNodes)
        && Objects.equals(maxNodes, that.maxNodes)
        && Objects.equals(autoscaling, that.autoscaling)
        && Objects.equals(blockingPool, that.blockingPool)
        && Objects.equals(lagLimit, that.lagLimit)
        && Objects.equals(defaultLimits, that.defaultLimits)
        && Objects.equals(lagMonitorResolution, that.lagMonitorResolution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        replicas,
        minNodes,
        maxNodes,
        autoscaling,
        blockingPool,
        lagLimit,
        defaultLimits,
        lagMonitorResolution);
  }

  @Override
  public String toString() {
    return "LoopPoolSpec{replicas="
        + replicas
        + ", minNodes="
        + minNodes
        + ", maxNodes="
        + maxNodes
        + ", autoscaling="
        + autoscaling
        + ", blockingPool="
        + blockingPool
        + ", lagLimit="
        + lagLimit
        + ", defaultLimits="
        + defaultLimits
        + ", lagMonitorResolution="
        + lagMonitorResolution
        + "}";
  }
}
