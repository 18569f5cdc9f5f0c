package dev.loopd.control.local;

import dev.loopd.operator.core.OperatorCore;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.proto.node.v1.NodeSessionServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;

/**
 * Serves the operator core's node session ({@code loopd.node.v1.NodeSessionService}) on the control
 * API's port, where local nodes dial it. In Kubernetes mode nodes dial the operator instead, and a
 * node that dials here is told UNIMPLEMENTED.
 */
@GrpcService
public class SessionGrpcService implements BindableService {

  private final PlatformRuntime runtime;

  @Inject
  public SessionGrpcService(PlatformRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public ServerServiceDefinition bindService() {
    if (runtime instanceof OperatorCore core) {
      return core.sessionService().bindService();
    }
    return new NodeSessionServiceGrpc.NodeSessionServiceImplBase() {}.bindService();
  }
}
