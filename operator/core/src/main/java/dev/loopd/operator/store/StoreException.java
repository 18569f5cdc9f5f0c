package dev.loopd.operator.store;

/** A store could not read or durably write its state; the write did not happen. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
