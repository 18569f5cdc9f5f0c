package dev.loopd.operator.core;

import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.node.v1.HandlerSpec;
import dev.loopd.proto.node.v1.PoolSettings;
import java.util.ArrayList;
import java.util.List;

/** What a pool's nodes are told: its handler set and its settings, built from the store. */
final class HandlerSets {

  private HandlerSets() {}

  /** The active version of every handler of the pool, by name. */
  static List<HandlerSpec> of(Store store, PoolRef pool) {
    List<HandlerSpec> specs = new ArrayList<>();
    for (Handler h : store.handlers(pool.tenant())) {
      if (!h.getPool().equals(pool.name())) {
        continue;
      }
      HandlerVersion v =
          store.version(pool.tenant(), h.getName(), h.getActiveVersion()).orElse(null);
      if (v == null) {
        continue; // the store never holds a handler without its active version; be safe anyway
      }
      specs.add(
          HandlerSpec.newBuilder()
              .setName(h.getName())
              .setTenant(pool.tenant())
              .setVersion(v.getVersion())
              .setSource(v.getSource())
              .setSourceSha256(v.getSourceSha256())
              .setLimits(v.getLimits())
              .build());
    }
    return specs;
  }

  /** Identity of a set for change detection: name@version, in order. */
  static List<String> fingerprint(List<HandlerSpec> specs) {
    return specs.stream().map(s -> s.getName() + "@" + s.getVersion()).toList();
  }

  static PoolSettings settings(PoolSpec spec) {
    return PoolSettings.newBuilder()
        .setBlockingPool(spec.getBlockingPool())
        .setLagMonitorResolution(spec.getLagMonitorResolution())
        .setDefaultLimits(spec.getDefaultLimits())
        .setStatsInterval(com.google.protobuf.util.Durations.fromSeconds(1))
        .build();
  }
}
