package dev.loopd.control.errors;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets services throw: an exception escaping a service method closes the call with the status
 * {@link ErrorMapper} gives it, instead of gRPC's bare UNKNOWN.
 */
@ApplicationScoped
@GlobalInterceptor
public class ErrorMappingInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      close(call, e);
      return new ServerCall.Listener<>() {};
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          close(call, e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          close(call, e);
        }
      }
    };
  }

  private static void close(ServerCall<?, ?> call, RuntimeException e) {
    StatusRuntimeException s = ErrorMapper.toStatusException(e);
    try {
      call.close(s.getStatus(), s.getTrailers() == null ? new Metadata() : s.getTrailers());
    } catch (IllegalStateException alreadyClosed) {
      // the service answered before it threw
    }
  }
}
