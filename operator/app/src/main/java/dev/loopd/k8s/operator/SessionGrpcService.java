package dev.loopd.k8s.operator;

import dev.loopd.k8s.operator.core.CoreHost;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;

/**
 * The operator core's node session ({@code loopd.node.v1.NodeSessionService}) on port 7071, where
 * every pool's pods dial. A replica that does not lead answers UNAVAILABLE: the node redials (and
 * reaches the leader through the Service).
 */
@GrpcService
public class SessionGrpcService implements BindableService {

  private final CoreHost core;

  public SessionGrpcService(CoreHost core) {
    this.core = core;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerInterceptors.intercept(core.sessionService().bindService(), new LeaderOnly(core));
  }

  /** Refuses calls while this replica does not lead. */
  static final class LeaderOnly implements ServerInterceptor {
    private final CoreHost core;

    LeaderOnly(CoreHost core) {
      this.core = core;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      if (!core.leading()) {
        call.close(
            Status.UNAVAILABLE.withDescription(
                "this operator replica is not the leader; redial to reach the leader"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
