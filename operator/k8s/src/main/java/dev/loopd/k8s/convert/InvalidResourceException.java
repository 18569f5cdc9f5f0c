package dev.loopd.k8s.convert;

/**
 * A custom resource (or a ConfigMap or Secret that the store owns) holds a value that cannot be
 * converted to its {@code loopd.control.v1} message, e.g. a duration written {@code 10x}. The
 * message names the field and says what is expected.
 */
public class InvalidResourceException extends IllegalArgumentException {
  public InvalidResourceException(String message) {
    super(message);
  }

  public InvalidResourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
