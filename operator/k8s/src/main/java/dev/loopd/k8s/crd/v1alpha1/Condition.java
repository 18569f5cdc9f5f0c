package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A status condition in Kubernetes API convention ({@code loopd.control.v1.Condition}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

  @Required
  @JsonPropertyDescription("Ready, Scaling or Degraded.")
  private String type;

  @Required
  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("CamelCase reason, e.g. NodesReady, NodeFailed.")
  private String reason;

  @JsonPropertyDescription("What a person reads.")
  private String message;

  @JsonPropertyDescription("metadata.generation the condition was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription("When status last changed (RFC 3339); kept while it does not change.")
  private String lastTransitionTime;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition that
        && Objects.equals(type, that.type)
        && Objects.equals(status, that.status)
        && Objects.equals(reason, that.reason)
        && Objects.equals(message, that.message)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(lastTransitionTime, that.lastTransitionTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, observedGeneration, lastTransitionTime);
  }

  @Override
  public String toString() {
    return "Condition{type="
        + type
        + ", status="
        + status
        + ", reason="
        + reason
        + ", message="
        + message
        + ", observedGeneration="
        + observedGeneration
        + ", lastTransitionTime="
        + lastTransitionTime
        + "}";
  }
}
