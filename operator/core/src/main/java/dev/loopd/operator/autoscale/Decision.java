package dev.loopd.operator.autoscale;

import dev.loopd.proto.control.v1.ScalingEvent;
import java.util.Optional;

/**
 * The autoscaler's answer to one tick.
 *
 * @param event present exactly when {@code desiredNodes} differs from the tick's current nodes
 */
public record Decision(
    int desiredNodes,
    boolean panic,
    double stableDesired,
    double panicDesired,
    Optional<ScalingEvent> event) {}
