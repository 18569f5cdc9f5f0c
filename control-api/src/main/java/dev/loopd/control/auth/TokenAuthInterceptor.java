package dev.loopd.control.auth;

import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.TokenRecord;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every call by its {@code authorization: Bearer <token>} metadata and puts the
 * {@link Caller} on the call's context. Health checking, reflection and the node session (nodes
 * carry no tenant token) are let through without one.
 */
@ApplicationScoped
@GlobalInterceptor
public class TokenAuthInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final Set<String> OPEN_SERVICES =
      Set.of(
          "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection",
          "loopd.node.v1.NodeSessionService");

  private final Store store;

  @Inject
  public TokenAuthInterceptor(Store store) {
    this.store = store;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    String header = headers.get(AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return refuse(call, "missing bearer token: pass --token or run `loopctl login`");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return refuse(call, "the authorization header must be \"Bearer <token>\"");
    }
    Optional<TokenRecord> token = Tokens.verify(store, header.substring(7).strip());
    if (token.isEmpty()) {
      return refuse(
          call, "unknown or revoked token: check --token, or get a new one from your admin");
    }
    TokenRecord t = token.get();
    if (!t.admin() && store.tenant(t.tenant()).isEmpty()) {
      return refuse(call, "the token's tenant \"" + t.tenant() + "\" no longer exists");
    }
    Context context =
        Context.current().withValue(Caller.KEY, new Caller(t.tenant(), t.admin(), t.id()));
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String message) {
    call.close(Status.UNAUTHENTICATED.withDescription(message), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
