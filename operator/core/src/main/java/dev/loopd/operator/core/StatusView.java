package dev.loopd.operator.core;

import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.PoolStatus;

/**
 * What the operator core observes at run time, for the control API to show beside the stored
 * desired state: a pool's status, a handler's status, the nodes a tenant runs.
 */
public interface StatusView {

  PoolStatus poolStatus(String tenant, String pool);

  HandlerStatus handlerStatus(String tenant, String handler);

  /** Nodes started and not yet stopped, over all the tenant's pools. */
  int runningNodes(String tenant);

  /** A view with nothing running: for tests and tools without an operator core. */
  StatusView NONE =
      new StatusView() {
        @Override
        public PoolStatus poolStatus(String tenant, String pool) {
          return PoolStatus.getDefaultInstance();
        }

        @Override
        public HandlerStatus handlerStatus(String tenant, String handler) {
          return HandlerStatus.newBuilder().setState(HandlerStatus.State.STATE_PENDING).build();
        }

        @Override
        public int runningNodes(String tenant) {
          return 0;
        }
      };
}
