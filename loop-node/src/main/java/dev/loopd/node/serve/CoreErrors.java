package dev.loopd.node.serve;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The error convention between {@link NodeCore} and the front ends, and the one place that turns a
 * failure into a gRPC status.
 *
 * <p>node.proto gives {@code Invoke} one code, RESOURCE_EXHAUSTED, for three different causes. The
 * gRPC caller reads the message; the HTTP front end must pick a status code, so the core words the
 * status description with a fixed prefix:
 *
 * <ul>
 *   <li>{@value #REQUEST_BODY} ... (e.g. "request body is 2000000 bytes, over the handler's limit
 *       of 1048576"): the request was too large; HTTP 413. Use {@link #requestBodyTooLarge}.
 *   <li>{@value #RESPONSE_BODY} ...: the handler's response was too large; HTTP 500 (the handler's
 *       fault, not the caller's). Use {@link #responseBodyTooLarge}.
 *   <li>anything else (the watchdog stopped the handler past its CPU budget): HTTP 503.
 * </ul>
 */
public final class CoreErrors {

  /** Description prefix of a RESOURCE_EXHAUSTED status about the request body size. */
  public static final String REQUEST_BODY = "request body";

  /** Description prefix of a RESOURCE_EXHAUSTED status about the response body size. */
  public static final String RESPONSE_BODY = "response body";

  private static final System.Logger LOG = System.getLogger(CoreErrors.class.getName());

  private CoreErrors() {}

  /** RESOURCE_EXHAUSTED for a request body over {@code limit} bytes (HTTP 413). */
  public static StatusRuntimeException requestBodyTooLarge(long size, long limit) {
    return Status.RESOURCE_EXHAUSTED
        .withDescription(
            REQUEST_BODY + " is " + size + " bytes, over the limit of " + limit + " bytes")
        .asRuntimeException();
  }

  /** RESOURCE_EXHAUSTED for a handler response body over {@code limit} bytes (HTTP 500). */
  public static StatusRuntimeException responseBodyTooLarge(long size, long limit) {
    return Status.RESOURCE_EXHAUSTED
        .withDescription(
            RESPONSE_BODY
                + " is "
                + size
                + " bytes, over the handler's limit of "
                + limit
                + " bytes")
        .asRuntimeException();
  }

  /**
   * The status a failure stands for: a {@link StatusRuntimeException} or {@link StatusException}
   * (also wrapped in a CompletionException or ExecutionException) keeps its status; a cancellation
   * is CANCELLED; anything else is a node bug, logged here and answered INTERNAL with a sanitized
   * message.
   */
  /**
   * The failure as the exception to send: the core's own {@link StatusRuntimeException} as it is,
   * so its trailers (google.rpc.Status details such as a SourceError) reach the caller.
   */
  public static StatusRuntimeException toStatusException(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof StatusRuntimeException e) return e;
    return toStatus(failure).asRuntimeException();
  }

  public static Status toStatus(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof StatusRuntimeException e) {
      return e.getStatus();
    }
    if (t instanceof StatusException e) {
      return e.getStatus();
    }
    if (t instanceof CancellationException) {
      return Status.CANCELLED.withDescription("cancelled");
    }
    LOG.log(System.Logger.Level.ERROR, "node core failed unexpectedly", t);
    return Status.INTERNAL.withDescription("internal error in the loop node (see its log)");
  }
}
