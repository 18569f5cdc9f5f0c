package dev.loopd.control.errors;

import com.google.protobuf.Any;
import dev.loopd.operator.store.StoreException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place failures become gRPC statuses: an {@link ApiException} keeps its code, message and
 * details; a status from elsewhere (a node's answer) passes through with its trailers; a store
 * failure is UNAVAILABLE (nothing was changed: retry); anything else is a bug: INTERNAL with an id
 * to find the stack trace in the log, never the exception's text.
 */
public final class ErrorMapper {

  private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

  private ErrorMapper() {}

  public static StatusRuntimeException toStatusException(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiException api) {
      com.google.rpc.Status.Builder status =
          com.google.rpc.Status.newBuilder()
              .setCode(api.code().value())
              .setMessage(api.getMessage());
      api.details().forEach(d -> status.addDetails(Any.pack(d)));
      return StatusProto.toStatusRuntimeException(status.build());
    }
    if (t instanceof StatusRuntimeException e) {
      return e;
    }
    if (t instanceof StatusException e) {
      return new StatusRuntimeException(e.getStatus(), e.getTrailers());
    }
    if (t instanceof StoreException e) {
      LOG.log(System.Logger.Level.ERROR, "store failure", e);
      return Status.UNAVAILABLE
          .withDescription(
              "the control plane could not save the change ("
                  + e.getMessage()
                  + "); nothing was"
                  + " changed, retry")
          .asRuntimeException();
    }
    String id = UUID.randomUUID().toString();
    LOG.log(System.Logger.Level.ERROR, "internal error " + id, t);
    return Status.INTERNAL
        .withDescription("internal error (id " + id + "); see the control plane log")
        .asRuntimeException();
  }
}
