package dev.loopd.cli.config;

/**
 * What {@code loopctl login} saves: the control plane's address and the bearer token to use with
 * it. Either may be null in a file written by hand.
 */
public record CliConfig(String server, String token) {
  public static final CliConfig EMPTY = new CliConfig(null, null);
}
