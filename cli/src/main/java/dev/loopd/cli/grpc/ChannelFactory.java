package dev.loopd.cli.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;

/**
 * Opens the channel to the control plane at {@code host:port}; tests substitute an in-process one.
 */
@FunctionalInterface
public interface ChannelFactory {
  ManagedChannel open(String target);

  /** Plaintext gRPC (the control API of local mode and in-cluster services). */
  static ChannelFactory plaintext() {
    return target -> Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
  }
}
