package dev.loopd.operator.autoscale;

import java.time.Instant;
import java.util.List;

/**
 * What the autoscaler sees at one tick (about every second).
 *
 * @param currentNodes nodes started and not draining: what the pool was scaled to so far
 * @param readyNodes the latest stats of each ready node
 * @param heldInvocations invocations waiting for a node (a pool at zero)
 */
public record Tick(
    Instant now, int currentNodes, List<NodeSignal> readyNodes, int heldInvocations) {}
