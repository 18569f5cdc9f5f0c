package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * One scaling decision of the autoscaler, a manual scale or a node replacement ({@code
 * loopd.control.v1.ScalingEvent}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingEventStatus {

  @JsonPropertyDescription("When it was decided (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Nodes before.")
  private Integer from;

  @JsonPropertyDescription("Nodes after.")
  private Integer to;

  @JsonPropertyDescription(
      "ScaleUp, Panic, ScaleDown, ScaleToZero, ScaleFromZero, Manual or NodeReplaced.")
  private String reason;

  @JsonPropertyDescription("What a person reads, e.g. panic: lag p99 180 ms over the 50 ms limit.")
  private String message;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer from) {
    this.from = from;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer to) {
    this.to = to;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof ScalingEventStatus that
        && Objects.equals(time, that.time)
        && Objects.equals(from, that.from)
        && Objects.equals(to, that.to)
        && Objects.equals(reason, that.reason)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, from, to, reason, message);
  }

  @Override
  public String toString() {
    return "ScalingEventStatus{time="
        + time
        + ", from="
        + from
        + ", to="
        + to
        + ", reason="
        + reason
        + ", message="
        + message
        + "}";
  }
}
