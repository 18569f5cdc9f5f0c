package dev.loopd.k8s.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  private static Duration d(long s, int n) {
    return Duration.newBuilder().setSeconds(s).setNanos(n).build();
  }

  @Test
  void parsesGoStyleDurations() {
    assertThat(Durations.parse("f", "60s")).isEqualTo(d(60, 0));
    assertThat(Durations.parse("f", "500ms")).isEqualTo(d(0, 500_000_000));
    assertThat(Durations.parse("f", "1m30s")).isEqualTo(d(90, 0));
    assertThat(Durations.parse("f", "1.5s")).isEqualTo(d(1, 500_000_000));
    assertThat(Durations.parse("f", "2h")).isEqualTo(d(7200, 0));
    assertThat(Durations.parse("f", "250us")).isEqualTo(d(0, 250_000));
    assertThat(Durations.parse("f", "250µs")).isEqualTo(d(0, 250_000));
    assertThat(Durations.parse("f", "7ns")).isEqualTo(d(0, 7));
    assertThat(Durations.parse("f", "0s")).isEqualTo(d(0, 0));
  }

  @Test
  void unsetIsNull() {
    assertThat(Durations.parse("f", null)).isNull();
    assertThat(Durations.parse("f", "")).isNull();
    assertThat(Durations.parseMillis("f", null)).isZero();
    assertThat(Durations.format(null)).isNull();
    assertThat(Durations.formatMillis(0)).isNull();
  }

  @Test
  void badDurationsNameTheFieldAndTheExpectedForm() {
    for (String bad : new String[] {"10", "10x", "s", "-5s", "1.s", " 5s", "5s ", "1h-2m"}) {
      assertThatThrownBy(() -> Durations.parse("spec.lagLimit", bad))
          .as(bad)
          .isInstanceOf(InvalidResourceException.class)
          .hasMessageStartingWith("spec.lagLimit: \"" + bad + "\" is not a duration")
          .hasMessageContaining("e.g. 500ms, 60s");
    }
  }

  @Test
  void millisecondFieldsRefuseSubMillisecondValues() {
    assertThat(Durations.parseMillis("f", "1.5s")).isEqualTo(1500);
    assertThatThrownBy(() -> Durations.parseMillis("spec.limits.cpuBudget", "100us"))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessage("spec.limits.cpuBudget: \"100us\" is not a whole number of milliseconds");
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertThat(Durations.format(d(60, 0))).isEqualTo("1m");
    assertThat(Durations.format(d(90, 0))).isEqualTo("90s");
    assertThat(Durations.format(d(7200, 0))).isEqualTo("2h");
    assertThat(Durations.format(d(0, 0))).isEqualTo("0s");
    assertThat(Durations.format(d(0, 500_000_000))).isEqualTo("500ms");
    assertThat(Durations.format(d(1, 500_000_000))).isEqualTo("1500ms");
    assertThat(Durations.format(d(0, 250_000))).isEqualTo("250us");
    assertThat(Durations.format(d(0, 7))).isEqualTo("7ns");
    assertThat(Durations.formatMillis(50)).isEqualTo("50ms");
    assertThat(Durations.formatMillis(30_000)).isEqualTo("30s");
  }

  @Test
  void formatThenParseIsTheSameDuration() {
    for (Duration x :
        new Duration[] {d(0, 0), d(1, 0), d(61, 0), d(3600, 0), d(0, 1), d(2, 1), d(5, 1000)}) {
      assertThat(Durations.parse("f", Durations.format(x))).as(x.toString()).isEqualTo(x);
    }
  }
}
