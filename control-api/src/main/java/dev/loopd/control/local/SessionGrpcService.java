package dev.loopd.control.local;

import dev.loopd.operator.core.OperatorCore;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;

/**
 * Serves the operator core's node session ({@code loopd.node.v1.NodeSessionService}) on the control
 * API's port, where local nodes dial it.
 */
@GrpcService
public class SessionGrpcService implements BindableService {

  private final OperatorCore core;

  @Inject
  public SessionGrpcService(OperatorCore core) {
    this.core = core;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return core.sessionService().bindService();
  }
}
