package dev.loopd.control.api;

import com.google.protobuf.util.Durations;
import dev.loopd.control.auth.Caller;
import dev.loopd.control.errors.ApiException;
import dev.loopd.control.errors.ErrorMapper;
import dev.loopd.control.route.InvocationRouter;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code InvokeService}: runs a request through one of the caller's handlers on a ready node of its
 * pool (see {@link InvocationRouter} for the choice of node and the retry rule).
 */
@GrpcService
public class InvokeGrpcService extends InvokeServiceGrpc.InvokeServiceImplBase {

  private final Store store;
  private final InvocationRouter router;

  @Inject
  public InvokeGrpcService(Store store, InvocationRouter router) {
    this.store = store;
    this.router = router;
  }

  @Override
  public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> responses) {
    long started = System.nanoTime();
    String tenant = Caller.current().requireTenant();
    Handler handler =
        store
            .handler(tenant, request.getHandler())
            .orElseThrow(() -> ApiException.notFound("handler", request.getHandler()));
    String path = request.getPath().isEmpty() ? "/" : request.getPath();
    if (!path.startsWith("/")) {
      throw ApiException.invalidArgument("path", "must start with \"/\", e.g. \"/orders/7\"");
    }
    String method =
        request.getMethod().isEmpty()
            ? (request.getBody().isEmpty() ? "GET" : "POST")
            : request.getMethod().toUpperCase(Locale.ROOT);
    if (request.hasTimeout() && Durations.toMillis(request.getTimeout()) <= 0) {
      throw ApiException.invalidArgument("timeout", "must be positive, e.g. 5s");
    }
    Deadline deadline = Context.current().getDeadline();
    if (request.hasTimeout()) {
      Deadline own =
          Deadline.after(Durations.toMillis(request.getTimeout()), TimeUnit.MILLISECONDS);
      deadline = deadline == null ? own : deadline.minimum(own);
    }
    String invocationId =
        request.getInvocationId().isEmpty()
            ? UUID.randomUUID().toString()
            : request.getInvocationId();
    var nodeRequest =
        dev.loopd.proto.node.v1.InvokeRequest.newBuilder()
            .setHandler(handler.getName())
            .setMethod(method)
            .setPath(path)
            .addAllQuery(request.getQueryList())
            .addAllHeaders(request.getHeadersList())
            .setBody(request.getBody())
            .setInvocationId(invocationId);
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      nodeRequest.setTraceparent(
          "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }
    var call = (ServerCallStreamObserver<InvokeResponse>) responses;
    router
        .invoke(new PoolRef(tenant, handler.getPool()), nodeRequest.build(), deadline)
        .whenComplete((routed, failure) -> {
          if (call.isCancelled()) {
            return;
          }
          if (failure != null) {
            responses.onError(ErrorMapper.toStatusException(failure));
            return;
          }
          var r = routed.response();
          responses.onNext(
              InvokeResponse.newBuilder()
                  .setStatus(r.getStatus())
                  .addAllHeaders(r.getHeadersList())
                  .setBody(r.getBody())
                  .setInvocationId(r.getInvocationId())
                  .setHandlerVersion(r.getHandlerVersion())
                  .setNodeId(routed.nodeId())
                  .setDuration(Durations.fromNanos(System.nanoTime() - started))
                  .setOutcome(r.getOutcome())
                  .setAttempts(routed.attempts())
                  .build());
          responses.onCompleted();
        });
  }
}
