package dev.loopd.cli;

/**
 * A failure the user can act on (a file that cannot be read, a missing token): printed as {@code
 * error: <message>} without a stack trace, exit status 1.
 */
public final class CliException extends RuntimeException {
  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
