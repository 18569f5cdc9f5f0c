package dev.loopd.cli.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesTheUnitsPeopleType() {
    assertThat(Durations.parse("50ms")).isEqualTo(Duration.ofMillis(50));
    assertThat(Durations.parse("6s")).isEqualTo(Duration.ofSeconds(6));
    assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
    assertThat(Durations.parse("0")).isZero();
  }

  @Test
  void refusesBareNumbersAndUnknownUnits() {
    assertThatThrownBy(() -> Durations.parse("50")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("5d")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("1s junk")).hasMessageContaining("not a duration");
  }

  @Test
  void convertsToProtobuf() {
    var d = Durations.toProto(Durations.parse("1.25s"));
    assertThat(d.getSeconds()).isEqualTo(1);
    assertThat(d.getNanos()).isEqualTo(250_000_000);
  }
}
