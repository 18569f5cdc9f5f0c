package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.InvokeResponse;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A node killed mid-invocation: the caller learns it cleanly, the pool replaces the node. */
@ExtendWith(PlatformLogsOnFailure.class)
class NodeFailureIT {

  static Platform platform;
  static Platform.Stubs api;

  @BeforeAll
  static void up() throws Exception {
    platform = Platform.up();
    api = platform.tenant();
    api.pools()
        .createPool(
            CreatePoolRequest.newBuilder()
                .setName("solo")
                .setSpec(PoolSpec.newBuilder().setMinNodes(1).setMaxNodes(1))
                .build());
    api.handlers()
        .submitHandler(
            SubmitHandlerRequest.newBuilder()
                .setName("slow")
                .setPool("solo")
                .setSource(
                    "export default async () => { await new Promise(r => setTimeout(r, 3000));"
                        + " return 'done'; }")
                .build());
    api.handlers()
        .submitHandler(
            SubmitHandlerRequest.newBuilder()
                .setName("quick")
                .setPool("solo")
                .setSource("export default () => 'quick'")
                .build());
  }

  @AfterAll
  static void down() throws Exception {
    platform.close();
  }

  private static String quick() {
    return api.invoke()
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .invoke(InvokeRequest.newBuilder().setHandler("quick").build())
        .getBody()
        .toStringUtf8();
  }

  @Test
  void aKilledNodesInvocationFailsCleanlyAndTheNodeIsReplaced() throws Exception {
    platform.await("the pool to answer", Duration.ofSeconds(90), () -> quick().equals("quick"));
    String victim =
        api.health("solo").getNodesList().stream()
            .filter(n -> n.getState() == NodeHealth.State.STATE_READY)
            .findFirst()
            .orElseThrow()
            .getNodeId();
    long pid =
        platform.nodePid(victim).orElseThrow(() -> new AssertionError("no process for " + victim));

    ListenableFuture<InvokeResponse> inFlight =
        api.invokeAsync()
            .withDeadlineAfter(20, TimeUnit.SECONDS)
            .invoke(InvokeRequest.newBuilder().setHandler("slow").build());
    Thread.sleep(1000); // the handler is now waiting on its timer
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    try {
      InvokeResponse r = inFlight.get(25, TimeUnit.SECONDS);
      throw new AssertionError("the invocation on a killed node answered: " + r);
    } catch (ExecutionException e) {
      Status status = Status.fromThrowable(e.getCause());
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(status.getDescription()).contains(victim).contains("may have run");
    }

    platform.await(
        "a replacement node to answer", Duration.ofSeconds(90), () -> quick().equals("quick"));
    var health = api.health("solo");
    assertThat(health.getNodesList()).extracting(NodeHealth::getNodeId).doesNotContain(victim);
    assertThat(health.getRecentEventsList())
        .extracting(ScalingEvent::getReason)
        .contains(ScalingEvent.Reason.REASON_NODE_REPLACED);
  }
}
