package dev.loopd.operator.core;

/** A ready node an invocation can be sent to: its id and NodeService address (host:port). */
public record NodeTarget(String nodeId, String grpcAddress) {}
