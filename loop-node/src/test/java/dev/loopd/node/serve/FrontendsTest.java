package dev.loopd.node.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrontendsTest {

  private final FakeNodeCore core = new FakeNodeCore();

  @Test
  void shutdownDrainsTheCoreAndClosesBothPorts() throws Exception {
    Frontends frontends = start();
    int httpPort = frontends.http().port();
    int grpcPort = frontends.grpc().port();

    frontends.shutdown(Duration.ofSeconds(3)).get(10, TimeUnit.SECONDS);

    assertThat(core.drains).containsExactly(Duration.ofSeconds(3));
    assertRefused(httpPort);
    assertRefused(grpcPort);
  }

  @Test
  void aPortInUseFailsStartWithAClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() ->
              Frontends.start(
                  core,
                  HttpFrontend.Options.defaults().withHost("127.0.0.1").withPort(0),
                  GrpcFrontend.Options.defaults()
                      .withHost("127.0.0.1")
                      .withPort(taken.getLocalPort())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen for gRPC on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  private Frontends start() {
    return Frontends.start(
        core,
        HttpFrontend.Options.defaults().withHost("127.0.0.1").withPort(0).withEventLoops(1),
        GrpcFrontend.Options.defaults().withHost("127.0.0.1").withPort(0));
  }

  private static void assertRefused(int port) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }
}
