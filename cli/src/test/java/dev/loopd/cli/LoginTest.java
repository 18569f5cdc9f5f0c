package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.WhoAmIResponse;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {
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
  void loginChecksTheTokenAndSavesAnOwnerOnlyConfigThatLaterCommandsUse() throws Exception {
    var login = api.run("login", "--server", "cp.example:7070", "--token", "loopd_t1_secret");
    assertThat(login.status()).as(login.toString()).isZero();
    assertThat(login.out())
        .contains("Logged in to cp.example:7070 as tenant acme (token loopd_t1)");
    assertThat(api.authorizations).containsExactly("Bearer loopd_t1_secret");

    Path config = home.resolve("config.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(config)).contains("cp.example:7070", "loopd_t1_secret");

    var whoami = api.run("whoami");
    assertThat(whoami.status()).isZero();
    assertThat(whoami.out()).contains("tenant acme (token loopd_t1) at cp.example:7070");
    assertThat(api.targets).containsExactly("cp.example:7070", "cp.example:7070");
    assertThat(api.authorizations).last().isEqualTo("Bearer loopd_t1_secret");
  }

  @Test
  void defaultConfigPathIsUnderDotConfigAndItsFolderIsOwnerOnly() throws Exception {
    api.env.remove("LOOPD_CONFIG");
    var login = api.run("login", "--token", "t");
    assertThat(login.status()).as(login.toString()).isZero();
    Path dir = home.resolve(".config/loopd");
    assertThat(dir.resolve("config.json")).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
  }

  @Test
  void loginReadsTheTokenFromStdin() {
    api.stdin = "loopd_piped\n".getBytes(StandardCharsets.UTF_8);
    var login = api.run("login", "--token-stdin");
    assertThat(login.status()).as(login.toString()).isZero();
    assertThat(api.authorizations).containsExactly("Bearer loopd_piped");
  }

  @Test
  void tokenAndTokenStdinTogetherAreAUsageError() {
    api.stdin = "loopd_piped\n".getBytes(StandardCharsets.UTF_8);
    var login = api.run("login", "--token", "t", "--token-stdin");
    assertThat(login.status()).isEqualTo(2);
    assertThat(login.err()).contains("--token and --token-stdin are mutually exclusive");
    assertThat(api.authorizations).isEmpty();
  }

  @Test
  void loginWithARejectedTokenSavesNothing() {
    api.tenants.calls.failure =
        Status.UNAUTHENTICATED.withDescription("unknown token").asRuntimeException();
    var login = api.run("login", "--token", "bad");
    assertThat(login.status()).isEqualTo(1);
    assertThat(login.err()).contains("error: UNAUTHENTICATED: unknown token");
    assertThat(home.resolve("config.json")).doesNotExist();
  }

  @Test
  void loginWithoutAnyTokenSaysWhereToGetOne() {
    var login = api.run("login");
    assertThat(login.status()).isEqualTo(1);
    assertThat(login.err()).contains("no token: pass --token T or --token-stdin");
  }

  @Test
  void adminIsShownAsAdmin() {
    api.tenants.me = WhoAmIResponse.newBuilder().setAdmin(true).setTokenId("loopd_a").build();
    var r = api.run("whoami", "--token", "x");
    assertThat(r.out()).startsWith("admin (token loopd_a) at 127.0.0.1:7070");
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheConfigWhichBeatsTheDefault() {
    assertThat(api.run("login", "--server", "config:1", "--token", "from-config").status())
        .isZero();

    api.run("whoami");
    api.env.put("LOOPD_SERVER", "env:2");
    api.env.put("LOOPD_TOKEN", "from-env");
    api.run("whoami");
    api.run("whoami", "--server", "flag:3", "--token", "from-flag");

    assertThat(api.targets).containsExactly("config:1", "config:1", "env:2", "flag:3");
    assertThat(api.authorizations)
        .containsExactly(
            "Bearer from-config", "Bearer from-config", "Bearer from-env", "Bearer from-flag");
  }

  @Test
  void withoutConfigOrEnvironmentTheDefaultServerIsUsedWithoutAToken() {
    api.run("whoami");
    assertThat(api.targets).containsExactly("127.0.0.1:7070");
    assertThat(api.authorizations).containsExactly("<none>");
  }
}
