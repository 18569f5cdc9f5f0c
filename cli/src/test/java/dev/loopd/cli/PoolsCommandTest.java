package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Durations;
import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.CreatePoolRequest;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.ScalePoolRequest;
import dev.loopd.proto.control.v1.UpdatePoolRequest;
import dev.loopd.proto.node.v1.BlockingPoolSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolsCommandTest {
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

  @Test
  void createMapsEveryFlagOntoTheSpec() {
    var r =
        api.run(
            "pools",
            "create",
            "web",
            "--min",
            "0",
            "--max",
            "8",
            "--pool-size",
            "4",
            "--pool-tuning",
            "adaptive",
            "--target-elu",
            "0.5",
            "--lag-limit",
            "50ms",
            "--cpu-budget-ms",
            "250",
            "--scale-to-zero-grace",
            "1m",
            "--stable-window",
            "60s",
            "--panic-window",
            "6s",
            "--scale-down-delay",
            "1m30s");
    assertThat(r.status()).as(r.toString()).isZero();
    PoolSpec spec = api.pools.calls.last(CreatePoolRequest.class).getSpec();
    assertThat(spec.hasMinNodes()).isTrue();
    assertThat(spec.getMinNodes()).isZero();
    assertThat(spec.getMaxNodes()).isEqualTo(8);
    assertThat(spec.getBlockingPool().getSize()).isEqualTo(4);
    assertThat(spec.getBlockingPool().getTuning())
        .isEqualTo(BlockingPoolSettings.Tuning.TUNING_ADAPTIVE);
    assertThat(Durations.toMillis(spec.getLagLimit())).isEqualTo(50);
    assertThat(spec.getDefaultLimits().getCpuBudgetMs()).isEqualTo(250);
    AutoscalingPolicy a = spec.getAutoscaling();
    assertThat(a.getTargetElu()).isEqualTo(0.5);
    assertThat(Durations.toMillis(a.getScaleToZeroGrace())).isEqualTo(60_000);
    assertThat(Durations.toMillis(a.getStableWindow())).isEqualTo(60_000);
    assertThat(Durations.toMillis(a.getPanicWindow())).isEqualTo(6_000);
    assertThat(Durations.toMillis(a.getScaleDownDelay())).isEqualTo(90_000);
    assertThat(r.out()).contains("Pool web created.");
  }

  @Test
  void createWithoutFlagsSendsAnEmptySpecSoTheServerDefaultsApply() {
    api.run("pools", "create", "web");
    assertThat(api.pools.calls.last(CreatePoolRequest.class).getSpec())
        .isEqualTo(PoolSpec.getDefaultInstance());
  }

  @Test
  void updateKeepsTheCurrentSpecAndChangesOnlyTheFlagsGiven() {
    api.pools.pool =
        Pool.newBuilder()
            .setName("web")
            .setSpec(
                PoolSpec.newBuilder()
                    .setMinNodes(2)
                    .setMaxNodes(5)
                    .setAutoscaling(AutoscalingPolicy.newBuilder().setTargetElu(0.6)))
            .build();
    var r = api.run("pools", "update", "web", "--max", "10", "--panic-window", "3s");
    assertThat(r.status()).as(r.toString()).isZero();
    PoolSpec spec = api.pools.calls.last(UpdatePoolRequest.class).getSpec();
    assertThat(spec.getMinNodes()).isEqualTo(2);
    assertThat(spec.getMaxNodes()).isEqualTo(10);
    assertThat(spec.getAutoscaling().getTargetElu()).isEqualTo(0.6);
    assertThat(Durations.toMillis(spec.getAutoscaling().getPanicWindow())).isEqualTo(3000);
  }

  @Test
  void scaleSetsTheNodeCountAndAutoscaleTurnsModeAutoBackOn() {
    api.pools.pool =
        Pool.newBuilder()
            .setName("web")
            .setSpec(
                PoolSpec.newBuilder()
                    .setMaxNodes(5)
                    .setNodes(3)
                    .setAutoscaling(
                        AutoscalingPolicy.newBuilder().setMode(AutoscalingPolicy.Mode.MODE_MANUAL)))
            .build();
    api.run("pools", "scale", "web", "--nodes", "3");
    assertThat(api.pools.calls.last(ScalePoolRequest.class).getNodes()).isEqualTo(3);

    api.run("pools", "autoscale", "web");
    PoolSpec spec = api.pools.calls.last(UpdatePoolRequest.class).getSpec();
    assertThat(spec.getAutoscaling().getMode()).isEqualTo(AutoscalingPolicy.Mode.MODE_AUTO);
    assertThat(spec.getMaxNodes()).isEqualTo(5);
  }

  @Test
  void listShowsATable() {
    api.pools.pool =
        Pool.newBuilder().setName("web").setSpec(PoolSpec.newBuilder().setMaxNodes(5)).build();
    var r = api.run("pools", "list");
    assertThat(r.out())
        .containsPattern("NAME\\s+READY\\s+DESIRED\\s+MIN\\s+MAX\\s+MODE\\s+PANIC")
        .containsPattern("web\\s+0\\s+0\\s+default\\s+5\\s+auto\\s+no");
  }

  @Test
  void yamlOutputIsTheJsonDocumentAsYaml() {
    api.pools.pool =
        Pool.newBuilder()
            .setName("web")
            .setSpec(PoolSpec.newBuilder().setMaxNodes(5).setLagLimit(Durations.fromMillis(50)))
            .build();
    var r = api.run("pools", "get", "web", "-o", "yaml");
    assertThat(r.out())
        .isEqualTo(
            """
            name: web
            spec:
              maxNodes: 5
              lagLimit: 0.050s
            """);
  }
}
