package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** What the operator observes of a {@link LoopTenant}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoopTenantStatus {

  @JsonPropertyDescription(
      "Namespace the tenant's pools and handlers live in (spec.namespace or its default).")
  private String namespace;

  @JsonPropertyDescription("What the tenant holds now, counted against spec.quotas.")
  private UsageStatus usage;

  @JsonPropertyDescription("metadata.generation of the spec the operator last acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Conditions in Kubernetes API convention (Ready).")
  private List<Condition> conditions;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public UsageStatus getUsage() {
    return usage;
  }

  public void setUsage(UsageStatus usage) {
    this.usage = usage;
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
    return o instanceof LoopTenantStatus that
        && Objects.equals(namespace, that.namespace)
        && Objects.equals(usage, that.usage)
        && Objects.equals(observedGeneration, that.observedGeneration)
        && Objects.equals(conditions, that.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, usage, observedGeneration, conditions);
  }

  @Override
  public String toString() {
    return "LoopTenantStatus{namespace="
        + namespace
        + ", usage="
        + usage
        + ", observedGeneration="
        + observedGeneration
        + ", conditions="
        + conditions
        + "}";
  }
}
