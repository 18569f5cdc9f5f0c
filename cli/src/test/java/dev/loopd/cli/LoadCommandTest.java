package dev.loopd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.cli.fake.FakeControlPlane;
import dev.loopd.proto.control.v1.InvokeResponse;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
  static final Pattern SUMMARY =
      Pattern.compile("Summary: (\\d+) requests in [\\d.]+ s \\([\\d.]+ req/s\\), (\\d+) errors");

  @TempDir Path home;
  FakeControlPlane api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeControlPlane(home);
    api.invoke.record = false;
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void closedLoopSummaryCountsEveryRequestTheServerAnswered() {
    var r = api.run("load", "hello", "--duration", "1500ms", "--concurrency", "4", "-d", "x");
    assertThat(r.status()).as(r.toString()).isZero();
    Matcher m = SUMMARY.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(api.invoke.count.get()).isPositive();
    assertThat(m.group(2)).isEqualTo("0");
    assertThat(r.out())
        .containsPattern("1s\\s+[\\d.]+ req/s\\s+errors 0")
        .contains("Latency ms: p50");
  }

  @Test
  void openLoopSendsAboutTheRate() {
    var r = api.run("load", "hello", "--duration", "1s", "--rate", "40");
    Matcher m = SUMMARY.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(api.invoke.count.get()).isBetween(30L, 40L);
    assertThat(Long.parseLong(m.group(1))).isEqualTo(api.invoke.count.get());
  }

  @Test
  void failedCallsAndServerErrorsAreCountedByKind() {
    api.invoke.response = InvokeResponse.newBuilder().setStatus(503).build();
    var r = api.run("load", "hello", "--duration", "300ms", "--rate", "20");
    assertThat(r.out()).containsPattern("errors \\(HTTP 503 \\d+\\)");

    api.invoke.record = true;
    api.invoke.calls.failure = Status.RESOURCE_EXHAUSTED.asRuntimeException();
    var failing = api.run("load", "hello", "--duration", "300ms", "--rate", "20");
    assertThat(failing.out()).containsPattern("errors \\(RESOURCE_EXHAUSTED \\d+\\)");
  }
}
