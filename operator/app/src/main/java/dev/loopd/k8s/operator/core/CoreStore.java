package dev.loopd.k8s.operator.core;

import dev.loopd.operator.autoscale.AutoscalerPolicy;
import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.StoreListener;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The store as the operator core sees it:
 *
 * <ul>
 *   <li>a pool's spec has its defaults filled in ({@link PoolDefaults#withDefaults}), as the
 *       control API stores them: a LoopPool applied with kubectl names only what it changes;
 *   <li>a pool whose spec the autoscaler refuses (e.g. {@code minNodes} above {@code maxNodes})
 *       keeps its last valid spec, or is left out when it never had one, so one bad LoopPool does
 *       not stop the core's tick for every pool; {@link #invalid} says why, for its status;
 *   <li>a pool being deleted (its LoopPool has a deletion timestamp and waits for the operator's
 *       finalizer) is gone already, so the core drains its nodes; the finalizer lets the LoopPool
 *       go once they are.
 * </ul>
 *
 * Everything else is the wrapped store.
 */
public final class CoreStore implements Store {

  private final Store store;

  /** The autoscaler's advice for programmers, not for whoever applied the LoopPool. */
  private static final String HINT =
      " (build the policy from a spec filled by PoolDefaults.withDefaults and validated by the"
          + " control API)";

  private final Set<PoolRef> deleting = ConcurrentHashMap.newKeySet();
  private final Map<PoolRef, String> invalid = new ConcurrentHashMap<>();
  private final Map<PoolRef, Pool> lastValid = new ConcurrentHashMap<>();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  public CoreStore(Store store) {
    this.store = store;
  }

  /** Hides the pool from the core from now on (the core drains it at its next tick). */
  public void markDeleting(PoolRef pool) {
    if (deleting.add(pool)) {
      listeners.forEach(l -> l.changed(StoreListener.Kind.POOL, pool.tenant(), pool.name()));
    }
  }

  /** The LoopPool is gone: a new pool of the same name is a new pool. */
  public void forget(PoolRef pool) {
    deleting.remove(pool);
    invalid.remove(pool);
    lastValid.remove(pool);
  }

  public boolean isDeleting(PoolRef pool) {
    return deleting.contains(pool);
  }

  /** Why the core does not run the pool's current spec (the autoscaler refuses it), or empty. */
  public Optional<String> invalid(PoolRef pool) {
    return Optional.ofNullable(invalid.get(pool));
  }

  /** The pool as the core sees it, or empty when it must not see it. */
  private Optional<Pool> forCore(Pool p) {
    PoolRef ref = new PoolRef(p.getTenant(), p.getName());
    if (deleting.contains(ref)) {
      return Optional.empty();
    }
    Pool filled = p.toBuilder().setSpec(PoolDefaults.withDefaults(p.getSpec())).build();
    try {
      AutoscalerPolicy.from(filled.getSpec());
      invalid.remove(ref);
      lastValid.put(ref, filled);
      return Optional.of(filled);
    } catch (IllegalArgumentException e) {
      invalid.put(ref, e.getMessage().replace(HINT, ""));
      return Optional.ofNullable(lastValid.get(ref));
    }
  }

  @Override
  public List<Pool> pools(String tenant) {
    return store.pools(tenant).stream().flatMap(p -> forCore(p).stream()).toList();
  }

  @Override
  public List<Pool> allPools() {
    return store.allPools().stream().flatMap(p -> forCore(p).stream()).toList();
  }

  @Override
  public Optional<Pool> pool(String tenant, String name) {
    return store.pool(tenant, name).flatMap(this::forCore);
  }

  @Override
  public void addListener(StoreListener listener) {
    listeners.add(listener);
    store.addListener(listener);
  }

  // Delegated as they are.

  @Override
  public <T> T atomically(Supplier<T> work) {
    return store.atomically(work);
  }

  @Override
  public List<Tenant> tenants() {
    return store.tenants();
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return store.tenant(name);
  }

  @Override
  public void putTenant(Tenant tenant) {
    store.putTenant(tenant);
  }

  @Override
  public boolean deleteTenant(String name) {
    return store.deleteTenant(name);
  }

  @Override
  public List<TokenRecord> tokens() {
    return store.tokens();
  }

  @Override
  public Optional<TokenRecord> token(String id) {
    return store.token(id);
  }

  @Override
  public void putToken(TokenRecord token) {
    store.putToken(token);
  }

  @Override
  public boolean deleteToken(String id) {
    return store.deleteToken(id);
  }

  @Override
  public void putPool(Pool pool) {
    store.putPool(pool);
  }

  @Override
  public boolean deletePool(String tenant, String name) {
    return store.deletePool(tenant, name);
  }

  @Override
  public List<Handler> handlers(String tenant) {
    return store.handlers(tenant);
  }

  @Override
  public Optional<Handler> handler(String tenant, String name) {
    return store.handler(tenant, name);
  }

  @Override
  public void putHandler(Handler handler, HandlerVersion newVersion) {
    store.putHandler(handler, newVersion);
  }

  @Override
  public boolean deleteHandler(String tenant, String name) {
    return store.deleteHandler(tenant, name);
  }

  @Override
  public List<HandlerVersion> versions(String tenant, String handler) {
    return store.versions(tenant, handler);
  }

  @Override
  public Optional<HandlerVersion> version(String tenant, String handler, String version) {
    return store.version(tenant, handler, version);
  }
}
