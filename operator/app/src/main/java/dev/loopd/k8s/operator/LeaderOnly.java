package dev.loopd.k8s.operator;

import dev.loopd.k8s.operator.core.CoreHost;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;

/**
 * Refuses calls with UNAVAILABLE while this replica does not lead: only the leader runs the
 * operator core, so a node (or the control API) that reached another replica dials again. (A
 * wrapper of each method's handler rather than a {@code ServerInterceptor}, which Quarkus would
 * take for a global interceptor candidate.)
 */
final class LeaderOnly {

  private LeaderOnly() {}

  static ServerServiceDefinition wrap(ServerServiceDefinition service, CoreHost core) {
    ServerServiceDefinition.Builder b =
        ServerServiceDefinition.builder(service.getServiceDescriptor());
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      b.addMethod(gated(method, core));
    }
    return b.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> gated(
      ServerMethodDefinition<Q, R> method, CoreHost core) {
    ServerCallHandler<Q, R> next = method.getServerCallHandler();
    return method.withServerCallHandler((ServerCall<Q, R> call, Metadata headers) -> {
      if (!core.leading()) {
        call.close(
            Status.UNAVAILABLE.withDescription(
                "this operator replica is not the leader; dial again to reach the leader"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    });
  }
}
