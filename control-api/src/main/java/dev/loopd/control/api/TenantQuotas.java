package dev.loopd.control.api;

import dev.loopd.control.errors.ApiException;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;

/** A tenant's quotas with the platform defaults for those left at 0. */
record TenantQuotas(int maxHandlers, int maxPools, int maxNodes) {

  static final int DEFAULT_HANDLERS = 100;
  static final int DEFAULT_POOLS = 10;
  static final int DEFAULT_NODES = 20;

  static TenantQuotas of(Store store, String tenant) {
    Quotas q = store.tenant(tenant).map(Tenant::getQuotas).orElse(Quotas.getDefaultInstance());
    return new TenantQuotas(
        q.getMaxHandlers() > 0 ? q.getMaxHandlers() : DEFAULT_HANDLERS,
        q.getMaxPools() > 0 ? q.getMaxPools() : DEFAULT_POOLS,
        q.getMaxNodes() > 0 ? q.getMaxNodes() : DEFAULT_NODES);
  }

  static Quotas filled(Quotas q) {
    if (q.getMaxHandlers() < 0 || q.getMaxPools() < 0 || q.getMaxNodes() < 0) {
      throw ApiException.invalidArgument("quotas", "must not be negative (0 means the default)");
    }
    return Quotas.newBuilder()
        .setMaxHandlers(q.getMaxHandlers() > 0 ? q.getMaxHandlers() : DEFAULT_HANDLERS)
        .setMaxPools(q.getMaxPools() > 0 ? q.getMaxPools() : DEFAULT_POOLS)
        .setMaxNodes(q.getMaxNodes() > 0 ? q.getMaxNodes() : DEFAULT_NODES)
        .build();
  }

  static ApiException exceeded(String tenant, String what, int limit, String field, String todo) {
    return ApiException.quotaExceeded(
        what
            + " quota reached: tenant \""
            + tenant
            + "\" may hold "
            + limit
            + " "
            + what
            + "s; "
            + todo
            + " or ask an admin to raise "
            + field);
  }
}
