package dev.loopd.node.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopd.node.pool.PoolTuning.Mode;
import dev.loopd.node.pool.PoolTuning.Setting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolTuningTest {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  private static PoolTuning flags(
      Map<String, String> env, String tuning, String size, String min, String max) {
    return PoolTuning.resolve(
        env,
        new Setting("--pool-tuning", tuning),
        new Setting("--pool-size", size),
        new Setting("--pool-min", min),
        new Setting("--pool-max", max));
  }

  @Test
  void fixedAtTheCpusUnlessToldOtherwise() {
    assertThat(flags(Map.of(), null, null, null, null)).isEqualTo(PoolTuning.fixed(CPUS));
    assertThat(PoolTuning.resolve(Map.of(), null, null, null, null))
        .isEqualTo(PoolTuning.fixed(CPUS));
  }

  @Test
  void adaptiveDefaultsToOneUpToFourPerCpuStartingAtTheCpus() {
    assertThat(flags(Map.of(), "adaptive", null, null, null))
        .isEqualTo(new PoolTuning(Mode.ADAPTIVE, CPUS, 1, PoolTuning.defaultMax(CPUS)));
    assertThat(PoolTuning.defaultMax(1)).isEqualTo(4);
    assertThat(PoolTuning.defaultMax(2)).isEqualTo(8);
    assertThat(PoolTuning.defaultMax(300)).as("libuv's ceiling").isEqualTo(1024);
  }

  @Test
  void environmentSetsEverythingAndFlagsWin() {
    Map<String, String> env =
        Map.of(
            "LOOPD_POOL_TUNING", "Adaptive",
            "LOOPD_POOL_SIZE", "3",
            "LOOPD_POOL_MIN", "2",
            "LOOPD_POOL_MAX", "6");
    assertThat(flags(env, null, null, null, null))
        .isEqualTo(new PoolTuning(Mode.ADAPTIVE, 3, 2, 6));
    assertThat(flags(env, null, "5", "4", "12")).isEqualTo(new PoolTuning(Mode.ADAPTIVE, 5, 4, 12));
    assertThat(flags(env, "fixed", null, null, null))
        .as("min and max in the environment are ignored when fixed")
        .isEqualTo(PoolTuning.fixed(3));
    assertThat(flags(Map.of("UV_THREADPOOL_SIZE", "5"), "adaptive", null, null, null).size())
        .isEqualTo(5);
  }

  @Test
  void minAndMaxOutOfRangeNameTheFlagAndTheRange() {
    assertThatThrownBy(() -> flags(Map.of(), "adaptive", null, "0", null))
        .hasMessage("--pool-min=0 is out of range; set it to a pool size from 1 to 1024");
    assertThatThrownBy(() -> flags(Map.of(), "adaptive", null, null, "2000"))
        .hasMessage("--pool-max=2000 is out of range; set it to a pool size from 1 to 1024");
    assertThatThrownBy(() -> flags(Map.of("LOOPD_POOL_MAX", "many"), "adaptive", null, null, null))
        .hasMessageStartingWith("LOOPD_POOL_MAX='many' is not a whole number");
  }

  @Test
  void minAboveMaxIsRefused() {
    assertThatThrownBy(() -> flags(Map.of(), "adaptive", null, "8", "4"))
        .hasMessage("--pool-min=8 is above --pool-max=4; the pool's min must not exceed its max");
    assertThatThrownBy(() -> flags(Map.of("LOOPD_POOL_MAX", "4"), "adaptive", null, "8", null))
        .hasMessageContaining("--pool-min=8 is above LOOPD_POOL_MAX=4");
  }

  @Test
  void anExplicitSizeMustLieInTheRangeADefaultedOneIsMovedIntoIt() {
    assertThatThrownBy(() -> flags(Map.of(), "adaptive", "16", "1", "8"))
        .hasMessage(
            "--pool-size=16 is outside the adaptive range 1..8 (min..max); the starting size must"
                + " lie within it");
    assertThatThrownBy(() -> flags(Map.of("LOOPD_POOL_SIZE", "1"), "adaptive", null, "2", "8"))
        .hasMessageStartingWith("LOOPD_POOL_SIZE=1 is outside the adaptive range 2..8");
    assertThat(flags(Map.of(), "adaptive", null, String.valueOf(CPUS + 1), "64").size())
        .isEqualTo(CPUS + 1);
  }

  @Test
  void anExplicitMinAboveTheDefaultMaxRaisesTheMax() {
    int min = PoolTuning.defaultMax(CPUS) + 3;
    assertThat(flags(Map.of(), "adaptive", null, String.valueOf(min), null))
        .isEqualTo(new PoolTuning(Mode.ADAPTIVE, min, min, min));
  }

  @Test
  void minOrMaxWithFixedTuningIsAnError() {
    assertThatThrownBy(() -> flags(Map.of(), null, null, "2", null))
        .hasMessage(
            "--pool-min applies only to adaptive tuning; set --pool-tuning to adaptive, or drop"
                + " --pool-min");
  }

  @Test
  void anUnknownTuningIsNamed() {
    assertThatThrownBy(() -> flags(Map.of(), "elastic", null, null, null))
        .hasMessage("--pool-tuning='elastic' is not a pool tuning; use fixed or adaptive");
    assertThatThrownBy(() -> flags(Map.of("LOOPD_POOL_TUNING", "auto"), null, null, null, null))
        .hasMessage("LOOPD_POOL_TUNING='auto' is not a pool tuning; use fixed or adaptive");
  }
}
