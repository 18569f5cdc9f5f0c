package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** What a {@link LoopHandler} asks for: the source the pool runs and its limits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoopHandlerSpec {

  @Required
  @Pattern(LoopdGroup.DNS_LABEL_PATTERN)
  @JsonPropertyDescription("Pool (a LoopPool in this namespace) that runs the handler.")
  private String pool;

  @Required
  @Size(max = LoopdGroup.MAX_SOURCE_BYTES)
  @JsonPropertyDescription(
      "ES module source (UTF-8, at most 1 MiB) whose default export is async (request, ctx) => response. Each new source becomes a new immutable version (ConfigMap <name>-v<N>).")
  private String source;

  @JsonPropertyDescription("Per-invocation limits; unset fields take the pool's defaultLimits.")
  private LimitsSpec limits;

  @JsonPropertyDescription("What the handler does, for people.")
  private String description;

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public LimitsSpec getLimits() {
    return limits;
  }

  public void setLimits(LimitsSpec limits) {
    this.limits = limits;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoopHandlerSpec that
        && Objects.equals(pool, that.pool)
        && Objects.equals(source, that.source)
        && Objects.equals(limits, that.limits)
        && Objects.equals(description, that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pool, source, limits, description);
  }

  @Override
  public String toString() {
    return "LoopHandlerSpec{pool="
        + pool
        + ", source="
        + source
        + ", limits="
        + limits
        + ", description="
        + description
        + "}";
  }
}
