package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.cli.fake.FakeControlPlane;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineParsingTest {
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
  void helpExitsZeroAndListsTheCommands() {
    var r = api.run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("login", "handlers", "invoke", "pools", "watch", "load", "tenants");
  }

  @Test
  void aGroupWithoutItsSubcommandIsAUsageError() {
    var r = api.run("handlers");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required subcommand").contains("loopctl handlers --help");
    assertThat(api.targets).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageErrorWithoutStackTrace() {
    var r = api.run("pools", "list", "--bogus");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'").doesNotContain("at dev.loopd");
  }

  @Test
  void durationWithoutUnitIsRefusedWithAnExample() {
    var r = api.run("pools", "create", "web", "--lag-limit", "50");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("'50' is not a duration").contains("50ms");
    assertThat(api.pools.calls.requests).isEmpty();
  }

  @Test
  void headerWithoutColonIsAUsageError() {
    var r = api.run("invoke", "hello", "-H", "nocolon");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("'nocolon' is not a header: use 'name: value'");
  }

  @Test
  void unknownOutputFormatIsAUsageError() {
    var r = api.run("pools", "list", "-o", "xml");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--output");
  }

  @Test
  void submitNeedsAFile() {
    var r = api.run("handlers", "submit", "hello");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--file=FILE'");
  }

  @Test
  void poolsUpdateWithoutFlagsChangesNothing() {
    var r = api.run("pools", "update", "web");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to change");
    assertThat(api.pools.calls.requests).isEmpty();
  }

  @Test
  void globalOptionsWorkAfterTheSubcommand() {
    var r = api.run("pools", "list", "-o", "json", "--server", "elsewhere:7070");
    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("{");
    assertThat(api.targets).containsExactly("elsewhere:7070");
  }
}
