package dev.loopd.k8s.operator;

import dev.loopd.k8s.operator.core.CoreHost;
import dev.loopd.operator.core.remote.RuntimeGrpcService;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;

/**
 * {@code loopd.operator.v1.RuntimeService} on port 7071: what the control API (Kubernetes mode)
 * asks of the running platform (a node for an invocation, pool health and status), answered by the
 * leader's operator core ({@link LeaderOnly}).
 */
@GrpcService
public class RuntimeService implements BindableService {

  private final CoreHost core;

  public RuntimeService(CoreHost core) {
    this.core = core;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return LeaderOnly.wrap(new RuntimeGrpcService(core.core()).bindService(), core);
  }
}
