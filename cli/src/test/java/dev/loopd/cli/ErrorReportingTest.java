package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.cli.fake.FakeControlPlane;
import io.grpc.Status;
import java.net.ConnectException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReportingTest {
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
  void failedCallPrintsCodeAndMessageAndExitsOne() {
    api.handlers.calls.failure =
        Status.NOT_FOUND.withDescription("no handler \"hello\"").asRuntimeException();
    var r = api.run("handlers", "get", "hello");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: NOT_FOUND: no handler \"hello\"\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unauthenticatedHintsAtLogin() {
    api.pools.calls.failure =
        Status.UNAUTHENTICATED.withDescription("no token").asRuntimeException();
    var r = api.run("pools", "list");
    assertThat(r.err())
        .contains("error: UNAUTHENTICATED: no token")
        .contains("run `loopctl login`");
  }

  @Test
  void connectionRefusedHintsAtStartingTheControlPlane() {
    api.pools.calls.failure =
        Status.UNAVAILABLE
            .withDescription("io exception")
            .withCause(new ConnectException("Connection refused"))
            .asRuntimeException();
    var r = api.run("pools", "list", "--server", "127.0.0.1:7070");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains("error: UNAVAILABLE: cannot connect to 127.0.0.1:7070")
        .contains("is the control plane running? bin/loopd up");
  }

  @Test
  void unavailableForOtherReasonsHasNoConnectHint() {
    api.invoke.calls.failure =
        Status.UNAVAILABLE.withDescription("node web-a went away").asRuntimeException();
    var r = api.run("invoke", "hello");
    assertThat(r.err()).isEqualTo("error: UNAVAILABLE: node web-a went away\n");
  }

  @Test
  void stackTracesOnlyWithVerbose() {
    api.pools.calls.failure = Status.INTERNAL.withDescription("bug").asRuntimeException();
    assertThat(api.run("pools", "list").err()).doesNotContain("\tat ");
    assertThat(api.run("pools", "list", "--verbose").err()).contains("\tat ");
  }

  @Test
  void permissionDeniedExplainsWhichTokenIsNeeded() {
    api.tenants.calls.failure =
        Status.PERMISSION_DENIED.withDescription("admin only").asRuntimeException();
    var r = api.run("tenants", "list");
    assertThat(r.err()).contains("PERMISSION_DENIED: admin only").contains("admin token");
  }
}
