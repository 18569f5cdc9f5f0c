package dev.loopd.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.proto.node.v1.InvocationOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTelemetryTest {
  private static final String PARENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT_SPAN = "b7ad6b7169203331";

  private static NodeTelemetry withoutExport() {
    return new NodeTelemetry(TelemetrySettings.of("node-a", "pool-1", null, Map.of()));
  }

  @Test
  void prometheusTextHasEveryDesignMetricWithTheWindowsValues() {
    try (NodeTelemetry telemetry = withoutExport()) {
      telemetry.windowListener().accept(TestWindows.window());
      String text = telemetry.prometheusText().get();

      // Names as the exporter writes them: dots become underscores, unit "s" adds _seconds,
      // counters get _total, units in braces and "1" add nothing.
      assertThat(text)
          .contains("# TYPE loopd_eventloop_delay_seconds histogram")
          .contains("# TYPE loopd_eventloop_task_duration_seconds histogram")
          .contains("# TYPE loopd_pool_queue_wait_seconds histogram")
          .contains("# TYPE loopd_invocations_total counter");
      assertThat(text)
          .contains("loopd_eventloop_delay_seconds_count{otel_scope_name=\"dev.loopd.node\"} 4\n")
          .contains("loopd_eventloop_utilization{otel_scope_name=\"dev.loopd.node\"} 0.25\n")
          .contains("loopd_pool_size{otel_scope_name=\"dev.loopd.node\"} 4.0\n")
          .contains("loopd_pool_active{otel_scope_name=\"dev.loopd.node\"} 3.0\n")
          .contains("loopd_pool_queued{otel_scope_name=\"dev.loopd.node\"} 2.0\n")
          .contains("loopd_pool_utilization{otel_scope_name=\"dev.loopd.node\"} 0.75\n")
          .contains("loopd_pool_queue_wait_seconds_count{otel_scope_name=\"dev.loopd.node\"} 1\n")
          .contains(
              "loopd_eventloop_task_duration_seconds_count{otel_scope_name=\"dev.loopd.node\"} 2\n")
          .contains(
              "loopd_invocations_total{handler=\"hello\",otel_scope_name=\"dev.loopd.node\","
                  + "outcome=\"ok\"} 3.0\n")
          .contains("outcome=\"cpu_budget_exceeded\"} 1.0\n");
      // The 200 ms lag sample lands in the 0.25 s bucket, the 1-2 ms ones below 0.0025 s.
      assertThat(text)
          .contains(
              "loopd_eventloop_delay_seconds_bucket{otel_scope_name=\"dev.loopd.node\","
                  + "le=\"0.0025\"} 3\n")
          .contains(
              "loopd_eventloop_delay_seconds_bucket{otel_scope_name=\"dev.loopd.node\","
                  + "le=\"0.1\"} 3\n")
          .contains(
              "loopd_eventloop_delay_seconds_bucket{otel_scope_name=\"dev.loopd.node\","
                  + "le=\"0.25\"} 4\n");
      assertThat(text)
          .contains("service_name=\"loop-node\"")
          .contains("loopd_node_id=\"node-a\"")
          .contains("loopd_pool=\"pool-1\"");
    }
  }

  @Test
  void histogramsAccumulateAcrossWindows() {
    try (NodeTelemetry telemetry = withoutExport()) {
      telemetry.windowListener().accept(TestWindows.window());
      telemetry.windowListener().accept(TestWindows.window());
      assertThat(telemetry.prometheusText().get())
          .contains("loopd_eventloop_delay_seconds_count{otel_scope_name=\"dev.loopd.node\"} 8\n");
    }
  }

  @Test
  void gaugesStayAbsentUntilTheFirstWindow() {
    try (NodeTelemetry telemetry = withoutExport()) {
      assertThat(telemetry.prometheusText().get()).doesNotContain("loopd_pool_size");
    }
  }

  @Test
  void invocationSpanContinuesTheCallersTrace() {
    try (NodeTelemetry telemetry = withoutExport()) {
      InvocationSpan span =
          telemetry.startInvocation(
              "hello",
              "3",
              "acme",
              "inv-1",
              "00-" + PARENT_TRACE + "-" + PARENT_SPAN + "-01",
              "vendor=x");
      assertThat(span.traceId()).isEqualTo(PARENT_TRACE);
      assertThat(span.traceparent())
          .matches("00-" + PARENT_TRACE + "-[0-9a-f]{16}-01")
          .doesNotContain(PARENT_SPAN);
      assertThat(span.tracestate()).isEqualTo("vendor=x");
      span.end(InvocationOutcome.INVOCATION_OUTCOME_OK, 200);
      span.end(InvocationOutcome.INVOCATION_OUTCOME_ERROR, 500); // ignored: already ended
    }
  }

  @Test
  void invocationSpanKeepsTheCallersSamplingDecision() {
    try (NodeTelemetry telemetry = withoutExport()) {
      InvocationSpan span =
          telemetry.startInvocation(
              "hello", "3", "acme", "i", "00-" + PARENT_TRACE + "-" + PARENT_SPAN + "-00", "");
      assertThat(span.traceparent()).matches("00-" + PARENT_TRACE + "-[0-9a-f]{16}-00");
      assertThat(span.tracestate()).isEmpty();
    }
  }

  @Test
  void invocationWithoutOrWithAMalformedTraceparentStartsANewTrace() {
    try (NodeTelemetry telemetry = withoutExport()) {
      for (String traceparent : new String[] {null, "", "not-a-traceparent"}) {
        InvocationSpan span = telemetry.startInvocation("hello", "3", "acme", "i", traceparent, "");
        assertThat(span.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(span.traceId()).isNotEqualTo("00000000000000000000000000000000");
        span.end(InvocationOutcome.INVOCATION_OUTCOME_OK, 200);
      }
    }
  }

  @Test
  void outcomeAttributeIsTheEnumNameLowercaseWithoutPrefix() {
    assertThat(NodeMetrics.outcome(InvocationOutcome.INVOCATION_OUTCOME_OK)).isEqualTo("ok");
    assertThat(NodeMetrics.outcome(InvocationOutcome.INVOCATION_OUTCOME_DEADLINE_EXCEEDED))
        .isEqualTo("deadline_exceeded");
    assertThat(NodeMetrics.outcome(InvocationOutcome.INVOCATION_OUTCOME_REJECTED))
        .isEqualTo("rejected");
  }
}
