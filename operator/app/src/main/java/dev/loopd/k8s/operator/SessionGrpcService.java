package dev.loopd.k8s.operator;

import dev.loopd.k8s.operator.core.CoreHost;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;

/**
 * The operator core's node session ({@code loopd.node.v1.NodeSessionService}) on port 7071, where
 * every pool's pods dial; the leader's only ({@link LeaderOnly}).
 */
@GrpcService
public class SessionGrpcService implements BindableService {

  private final CoreHost core;

  public SessionGrpcService(CoreHost core) {
    this.core = core;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return LeaderOnly.wrap(core.sessionService().bindService(), core);
  }
}
