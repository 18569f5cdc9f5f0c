package dev.loopd.cli.output;

/** {@code -o}: human tables, or the API's messages as JSON (protobuf JSON mapping) or YAML. */
public enum OutputFormat {
  TABLE,
  JSON,
  YAML
}
