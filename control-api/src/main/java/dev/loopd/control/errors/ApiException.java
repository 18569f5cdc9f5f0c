package dev.loopd.control.errors;

import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure to report to the caller with a standard gRPC code and a message a person can act on,
 * optionally with structured details (e.g. a {@code SourceError} with line and column). Services
 * throw it; {@link ErrorMapper} turns it into the call's status.
 */
public class ApiException extends RuntimeException {

  private final Status.Code code;
  private final List<Message> details = new ArrayList<>();

  public ApiException(Status.Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Status.Code code() {
    return code;
  }

  public List<Message> details() {
    return List.copyOf(details);
  }

  /** Adds a detail (sent as {@code google.rpc.Status.details}). */
  public ApiException withDetail(Message detail) {
    details.add(detail);
    return this;
  }

  /** e.g. {@code pool "web" not found}. */
  public static ApiException notFound(String kind, String name) {
    return new ApiException(Status.Code.NOT_FOUND, kind + " \"" + name + "\" not found");
  }

  /** e.g. {@code invalid name: must be a DNS-1123 label...}. */
  public static ApiException invalidArgument(String field, String problem) {
    return new ApiException(Status.Code.INVALID_ARGUMENT, "invalid " + field + ": " + problem);
  }

  public static ApiException alreadyExists(String kind, String name) {
    return new ApiException(Status.Code.ALREADY_EXISTS, kind + " \"" + name + "\" already exists");
  }

  public static ApiException failedPrecondition(String message) {
    return new ApiException(Status.Code.FAILED_PRECONDITION, message);
  }

  public static ApiException quotaExceeded(String message) {
    return new ApiException(Status.Code.RESOURCE_EXHAUSTED, message);
  }
}
