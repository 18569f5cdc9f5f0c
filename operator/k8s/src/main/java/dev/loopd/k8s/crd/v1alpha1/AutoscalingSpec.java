package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import java.util.Objects;

/**
 * How the autoscaler sizes a pool ({@code loopd.control.v1.AutoscalingPolicy}); unset fields take
 * the defaults named here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscalingSpec {

  @JsonPropertyDescription(
      "Auto (default): the autoscaler sets spec.replicas between minNodes and maxNodes. Manual: the pool runs spec.replicas nodes (kubectl scale).")
  private AutoscalingMode mode;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Event-loop utilization per node to aim for, in (0, 1]; default 0.6.")
  private Double targetElu;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Blocking pool utilization per node to aim for, in (0, 1]; default 0.7.")
  private Double targetPoolUtilization;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription("Averaging window for normal decisions; default 60s.")
  private String stableWindow;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription(
      "Averaging window for panic decisions; default 6s; shorter than stableWindow.")
  private String panicWindow;

  @Min(0)
  @JsonPropertyDescription(
      "Panic when the panic-window desire is at least this many times the ready nodes; default 2.")
  private Double panicThreshold;

  @Min(0)
  @JsonPropertyDescription("At most this factor more nodes per decision; default 2.")
  private Double maxScaleUpRate;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription(
      "A lower desire must persist this long before nodes are removed; default 0s.")
  private String scaleDownDelay;

  @Pattern(LoopdGroup.DURATION_PATTERN)
  @JsonPropertyDescription(
      "With minNodes 0: idle this long before the last node stops; default 60s.")
  private String scaleToZeroGrace;

  public AutoscalingMode getMode() {
    return mode;
  }

  public void setMode(AutoscalingMode mode) {
    this.mode = mode;
  }

  public Double getTargetElu() {
    return targetElu;
  }

  public void setTargetElu(Double targetElu) {
    this.targetElu = targetElu;
  }

  public Double getTargetPoolUtilization() {
    return targetPoolUtilization;
  }

  public void setTargetPoolUtilization(Double targetPoolUtilization) {
    this.targetPoolUtilization = targetPoolUtilization;
  }

  public String getStableWindow() {
    return stableWindow;
  }

  public void setStableWindow(String stableWindow) {
    this.stableWindow = stableWindow;
  }

  public String getPanicWindow() {
    return panicWindow;
  }

  public void setPanicWindow(String panicWindow) {
    this.panicWindow = panicWindow;
  }

  public Double getPanicThreshold() {
    return panicThreshold;
  }

  public void setPanicThreshold(Double panicThreshold) {
    this.panicThreshold = panicThreshold;
  }

  public Double getMaxScaleUpRate() {
    return maxScaleUpRate;
  }

  public void setMaxScaleUpRate(Double maxScaleUpRate) {
    this.maxScaleUpRate = maxScaleUpRate;
  }

  public String getScaleDownDelay() {
    return scaleDownDelay;
  }

  public void setScaleDownDelay(String scaleDownDelay) {
    this.scaleDownDelay = scaleDownDelay;
  }

  public String getScaleToZeroGrace() {
    return scaleToZeroGrace;
  }

  public void setScaleToZeroGrace(String scaleToZeroGrace) {
    this.scaleToZeroGrace = scaleToZeroGrace;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutoscalingSpec that
        && Objects.equals(mode, that.mode)
        && Objects.equals(targetElu, that.targetElu)
        && Objects.equals(targetPoolUtilization, that.targetPoolUtilization)
        && Objects.equals(stableWindow, that.stableWindow)
        && Objects.equals(panicWindow, that.panicWindow)
        && Objects.equals(panicThreshold, that.panicThreshold)
        && Objects.equals(maxScaleUpRate, that.maxScaleUpRate)
        && Objects.equals(scaleDownDelay, that.scaleDownDelay)
        && Objects.equals(scaleToZeroGrace, that.scaleToZeroGrace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mode,
        targetElu,
        targetPoolUtilization,
        stableWindow,
        panicWindow,
        panicThreshold,
        maxScaleUpRate,
        scaleDownDelay,
        scaleToZeroGrace);
  }

  @Override
  public String toString() {
    return "AutoscalingSpec{mode="
        + mode
        + ", targetElu="
        + targetElu
        + ", targetPoolUtilization="
        + targetPoolUtilization
        + ", stableWindow="
        + stableWindow
        + ", panicWindow="
        + panicWindow
        + ", panicThreshold="
        + panicThreshold
        + ", maxScaleUpRate="
        + maxScaleUpRate
        + ", scaleDownDelay="
        + scaleDownDelay
        + ", scaleToZeroGrace="
        + scaleToZeroGrace
        + "}";
  }
}
