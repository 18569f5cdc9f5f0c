package dev.loopd.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.cli.fake.FakeInvoke;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  final FakeInvoke invoke = new FakeInvoke();
  Server server;
  ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    invoke.record = false;
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(invoke).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void stopEndsALongRunSoonAndKeepsWhatWasMeasured() throws Exception {
    LoadStats stats = new LoadStats();
    var generator =
        new LoadGenerator(
            InvokeServiceGrpc.newStub(channel),
            InvokeRequest.newBuilder().setHandler("hello").build(),
            4,
            0,
            Duration.ofMinutes(5),
            null,
            stats);
    var run =
        CompletableFuture.supplyAsync(() -> {
          try {
            return generator.run(Duration.ofSeconds(3));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    Thread.sleep(300);
    generator.stop();
    assertThat(run.get(2, TimeUnit.SECONDS)).as("calls abandoned").isZero();
    stats.interval();
    assertThat(stats.requests()).isPositive().isEqualTo(invoke.count.get());
  }
}
