package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** What the operator observes of a {@link LoopHandler}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoopHandlerStatus {

  @JsonPropertyDescription(
      "Version the pool serves: the newest version whose source equals spec.source.")
  private String activeVersion;

  @JsonPropertyDescription("Highest version number given so far.")
  private String latestVersion;

  @JsonPropertyDescription(
      "Pending (no node serves the active version yet), Ready or Failed (see error).")
  private String state;

  @JsonPropertyDescription("Nodes serving the active version.")
  private Integer readyNodes;

  @JsonPropertyDescription("Why a node could not load the active version.")
  private SourceErrorStatus error;

  @JsonPropertyDescription("metadata.generation of the spec the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Conditions in Kubernetes API convention (Ready).")
  private List<Condition> conditions;

  public String getActiveVersion() {
    return activeVersion;
  }

  public void setActiveVersion(String activeVersion) {
    this.activeVersion = activeVersion;
  }

  public String getLatestVersion() {
    return latestVersion;
  }

  public void setLatestVersion(String latestVersion) {
    this.latestVersion = latestVersion;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public Integer getReadyNodes() {
    return readyNodes;
  }

  public void setReadyNodes(Integer readyNodes) {
    this.readyNodes = readyNodes;
  }

  public SourceErrorStatus getError() {
    return error;
  }

  public void setError(SourceErrorStatus error) {
    this.error = error;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof LoopHandlerStatus that
        && Objects.equals(activeVersion, that.activeVersion)
        && Objects.equals(latestVersion, that.latestVersion)
        && Objects.equals(state, that.state)
        && Objects.equals(readyNodes, that.readyNodes)
        && Objects.equals(error, that.error)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        activeVersion, latestVersion, state, readyNodes, error, observedGeneration, conditions);
  }

  @Override
  public String toString() {
    return "LoopHandlerStatus{activeVersion="
        + activeVersion
        + ", latestVersion="
        + latestVersion
        + ", state="
        + state
        + ", readyNodes="
        + readyNodes
        + ", error="
        + error
        + ", observedGeneration="
        + observedGeneration
        + ", conditions="
        + conditions
        + "}";
  }
}
