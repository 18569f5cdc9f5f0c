package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/**
 * The blocking pool of each node, libuv's thread pool equivalent ({@code
 * loopd.node.v1.BlockingPoolSettings}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BlockingPoolSpec {

  @Min(0)
  @JsonPropertyDescription(
      "Threads; 0 or unset: LOOPD_POOL_SIZE when set, else the CPUs of the container (its CPU limit).")
  private Integer size;

  @Min(0)
  @JsonPropertyDescription("Fewest threads under Adaptive tuning.")
  private Integer minSize;

  @Min(0)
  @JsonPropertyDescription("Most threads under Adaptive tuning.")
  private Integer maxSize;

  @JsonPropertyDescription(
      "Fixed (default): size threads, always. Adaptive: grows and shrinks between minSize and maxSize from queue wait and CPU use.")
  private BlockingPoolTuning tuning;

  @Min(0)
  @JsonPropertyDescription("Bounded queue length; 0 or unset: the node default.")
  private Integer queueCapacity;

  public Integer getSize() {
    return size;
  }

  public void setSize(Integer size) {
    this.size = size;
  }

  public Integer getMinSize() {
    return minSize;
  }

  public void setMinSize(Integer minSize) {
    this.minSize = minSize;
  }

  public Integer getMaxSize() {
    return maxSize;
  }

  public void setMaxSize(Integer maxSize) {
    this.maxSize = maxSize;
  }

  public BlockingPoolTuning getTuning() {
    return tuning;
  }

  public void setTuning(BlockingPoolTuning tuning) {
    this.tuning = tuning;
  }

  public Integer getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(Integer queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockingPoolSpec that
        && Objects.equals(size, that.size)
        && Objects.equals(minSize, that.minSize)
        && Objects.equals(maxSize, that.maxSize)
        && Objects.equals(tuning, that.tuning)
        && Objects.equals(queueCapacity, that.queueCapacity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, minSize, maxSize, tuning, queueCapacity);
  }

  @Override
  public String toString() {
    return "BlockingPoolSpec{size="
        + size
        + ", minSize="
        + minSize
        + ", maxSize="
        + maxSize
        + ", tuning="
        + tuning
        + ", queueCapacity="
        + queueCapacity
        + "}";
  }
}
