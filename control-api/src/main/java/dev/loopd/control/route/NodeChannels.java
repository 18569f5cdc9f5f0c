package dev.loopd.control.route;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel per node address, reused by every invocation sent there. Nodes come and go, so
 * the cache keeps the most recently used {@link #MAX_CHANNELS} and closes the rest.
 */
public final class NodeChannels implements AutoCloseable {

  static final int MAX_CHANNELS = 128;

  /** Invoke carries a request body up to the handler's limit, 1 MiB by default and up to 64. */
  private static final int MAX_MESSAGE_BYTES = 80 * 1024 * 1024;

  private final Map<String, ManagedChannel> channels =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ManagedChannel> eldest) {
          if (size() > MAX_CHANNELS) {
            eldest.getValue().shutdown();
            return true;
          }
          return false;
        }
      };

  /** The channel to {@code address} (host:port), created on first use. */
  public synchronized ManagedChannel get(String address) {
    return channels.computeIfAbsent(
        address,
        a ->
            Grpc.newChannelBuilder(a, InsecureChannelCredentials.create())
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build());
  }

  @Override
  public synchronized void close() {
    for (ManagedChannel c : channels.values()) {
      c.shutdown();
    }
    for (ManagedChannel c : channels.values()) {
      try {
        c.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      c.shutdownNow();
    }
    channels.clear();
  }
}
