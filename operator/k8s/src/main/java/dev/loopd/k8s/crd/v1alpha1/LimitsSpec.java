package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.Objects;

/**
 * Per-invocation limits of a handler ({@code loopd.node.v1.Limits}); unset fields take the next
 * default (the pool's defaultLimits, then the node's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LimitsSpec {

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription(
      "CPU time a handler may keep the loop busy per task before the watchdog interrupts it, e.g. 50ms; whole milliseconds.")
  private String cpuBudget;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription(
      "Wall-clock time from receipt to response, e.g. 30s; whole milliseconds.")
  private String deadline;

  @Min(0)
  @JsonPropertyDescription("Largest request body accepted, in bytes (larger: HTTP 413).")
  private Long maxRequestBytes;

  @Min(0)
  @JsonPropertyDescription("Largest response body the handler may return, in bytes.")
  private Long maxResponseBytes;

  public String getCpuBudget() {
    return cpuBudget;
  }

  public void setCpuBudget(String cpuBudget) {
    this.cpuBudget = cpuBudget;
  }

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }

  public Long getMaxRequestBytes() {
    return maxRequestBytes;
  }

  public void setMaxRequestBytes(Long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  public Long getMaxResponseBytes() {
    return maxResponseBytes;
  }

  public void setMaxResponseBytes(Long maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LimitsSpec that
        && Objects.equals(cpuBudget, that.cpuBudget)
        && Objects.equals(deadline, that.deadline)
        && Objects.equals(maxRequestBytes, that.maxRequestBytes)
        && Objects.equals(maxResponseBytes, that.maxResponseBytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cpuBudget, deadline, maxRequestBytes, maxResponseBytes);
  }

  @Override
  public String toString() {
    return "LimitsSpec{cpuBudget="
        + cpuBudget
        + ", deadline="
        + deadline
        + ", maxRequestBytes="
        + maxRequestBytes
        + ", maxResponseBytes="
        + maxResponseBytes
        + "}";
  }
}
