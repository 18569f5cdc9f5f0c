package dev.loopd.node.serve;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.Durations;
import dev.loopd.proto.node.v1.Header;
import dev.loopd.proto.node.v1.InvocationOutcome;
import dev.loopd.proto.node.v1.InvokeRequest;
import dev.loopd.proto.node.v1.InvokeResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;

/**
 * One request to a handler, from receipt to its answer. The future completes exactly once: with the
 * handler's response, or with the status that ended it (deadline, CPU budget, drain); whichever
 * comes first wins and the others are ignored.
 */
final class Invocation {
  final String id;
  final InvokeRequest request;
  final HandlerVersion version;
  final long receivedNanos;
  final long deadlineNanos;
  final CompletableFuture<InvokeResponse> future = new CompletableFuture<>();
  volatile HandlerHost.InvocationListener.Tracker tracker;
  private volatile InvocationOutcome failedAs = InvocationOutcome.INVOCATION_OUTCOME_UNSPECIFIED;

  /** The JS side's number for it, set on the loop thread when it starts; -1 before. */
  int slot = -1;

  Invocation(
      String id, InvokeRequest request, HandlerVersion version, long receivedNanos, long deadline) {
    this.id = id;
    this.request = request;
    this.version = version;
    this.receivedNanos = receivedNanos;
    this.deadlineNanos = deadline;
  }

  boolean isDone() {
    return future.isDone();
  }

  /** The handler answered; false when the invocation had already ended. */
  boolean respond(int status, Iterable<Header> headers, ByteString body) {
    InvokeResponse.Builder response =
        InvokeResponse.newBuilder()
            .setStatus(status)
            .setBody(body)
            .setInvocationId(id)
            .setHandlerVersion(version.version())
            .setOutcome(InvocationOutcome.INVOCATION_OUTCOME_OK)
            .setDuration(Durations.fromNanos(System.nanoTime() - receivedNanos));
    response.addAllHeaders(headers);
    return future.complete(response.build());
  }

  /** The handler failed: HTTP 500 with outcome ERROR, not a transport error. */
  boolean respondError(String message) {
    String body =
        "{\"error\":{\"code\":\"HANDLER_ERROR\",\"message\":" + jsonString(message) + "}}";
    InvokeResponse response =
        InvokeResponse.newBuilder()
            .setStatus(500)
            .addHeaders(Header.newBuilder().setName("content-type").setValue("application/json"))
            .setBody(ByteString.copyFromUtf8(body))
            .setInvocationId(id)
            .setHandlerVersion(version.version())
            .setOutcome(InvocationOutcome.INVOCATION_OUTCOME_ERROR)
            .setDuration(Durations.fromNanos(System.nanoTime() - receivedNanos))
            .build();
    return future.complete(response);
  }

  /** Ended without the handler's answer; {@code outcome} is what the figures count it as. */
  boolean fail(Status status, InvocationOutcome outcome) {
    this.failedAs = outcome;
    return future.completeExceptionally(new StatusRuntimeException(status));
  }

  /** How it ended, once the future is done. */
  InvocationOutcome outcome() {
    if (!future.isDone()) return InvocationOutcome.INVOCATION_OUTCOME_UNSPECIFIED;
    return future.isCompletedExceptionally() ? failedAs : future.join().getOutcome();
  }

  /** The HTTP status the caller gets, for figures and spans (as the HTTP port maps errors). */
  int httpStatus() {
    if (!future.isCompletedExceptionally()) return future.join().getStatus();
    return switch (failedAs) {
      case INVOCATION_OUTCOME_DEADLINE_EXCEEDED -> 504;
      case INVOCATION_OUTCOME_CPU_BUDGET_EXCEEDED, INVOCATION_OUTCOME_REJECTED -> 503;
      default -> 500;
    };
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
