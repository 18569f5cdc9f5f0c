package dev.loopd.cli.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * Turns a failed call into what a person reads: {@code error: <CODE>: <message>} and, when the fix
 * is obvious, a hint line.
 */
public final class ErrorReport {
  private ErrorReport() {}

  /** The error line, e.g. {@code error: NOT_FOUND: no such handler "hello"}. */
  public static String line(StatusRuntimeException e, String server) {
    Status status = e.getStatus();
    String message = status.getDescription();
    if (message == null || message.isBlank()) {
      message = status.getCause() != null ? status.getCause().getMessage() : "(no message)";
    }
    if (isConnectFailure(status)) {
      message = "cannot connect to " + server + ": " + rootCauseMessage(status, message);
    }
    return "error: " + status.getCode() + ": " + message;
  }

  /** What to do about it, when that is obvious. */
  public static Optional<String> hint(StatusRuntimeException e) {
    Status status = e.getStatus();
    return switch (status.getCode()) {
      case UNAUTHENTICATED ->
          Optional.of("hint: run `loopctl login` (or pass --token / set LOOPD_TOKEN)");
      case UNAVAILABLE ->
          isConnectFailure(status)
              ? Optional.of("hint: is the control plane running? bin/loopd up")
              : Optional.empty();
      case PERMISSION_DENIED ->
          Optional.of(
              "hint: tenants are managed with an admin token; handlers, pools and invocations"
                  + " with a tenant token");
      default -> Optional.empty();
    };
  }

  /** The SourceError in the status details, when the control plane sent one. */
  public static Optional<SourceError> sourceError(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return Optional.empty();
    }
    for (Any detail : status.getDetailsList()) {
      if (detail.is(SourceError.class)) {
        try {
          return Optional.of(detail.unpack(SourceError.class));
        } catch (InvalidProtocolBufferException ignored) {
          // A detail we cannot read is reported through the status message instead.
        }
      }
    }
    return Optional.empty();
  }

  private static String rootCauseMessage(Status status, String fallback) {
    String message = fallback;
    for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message.contains("Connection refused") ? "connection refused" : message;
  }

  private static boolean isConnectFailure(Status status) {
    if (status.getCode() != Status.Code.UNAVAILABLE) {
      return false;
    }
    for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    String description = status.getDescription();
    return description != null
        && (description.contains("Connection refused")
            || description.startsWith("io exception")
            || description.contains("Unable to resolve host"));
  }
}
