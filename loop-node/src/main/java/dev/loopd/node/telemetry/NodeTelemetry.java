package dev.loopd.node.telemetry;

import dev.loopd.node.health.StatsWindows;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A loop node's OpenTelemetry: the metrics of DESIGN.md ("Loop health") and one trace span per
 * invocation. Built with the SDK directly (no agent, no autoconfiguration), so a node with no OTLP
 * endpoint opens no connection and starts no export thread.
 *
 * <ul>
 *   <li>Metrics always go to a Prometheus reader; {@link #prometheusText()} renders them in the
 *       Prometheus text format for the HTTP front end's {@code /metrics}.
 *   <li>With an OTLP endpoint, metrics are also pushed every {@code exportInterval} and spans in
 *       batches, over OTLP/gRPC (grpc-java's managed channel).
 *   <li>Metric values come from the node's {@link StatsWindows}: register {@link #windowListener()}
 *       there (see {@link NodeMetrics} for why).
 * </ul>
 */
public final class NodeTelemetry implements AutoCloseable {
  /** Content type of {@link #prometheusText()}, for the HTTP response. */
  public static final String PROMETHEUS_CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  static final String SERVICE_NAME = "loop-node";
  static final String INSTRUMENTATION_SCOPE = "dev.loopd.node";

  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final TelemetrySettings settings;
  private final PrometheusMetricReader prometheus;
  private final PrometheusTextFormatWriter textWriter = PrometheusTextFormatWriter.create();
  private final SdkMeterProvider meterProvider;
  private final SdkTracerProvider tracerProvider;
  private final NodeMetrics metrics;
  private final Tracer tracer;
  private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();
  private final IdGenerator ids = IdGenerator.random();

  public NodeTelemetry(TelemetrySettings settings) {
    this.settings = settings;
    Resource resource = resource(settings);
    this.prometheus = PrometheusMetricReader.builder().build();
    SdkMeterProviderBuilder meters =
        SdkMeterProvider.builder().setResource(resource).registerMetricReader(prometheus);
    SdkTracerProviderBuilder traces = SdkTracerProvider.builder().setResource(resource);
    if (settings.otlpEnabled()) {
      String endpoint = settings.otlpEndpoint().toString();
      meters.registerMetricReader(
          PeriodicMetricReader.builder(
                  OtlpGrpcMetricExporter.builder().setEndpoint(endpoint).build())
              .setInterval(settings.exportInterval())
              .build());
      traces.addSpanProcessor(
          BatchSpanProcessor.builder(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build())
              .build());
    }
    this.meterProvider = meters.build();
    this.tracerProvider = traces.build();
    this.metrics = new NodeMetrics(meterProvider.get(INSTRUMENTATION_SCOPE));
    this.tracer = tracerProvider.get(INSTRUMENTATION_SCOPE);
  }

  static Resource resource(TelemetrySettings settings) {
    return Resource.getDefault()
        .merge(
            Resource.create(
                Attributes.builder()
                    .put(AttributeKey.stringKey("service.name"), SERVICE_NAME)
                    .put(AttributeKey.stringKey("service.instance.id"), settings.nodeId())
                    .put(AttributeKey.stringKey("loopd.node.id"), settings.nodeId())
                    .put(AttributeKey.stringKey("loopd.pool"), settings.pool())
                    .build()));
  }

  public TelemetrySettings settings() {
    return settings;
  }

  /** Feeds the metrics from every closed stats window: {@code windows.addListener(this)}. */
  public Consumer<StatsWindows.Window> windowListener() {
    return metrics::record;
  }

  /** Renders the current metrics in the Prometheus text exposition format. Any thread. */
  public Supplier<String> prometheusText() {
    return () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      try {
        textWriter.write(out, prometheus.collect());
      } catch (IOException e) {
        throw new UncheckedIOException("could not render the Prometheus metrics", e);
      }
      return out.toString(StandardCharsets.UTF_8);
    };
  }

  /**
   * Starts the span of one invocation: {@code invoke {handler}}, kind SERVER, a child of the
   * caller's context when {@code traceparent} is a valid W3C traceparent (else a new trace).
   *
   * @param traceparent the caller's {@code traceparent} header, or null/empty
   * @param tracestate the caller's {@code tracestate} header, or null/empty
   */
  public InvocationSpan startInvocation(
      String handler,
      String version,
      String tenant,
      String invocationId,
      String traceparent,
      String tracestate) {
    Context parent = Context.root();
    if (traceparent != null && !traceparent.isEmpty()) {
      Map<String, String> carrier =
          tracestate == null || tracestate.isEmpty()
              ? Map.of("traceparent", traceparent)
              : Map.of("traceparent", traceparent, "tracestate", tracestate);
      parent = propagator.extract(Context.root(), carrier, MAP_GETTER);
    }
    if (!settings.otlpEnabled()) {
      return new InvocationSpan(identityOnly(parent), propagator);
    }
    Span span =
        tracer
            .spanBuilder("invoke " + handler)
            .setSpanKind(SpanKind.SERVER)
            .setParent(parent)
            .setAttribute(InvocationSpan.HANDLER, handler)
            .setAttribute(InvocationSpan.VERSION, version)
            .setAttribute(InvocationSpan.TENANT, tenant)
            .setAttribute(InvocationSpan.INVOCATION_ID, invocationId)
            .startSpan();
    return new InvocationSpan(span, propagator);
  }

  /**
   * With no exporter a recorded span would go nowhere, yet the trace must still continue through
   * what the handler calls: keep only the span's identity (the caller's trace, or a new sampled
   * one, and a new span id), which costs a fraction of a recorded span on every request.
   */
  private Span identityOnly(Context parent) {
    SpanContext caller = Span.fromContext(parent).getSpanContext();
    return Span.wrap(
        caller.isValid()
            ? SpanContext.create(
                caller.getTraceId(),
                ids.generateSpanId(),
                caller.getTraceFlags(),
                caller.getTraceState())
            : SpanContext.create(
                ids.generateTraceId(),
                ids.generateSpanId(),
                TraceFlags.getSampled(),
                TraceState.getDefault()));
  }

  /**
   * Exports what is pending now (metrics and ended spans) and waits at most {@code timeoutMs}.
   * Returns whether every export succeeded.
   */
  public boolean flush(long timeoutMs) {
    CompletableResultCode result =
        CompletableResultCode.ofAll(
            List.of(tracerProvider.forceFlush(), meterProvider.forceFlush()));
    return result.join(timeoutMs, TimeUnit.MILLISECONDS).isSuccess();
  }

  /** Exports what is pending, then stops the exporters (waits at most 5 s). */
  @Override
  public void close() {
    CompletableResultCode.ofAll(List.of(tracerProvider.shutdown(), meterProvider.shutdown()))
        .join(5, TimeUnit.SECONDS);
  }
}
