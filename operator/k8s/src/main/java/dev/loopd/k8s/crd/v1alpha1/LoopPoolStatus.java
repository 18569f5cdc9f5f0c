package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.List;
import java.util.Objects;

/** What the operator observes of a {@link LoopPool} ({@code loopd.control.v1.PoolStatus}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoopPoolStatus {

  @StatusReplicas
  @JsonPropertyDescription(
      "Nodes started and not yet stopped (starting, ready or draining); the scale subresource's status.replicas.")
  private Integer replicas;

  @JsonPropertyDescription("Nodes that applied the pool's handler set and take invocations.")
  private Integer readyNodes;

  @JsonPropertyDescription("Nodes the autoscaler (or kubectl scale under Manual) wants.")
  private Integer desiredNodes;

  @JsonPropertyDescription("True while the autoscaler is in panic mode.")
  private Boolean panic;

  @JsonPropertyDescription("Highest loop lag p99 among the ready nodes, e.g. 12ms.")
  private String lagP99;

  @JsonPropertyDescription("Mean event-loop utilization of the ready nodes, e.g. 0.42.")
  private String elu;

  @LabelSelector
  @JsonPropertyDescription(
      "Label selector of the pool's pods, for the scale subresource (kubectl scale, HPA).")
  private String selector;

  @JsonPropertyDescription("metadata.generation of the spec the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Conditions in Kubernetes API convention: Ready, Scaling, Degraded.")
  private List<Condition> conditions;

  @JsonPropertyDescription("The most recent scaling events, newest last (at most 20).")
  private List<ScalingEventStatus> recentEvents;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyNodes() {
    return readyNodes;
  }

  public void setReadyNodes(Integer readyNodes) {
    this.readyNodes = readyNodes;
  }

  public Integer getDesiredNodes() {
    return desiredNodes;
  }

  public void setDesiredNodes(Integer desiredNodes) {
    this.desiredNodes = desiredNodes;
  }

  public Boolean getPanic() {
    return panic;
  }

  public void setPanic(Boolean panic) {
    this.panic = panic;
  }

  public String getLagP99() {
    return lagP99;
  }

  public void setLagP99(String lagP99) {
    this.lagP99 = lagP99;
  }

  public String getElu() {
    return elu;
  }

  public void setElu(String elu) {
    this.elu = elu;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<ScalingEventStatus> getRecentEvents() {
    return recentEvents;
  }

  public void setRecentEvents(List<ScalingEventStatus> recentEvents) {
    this.recentEvents = recentEvents;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoopPoolStatus that
        && Objects.equals(replicas, that.replicas)
        && Objects.equals(readyNodes, that.readyNodes)
        && Objects.equals(desiredNodes, that.desiredNodes)
        && Objects.equals(panic, that.panic)
        && Objects.equals(lagP99, that.lagP99)
        && Objects.equals(elu, that.elu)
        && Objects.equals(selector, that.selector)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions)
        && Objects.equals(recentEvents, that.recentEvents);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        replicas,
        readyNodes,
        desiredNodes,
        panic,
        lagP99,
        elu,
        selector,
        observedGeneration,
        conditions,
        recentEvents);
  }

  @Override
  public String toString() {
    return "LoopPoolStatus{replicas="
        + replicas
        + ", readyNodes="
        + readyNodes
        + ", desiredNodes="
        + desiredNodes
        + ", panic="
        + panic
        + ", lagP99="
        + lagP99
        + ", elu="
        + elu
        + ", selector="
        + selector
        + ", observedGeneration="
        + observedGeneration
        + ", conditions="
        + conditions
        + ", recentEvents="
        + recentEvents
        + "}";
  }
}
