package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.NodeHealth;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.ScalingEvent;
import dev.loopd.proto.control.v1.WatchPoolResponse;
import dev.loopd.proto.node.v1.BlockingPoolStats;
import dev.loopd.proto.node.v1.LoopLagStats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {
  static final ScalingEvent PANIC =
      ScalingEvent.newBuilder()
          .setTime(Timestamps.parseUnchecked("2026-11-23T07:50:01Z"))
          .setFromNodes(1)
          .setToNodes(3)
          .setReason(ScalingEvent.Reason.REASON_PANIC)
          .setMessage("panic: lag p99 180 ms over the 50 ms limit")
          .build();

  static final PoolHealth HEALTH =
      PoolHealth.newBuilder()
          .setPool("web")
          .setTime(Timestamps.parseUnchecked("2026-11-23T07:51:36Z"))
          .setDesiredNodes(3)
          .setReadyNodes(2)
          .setPanic(true)
          .setHeldInvocations(4)
          .setMaxLagP99Seconds(0.180)
          .setMeanElu(0.45)
          .addNodes(
              node(
                  "web-a",
                  NodeHealth.State.STATE_READY,
                  0.0004,
                  0.0123,
                  0.0301,
                  0.62,
                  4,
                  1,
                  0,
                  0.25,
                  7))
          .addNodes(node("web-b", NodeHealth.State.STATE_STARTING, 0, 0, 0, 0, 4, 0, 0, 0, 0))
          .addRecentEvents(PANIC)
          .build();

  @TempDir Path home;
  FakeControlPlane api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeControlPlane(home);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static NodeHealth node(
      String id,
      NodeHealth.State state,
      double p50,
      double p99,
      double max,
      double elu,
      int size,
      int active,
      int queued,
      double saturation,
      int inFlight) {
    return NodeHealth.newBuilder()
        .setNodeId(id)
        .setState(state)
        .setLoopLag(
            LoopLagStats.newBuilder().setP50Seconds(p50).setP99Seconds(p99).setMaxSeconds(max))
        .setElu(elu)
        .setBlockingPool(
            BlockingPoolStats.newBuilder().setSize(size).setActive(active).setQueued(queued))
        .setPoolSaturation(saturation)
        .setInFlight(inFlight)
        .build();
  }

  @Test
  void onceRendersEachNodeThePoolLineAndTheEvents() {
    api.telemetry.health = HEALTH;
    var r = api.run("watch", "web", "--once");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            NODE   STATE     LAG p50/p99/max ms  ELU  POOL size/active/queued  SAT  IN-FLIGHT
            web-a  ready     0.4 / 12.3 / 30.1   62%  4 / 1 / 0                25%  7
            web-b  starting  0.0 / 0.0 / 0.0     0%   4 / 0 / 0                0%   0

            Pool web at 2026-11-23 07:51:36Z: 2 ready of 3 desired, panic YES, held 4, lag p99 180.0 ms, mean ELU 45%

            Scaling events (newest last):
              07:50:01  1→3  panic  panic: lag p99 180 ms over the 50 ms limit
            """);
  }

  @Test
  void streamAppendsSnapshotsAndEventLinesWhenNotATerminal() {
    ScalingEvent down =
        PANIC.toBuilder()
            .setTime(Timestamps.parseUnchecked("2026-11-23T07:52:00Z"))
            .setFromNodes(3)
            .setToNodes(2)
            .setReason(ScalingEvent.Reason.REASON_SCALE_DOWN)
            .setMessage("demand 1.4 nodes")
            .build();
    api.telemetry.stream =
        List.of(
            WatchPoolResponse.newBuilder().setHealth(HEALTH).build(),
            WatchPoolResponse.newBuilder().setScalingEvent(down).build());
    var r = api.run("watch", "web");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("\033[");
    assertThat(r.out().split("NODE ", -1)).hasSize(2);
    assertThat(r.out()).endsWith("\nScaling event: 07:52:00  3→2  scale-down  demand 1.4 nodes\n");
    assertThat(r.err()).contains("The control plane ended the stream.");
  }

  @Test
  void onATerminalEachSnapshotClearsTheScreenFirst() {
    api.terminal = true;
    api.telemetry.stream = List.of(WatchPoolResponse.newBuilder().setHealth(HEALTH).build());
    var r = api.run("watch", "web");
    assertThat(r.out()).startsWith("\033[H\033[2J" + "NODE ");
  }

  @Test
  void jsonOutputStreamsOneLinePerMessage() {
    api.telemetry.stream =
        List.of(
            WatchPoolResponse.newBuilder().setHealth(HEALTH).build(),
            WatchPoolResponse.newBuilder().setScalingEvent(PANIC).build());
    var r = api.run("watch", "web", "-o", "json");
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"health\":");
    assertThat(lines[1]).startsWith("{\"scalingEvent\":");
  }

  @Test
  void deletedPoolEndsTheWatchWithNotFound() {
    api.telemetry.calls.failure =
        io.grpc.Status.NOT_FOUND.withDescription("no pool \"web\"").asRuntimeException();
    var r = api.run("watch", "web");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("error: NOT_FOUND: no pool \"web\"");
  }
}
