package dev.loopd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.proto.control.v1.InvokeRequest;
import dev.loopd.proto.control.v1.SubmitHandlerRequest;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With tracing on, an Invoke through the control API is one trace: the control API's span for the
 * call and, inside it, the node's invocation span. Both export over OTLP to a receiver the test
 * runs (the opentelemetry-proto collector service).
 */
@ExtendWith(PlatformLogsOnFailure.class)
class TracingIT {

  record Received(String service, Span span) {}

  @Test
  void anInvocationsNodeSpanJoinsTheControlApisSpan() throws Exception {
    List<Received> spans = new CopyOnWriteArrayList<>();
    Server receiver =
        ServerBuilder.forPort(0)
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> responses) {
                    for (ResourceSpans rs : request.getResourceSpansList()) {
                      String service =
                          rs.getResource().getAttributesList().stream()
                              .filter(a -> a.getKey().equals("service.name"))
                              .map(a -> a.getValue().getStringValue())
                              .findFirst()
                              .orElse("");
                      rs.getScopeSpansList()
                          .forEach(ss ->
                              ss.getSpansList().forEach(s -> spans.add(new Received(service, s))));
                    }
                    responses.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    responses.onCompleted();
                  }
                })
            .build()
            .start();
    String endpoint = "http://127.0.0.1:" + receiver.getPort();
    try (Platform platform =
        Platform.up(
            Map.of(
                "QUARKUS_OTEL_SDK_DISABLED",
                "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                endpoint,
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY",
                "200ms",
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                endpoint))) {
      Platform.Stubs api = platform.tenant();
      api.handlers()
          .submitHandler(
              SubmitHandlerRequest.newBuilder()
                  .setName("traced")
                  .setSource("export default () => 'traced'")
                  .build());
      platform.await(
          "traced to answer",
          Duration.ofSeconds(90),
          () ->
              api.invoke()
                  .withDeadlineAfter(30, TimeUnit.SECONDS)
                  .invoke(InvokeRequest.newBuilder().setHandler("traced").build())
                  .getBody()
                  .toStringUtf8()
                  .equals("traced"));

      platform.await(
          "a node span whose parent is a control API span",
          Duration.ofSeconds(60),
          () ->
              spans.stream()
                  .filter(n -> !n.service().equals("loopd-control-api"))
                  .anyMatch(node ->
                      spans.stream()
                          .filter(c -> c.service().equals("loopd-control-api"))
                          .anyMatch(c ->
                              c.span().getTraceId().equals(node.span().getTraceId())
                                  && c.span().getSpanId().equals(node.span().getParentSpanId()))));
      assertThat(spans)
          .as("the control API's span names the RPC")
          .anySatisfy(r -> {
            assertThat(r.service()).isEqualTo("loopd-control-api");
            assertThat(r.span().getName()).contains("InvokeService/Invoke");
          });
    } finally {
      receiver.shutdownNow();
    }
  }
}
