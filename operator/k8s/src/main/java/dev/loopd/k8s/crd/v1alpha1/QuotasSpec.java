package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/** Limits on what one tenant may hold ({@code loopd.control.v1.Quotas}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QuotasSpec {

  @Min(0)
  @JsonPropertyDescription(
      "Most handlers the tenant may hold; 0 or unset: the platform default (100).")
  private Integer maxHandlers;

  @Min(0)
  @JsonPropertyDescription("Most pools the tenant may hold; 0 or unset: the platform default (10).")
  private Integer maxPools;

  @Min(0)
  @JsonPropertyDescription(
      "Most nodes over all the tenant's pools (the sum of their maxNodes, and of nodes running); 0 or unset: the platform default (20).")
  private Integer maxNodes;

  public Integer getMaxHandlers() {
    return maxHandlers;
  }

  public void setMaxHandlers(Integer maxHandlers) {
    this.maxHandlers = maxHandlers;
  }

  public Integer getMaxPools() {
    return maxPools;
  }

  public void setMaxPools(Integer maxPools) {
    this.maxPools = maxPools;
  }

  public Integer getMaxNodes() {
    return maxNodes;
  }

  public void setMaxNodes(Integer maxNodes) {
    this.maxNodes = maxNodes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuotasSpec that
        && Objects.equals(maxHandlers, that.maxHandlers)
        && Objects.equals(maxPools, that.maxPools)
        && Objects.equals(maxNodes, that.maxNodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxHandlers, maxPools, maxNodes);
  }

  @Override
  public String toString() {
    return "QuotasSpec{maxHandlers="
        + maxHandlers
        + ", maxPools="
        + maxPools
        + ", maxNodes="
        + maxNodes
        + "}";
  }
}
