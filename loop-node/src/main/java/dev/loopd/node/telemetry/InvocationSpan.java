package dev.loopd.node.telemetry;

import dev.loopd.proto.node.v1.InvocationOutcome;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The trace span of one invocation ({@code invoke {handler}}, kind SERVER), a child of the caller's
 * W3C trace context when the caller sent one. Hand {@link #traceparent()} on to whatever the
 * handler calls so the trace continues; call {@link #end} once when the invocation ends (later
 * calls do nothing). Safe from any thread.
 */
public final class InvocationSpan {
  static final AttributeKey<String> HANDLER = AttributeKey.stringKey("loopd.handler");
  static final AttributeKey<String> VERSION = AttributeKey.stringKey("loopd.handler.version");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("loopd.tenant");
  static final AttributeKey<String> INVOCATION_ID = AttributeKey.stringKey("loopd.invocation.id");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("loopd.outcome");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

  private final Span span;
  private final TextMapPropagator propagator;
  private final AtomicBoolean ended = new AtomicBoolean();

  InvocationSpan(Span span, TextMapPropagator propagator) {
    this.span = span;
    this.propagator = propagator;
  }

  /** The W3C {@code traceparent} of this span, for calls made on the invocation's behalf. */
  public String traceparent() {
    return childContext().getOrDefault("traceparent", "");
  }

  /** The W3C {@code tracestate} carried on from the caller; empty when there was none. */
  public String tracestate() {
    return childContext().getOrDefault("tracestate", "");
  }

  /** Rendered when asked, not per invocation: most invocations never ask. */
  private Map<String, String> childContext() {
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(Context.root().with(span), carrier, Map::put);
    return carrier;
  }

  /** The trace id (32 lowercase hex digits), e.g. for logs. */
  public String traceId() {
    return span.getSpanContext().getTraceId();
  }

  /**
   * Ends the span with how the invocation ended. An outcome other than OK, or an HTTP status of 500
   * and above, marks the span as an error (a 4xx is the client's error, not the server's).
   *
   * @param httpStatus the status the caller got; 0 when there was no HTTP response
   */
  public void end(InvocationOutcome outcome, int httpStatus) {
    if (!ended.compareAndSet(false, true)) return;
    span.setAttribute(OUTCOME, NodeMetrics.outcome(outcome));
    if (httpStatus > 0) span.setAttribute(HTTP_STATUS, (long) httpStatus);
    if (outcome != InvocationOutcome.INVOCATION_OUTCOME_OK) {
      span.setStatus(StatusCode.ERROR, NodeMetrics.outcome(outcome));
    } else if (httpStatus >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
