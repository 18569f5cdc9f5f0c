package dev.loopd.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.loopd.proto.node.v1.InvocationOutcome;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exports to a real OTLP/gRPC receiver in this process and checks what arrives. */
class OtlpExportTest {
  /** The metric names of DESIGN.md, "Loop health". */
  static final List<String> DESIGN_METRICS =
      List.of(
          "loopd.eventloop.delay",
          "loopd.eventloop.utilization",
          "loopd.eventloop.task.duration",
          "loopd.pool.size",
          "loopd.pool.active",
          "loopd.pool.queued",
          "loopd.pool.utilization",
          "loopd.pool.queue.wait",
          "loopd.invocations");

  private final LinkedBlockingQueue<ExportMetricsServiceRequest> metrics =
      new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<ExportTraceServiceRequest> traces = new LinkedBlockingQueue<>();
  private Server receiver;
  private NodeTelemetry telemetry;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(
                new MetricsServiceGrpc.MetricsServiceImplBase() {
                  @Override
                  public void export(
                      ExportMetricsServiceRequest request,
                      StreamObserver<ExportMetricsServiceResponse> response) {
                    metrics.add(request);
                    response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
                    response.onCompleted();
                  }
                })
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> response) {
                    traces.add(request);
                    response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    response.onCompleted();
                  }
                })
            .build()
            .start();
    String endpoint = "http://127.0.0.1:" + receiver.getPort();
    // A long export interval: the test exports by flushing, so nothing depends on timing.
    telemetry =
        new NodeTelemetry(
            new TelemetrySettings(
                "node-a",
                "pool-1",
                TelemetrySettings.otlpEndpoint(endpoint),
                Duration.ofMinutes(10)));
  }

  @AfterEach
  void stop() throws Exception {
    if (telemetry != null) telemetry.close();
    receiver.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void everyDesignMetricArrivesWithTheNodesResource() throws Exception {
    telemetry.windowListener().accept(TestWindows.window());
    assertThat(telemetry.flush(10_000)).as("export succeeded").isTrue();

    ExportMetricsServiceRequest request = metrics.poll(10, TimeUnit.SECONDS);
    assertThat(request).as("an OTLP metrics export arrived").isNotNull();
    Set<String> names = new TreeSet<>();
    Map<String, Metric> byName = new HashMap<>();
    request
        .getResourceMetricsList()
        .forEach(rm ->
            rm.getScopeMetricsList()
                .forEach(sm ->
                    sm.getMetricsList()
                        .forEach(m -> {
                          names.add(m.getName());
                          byName.put(m.getName(), m);
                        })));
    assertThat(names).containsAll(DESIGN_METRICS);

    Resource resource = request.getResourceMetrics(0).getResource();
    assertThat(attributes(resource.getAttributesList()))
        .containsEntry("service.name", "loop-node")
        .containsEntry("loopd.node.id", "node-a")
        .containsEntry("loopd.pool", "pool-1");

    Metric delay = byName.get("loopd.eventloop.delay");
    assertThat(delay.getUnit()).isEqualTo("s");
    assertThat(delay.getHistogram().getDataPoints(0).getCount()).isEqualTo(4);
    assertThat(byName.get("loopd.eventloop.utilization").getGauge().getDataPoints(0).getAsDouble())
        .isEqualTo(0.25);
    Metric invocations = byName.get("loopd.invocations");
    assertThat(invocations.getSum().getIsMonotonic()).isTrue();
    assertThat(invocations.getSum().getDataPointsList())
        .anySatisfy(p -> {
          assertThat(attributes(p.getAttributesList()))
              .containsEntry("handler", "hello")
              .containsEntry("outcome", "ok");
          assertThat(p.getAsInt()).isEqualTo(3);
        });
  }

  @Test
  void invocationSpanArrivesJoinedToTheCallersTrace() throws Exception {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    String parentSpanId = "b7ad6b7169203331";
    InvocationSpan span =
        telemetry.startInvocation(
            "hello", "3", "acme", "inv-42", "00-" + traceId + "-" + parentSpanId + "-01", null);
    span.end(InvocationOutcome.INVOCATION_OUTCOME_OK, 201);
    assertThat(telemetry.flush(10_000)).as("export succeeded").isTrue();

    ExportTraceServiceRequest request = traces.poll(10, TimeUnit.SECONDS);
    assertThat(request).as("an OTLP trace export arrived").isNotNull();
    Span received = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(hex(received.getTraceId())).isEqualTo(traceId);
    assertThat(hex(received.getParentSpanId())).isEqualTo(parentSpanId);
    assertThat(span.traceparent()).contains(hex(received.getSpanId()));
    assertThat(received.getName()).isEqualTo("invoke hello");
    assertThat(received.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(attributes(received.getAttributesList()))
        .containsEntry("loopd.handler", "hello")
        .containsEntry("loopd.tenant", "acme")
        .containsEntry("loopd.invocation.id", "inv-42")
        .containsEntry("http.response.status_code", "201")
        .containsEntry("loopd.outcome", "ok");
    assertThat(received.getStatus().getCode())
        .isNotEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  /** Attributes as strings (ints and doubles written out), for easy comparison. */
  private static Map<String, String> attributes(List<KeyValue> list) {
    Map<String, String> out = new HashMap<>();
    for (KeyValue kv : list) {
      var v = kv.getValue();
      String s =
          switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case INT_VALUE -> Long.toString(v.getIntValue());
            case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
            default -> v.toString();
          };
      out.put(kv.getKey(), s);
    }
    return out;
  }
}
