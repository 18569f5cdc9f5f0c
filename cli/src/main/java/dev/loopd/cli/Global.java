package dev.loopd.cli;

import picocli.CommandLine.Option;

/** Options every command takes: where the control API is, the token, the output format. */
public final class Global {

  /** Output formats of {@code -o}. */
  public enum Format {
    table,
    json,
    yaml
  }

  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      description =
          "Control API address (default: $LOOPD_SERVER, the login config, 127.0.0.1:7070).")
  String server;

  @Option(
      names = "--token",
      description = "Bearer token (default: $LOOPD_TOKEN, then the login config).")
  String token;

  @Option(
      names = {"-o", "--output"},
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
  Format output = Format.table;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;
}
