package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pool at zero nodes answers its first invocation by starting a node, then goes back to zero. */
@ExtendWith(PlatformLogsOnFailure.class)
class ScaleFromZeroIT {

  @Test
  void theFirstInvocationOfAPoolAtZeroIsHeldAndAnswered() throws Exception {
    try (Platform platform = Platform.up()) {
      Platform.Stubs api = platform.tenant();
      api.pools()
          .createPool(
              CreatePoolRequest.newBuilder()
                  .setName("lazy")
                  .setSpec(
                      PoolSpec.newBuilder()
                          .setMinNodes(0)
                          .setMaxNodes(2)
                          .setAutoscaling(
                              AutoscalingPolicy.newBuilder()
                                  .setStableWindow(Durations.fromSeconds(10))
                                  .setPanicWindow(Durations.fromSeconds(2))
                                  .setScaleToZeroGrace(Durations.fromSeconds(5))))
                  .build());
      api.handlers()
          .submitHandler(
              SubmitHandlerRequest.newBuilder()
                  .setName("wake")
                  .setPool("lazy")
                  .setSource("export default () => 'awake'")
                  .build());
      assertThat(api.health("lazy").getNodesCount()).as("min_nodes 0 starts no node").isZero();

      InvokeResponse r =
          api.invoke()
              .withDeadlineAfter(60, TimeUnit.SECONDS)
              .invoke(InvokeRequest.newBuilder().setHandler("wake").build());
      assertThat(r.getBody().toStringUtf8()).isEqualTo("awake");
      assertThat(api.health("lazy").getRecentEventsList())
          .extracting(ScalingEvent::getReason)
          .contains(ScalingEvent.Reason.REASON_SCALE_FROM_ZERO);

      platform.await(
          "the pool to scale back to zero",
          Duration.ofSeconds(60),
          () -> api.health("lazy").getNodesCount() == 0);
      assertThat(api.health("lazy").getRecentEventsList())
          .extracting(ScalingEvent::getReason)
          .contains(ScalingEvent.Reason.REASON_SCALE_TO_ZERO);

      // With no invocation, it stays there: nothing is left waiting that would wake it again.
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (System.nanoTime() < end) {
        var health = api.health("lazy");
        assertThat(health.getNodesList())
            .as(
                "nodes of an idle pool after it scaled to zero; events: %s",
                health.getRecentEventsList())
            .isEmpty();
        Thread.sleep(250);
      }
      assertThat(api.health("lazy").getRecentEventsList())
          .extracting(ScalingEvent::getReason)
          .as("one invocation, one scale from zero")
          .containsOnlyOnce(ScalingEvent.Reason.REASON_SCALE_FROM_ZERO);
    }
  }
}
