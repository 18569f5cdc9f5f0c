package dev.loopd.operator.core;

import com.google.protobuf.util.Timestamps;
import dev.loopd.proto.control.v1.Condition;
import dev.loopd.proto.control.v1.SourceErrorReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool's status conditions in Kubernetes API convention (Ready, Scaling, Degraded), keeping each
 * condition's {@code lastTransitionTime} while its status does not change.
 */
final class Conditions {

  private final Map<String, Condition> last = new HashMap<>();

  List<Condition> update(
      long generation,
      int desired,
      int ready,
      int started,
      String startFailure,
      Map<String, SourceErrorReport> loadFailures,
      Clock clock) {
    List<Condition> out = new ArrayList<>();
    boolean isReady = desired == 0 || ready >= 1;
    out.add(
        set(
            "Ready",
            isReady,
            isReady ? (desired == 0 ? "ScaledToZero" : "NodesReady") : "NoReadyNodes",
            desired == 0
                ? "no nodes: the pool scaled to zero; an invocation starts one"
                : ready + " of " + desired + " nodes ready",
            generation,
            clock));
    boolean scaling = ready != desired || started != desired;
    out.add(
        set(
            "Scaling",
            scaling,
            scaling ? "Converging" : "Stable",
            scaling
                ? "moving to " + desired + " nodes (" + ready + " ready, " + started + " started)"
                : "at " + desired + " nodes",
            generation,
            clock));
    String degraded = null;
    String reason = "AsExpected";
    if (startFailure != null) {
      degraded = startFailure;
      reason = "NodeFailed";
    } else if (!loadFailures.isEmpty()) {
      var first = loadFailures.entrySet().iterator().next();
      degraded =
          "handler "
              + first.getKey()
              + " version "
              + first.getValue().getVersion()
              + " did not load: "
              + first.getValue().getError().getMessage();
      reason = "HandlerLoadFailed";
    }
    out.add(
        set(
            "Degraded",
            degraded != null,
            reason,
            degraded == null ? "" : degraded,
            generation,
            clock));
    return out;
  }

  private Condition set(
      String type, boolean status, String reason, String message, long generation, Clock clock) {
    String value = status ? "True" : "False";
    Condition previous = last.get(type);
    var transition =
        previous != null && previous.getStatus().equals(value)
            ? previous.getLastTransitionTime()
            : Timestamps.fromMillis(clock.millis());
    Condition c =
        Condition.newBuilder()
            .setType(type)
            .setStatus(value)
            .setReason(reason)
            .setMessage(message)
            .setObservedGeneration(generation)
            .setLastTransitionTime(transition)
            .build();
    last.put(type, c);
    return c;
  }
}
