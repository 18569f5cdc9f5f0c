package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** What a tenant holds now, counted against its quotas ({@code loopd.control.v1.Usage}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UsageStatus {

  @JsonPropertyDescription("Handlers the tenant holds.")
  private Integer handlers;

  @JsonPropertyDescription("Pools the tenant holds.")
  private Integer pools;

  @JsonPropertyDescription("Nodes running now over all the tenant's pools.")
  private Integer nodes;

  public Integer getHandlers() {
    return handlers;
  }

  public void setHandlers(Integer handlers) {
    this.handlers = handlers;
  }

  public Integer getPools() {
    return pools;
  }

  public void setPools(Integer pools) {
    this.pools = pools;
  }

  public Integer getNodes() {
    return nodes;
  }

  public void setNodes(Integer nodes) {
    this.nodes = nodes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UsageStatus that
        && Objects.equals(handlers, that.handlers)
        && Objects.equals(pools, that.pools)
        && Objects.equals(nodes, that.nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(handlers, pools, nodes);
  }

  @Override
  public String toString() {
    return "UsageStatus{handlers=" + handlers + ", pools=" + pools + ", nodes=" + nodes + "}";
  }
}
