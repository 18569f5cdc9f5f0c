package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * A load failure a node reported for a handler version ({@code
 * loopd.control.v1.SourceErrorReport}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceErrorStatus {

  @JsonPropertyDescription("Node (pod) that reported it.")
  private String nodeId;

  @JsonPropertyDescription("Version that failed to load.")
  private String version;

  @JsonPropertyDescription("Syntax, UnsupportedModule, Evaluation, InvalidExport or InvalidSource.")
  private String kind;

  @JsonPropertyDescription("1-based line in the source; unset when unknown.")
  private Integer line;

  @JsonPropertyDescription("1-based column in the source; unset when unknown.")
  private Integer column;

  @JsonPropertyDescription("What a person reads, e.g. Expected ; but found x.")
  private String message;

  public String getNodeId() {
    return nodeId;
  }

  public void setNodeId(String nodeId) {
    this.nodeId = nodeId;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public Integer getLine() {
    return line;
  }

  public void setLine(Integer line) {
    this.line = line;
  }

  public Integer getColumn() {
    return column;
  }

  public void setColumn(Integer column) {
    this.column = column;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceErrorStatus that
        && Objects.equals(nodeId, that.nodeId)
        && Objects.equals(version, that.version)
        && Objects.equals(kind, that.kind)
        && Objects.equals(line, that.line)
        && Objects.equals(column, that.column)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeId, version, kind, line, column, message);
  }

  @Override
  public String toString() {
    return "SourceErrorStatus{nodeId="
        + nodeId
        + ", version="
        + version
        + ", kind="
        + kind
        + ", line="
        + line
        + ", column="
        + column
        + ", message="
        + message
        + "}";
  }
}
