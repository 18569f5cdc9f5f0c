package dev.loopd.k8s.operator.core;

import dev.loopd.operator.core.PoolRef;
import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.StoreListener;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The store as the operator core sees it: a pool being deleted (its LoopPool has a deletion
 * timestamp and waits for the operator's finalizer) is gone already, so the core drains its nodes;
 * the finalizer lets the LoopPool go once they are. Everything else is the wrapped store.
 */
public final class DrainingStore implements Store {

  private final Store store;
  private final Set<PoolRef> deleting = ConcurrentHashMap.newKeySet();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  public DrainingStore(Store store) {
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
  }

  public boolean isDeleting(PoolRef pool) {
    return deleting.contains(pool);
  }

  private boolean visible(Pool p) {
    return !deleting.contains(new PoolRef(p.getTenant(), p.getName()));
  }

  @Override
  public List<Pool> pools(String tenant) {
    return store.pools(tenant).stream().filter(this::visible).toList();
  }

  @Override
  public List<Pool> allPools() {
    return store.allPools().stream().filter(this::visible).toList();
  }

  @Override
  public Optional<Pool> pool(String tenant, String name) {
    return deleting.contains(new PoolRef(tenant, name))
        ? Optional.empty()
        : store.pool(tenant, name);
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
