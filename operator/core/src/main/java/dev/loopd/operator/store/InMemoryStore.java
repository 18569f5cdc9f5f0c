package dev.loopd.operator.store;

import dev.loopd.operator.store.StoreListener.Kind;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link Store} in memory: for tests, and the base of the file-backed store, which overrides
 * {@link #persist} to make each write durable before it becomes visible.
 */
public class InMemoryStore implements Store {

  /** One write, as {@link #persist} receives it. A null value means a delete. */
  public sealed interface Write {
    record TenantWrite(String name, Tenant tenant) implements Write {}

    record TokenWrite(String id, TokenRecord token) implements Write {}

    record PoolWrite(String tenant, String name, Pool pool) implements Write {}

    /** {@code version} is the new version stored with the handler, or null. */
    record HandlerWrite(String tenant, String name, Handler handler, HandlerVersion version)
        implements Write {}
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  /** Guarded by {@link #lock}. */
  protected final Map<String, Tenant> tenants = new TreeMap<>();

  protected final Map<String, TokenRecord> tokens = new TreeMap<>();
  protected final Map<Key, Pool> pools = new TreeMap<>();
  protected final Map<Key, Handler> handlers = new TreeMap<>();
  protected final Map<Key, List<HandlerVersion>> versions = new TreeMap<>();

  /** (tenant, name), ordered by tenant then name. */
  public record Key(String tenant, String name) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = tenant.compareTo(o.tenant);
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  /**
   * Makes {@code write} durable. Called with the store's lock held, before the write becomes
   * visible; throwing {@link StoreException} cancels it.
   */
  protected void persist(Write write) {}

  @Override
  public <T> T atomically(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
      flushPending();
    }
  }

  private <T> T read(Supplier<T> read) {
    return atomically(read);
  }

  private void write(Write write, Runnable apply, Kind kind, String tenant, String name) {
    lock.lock();
    try {
      persist(write);
      apply.run();
    } finally {
      lock.unlock();
    }
    if (!lock.isHeldByCurrentThread()) {
      for (StoreListener l : listeners) {
        l.changed(kind, tenant, name);
      }
    } else {
      pending.get().add(() -> listeners.forEach(l -> l.changed(kind, tenant, name)));
    }
  }

  // Listener calls made while an atomically() block is open run when it ends.
  private final ThreadLocal<List<Runnable>> pending = ThreadLocal.withInitial(ArrayList::new);

  /** Runs listener calls deferred by writes inside {@link #atomically}. */
  private void flushPending() {
    if (lock.isHeldByCurrentThread()) {
      return;
    }
    List<Runnable> calls = pending.get();
    while (!calls.isEmpty()) {
      calls.removeFirst().run();
    }
  }

  @Override
  public List<Tenant> tenants() {
    return read(() -> List.copyOf(tenants.values()));
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return read(() -> Optional.ofNullable(tenants.get(name)));
  }

  @Override
  public void putTenant(Tenant tenant) {
    String name = tenant.getName();
    write(
        new Write.TenantWrite(name, tenant),
        () -> tenants.put(name, tenant),
        Kind.TENANT,
        name,
        name);
  }

  @Override
  public boolean deleteTenant(String name) {
    boolean[] existed = {false};
    atomically(() -> {
      if (!tenants.containsKey(name)) {
        return null;
      }
      existed[0] = true;
      for (TokenRecord t : List.copyOf(tokens.values())) {
        if (t.tenant().equals(name)) {
          deleteToken(t.id());
        }
      }
      write(new Write.TenantWrite(name, null), () -> tenants.remove(name), Kind.TENANT, name, name);
      return null;
    });
    return existed[0];
  }

  @Override
  public List<TokenRecord> tokens() {
    return read(() -> List.copyOf(tokens.values()));
  }

  @Override
  public Optional<TokenRecord> token(String id) {
    return read(() -> Optional.ofNullable(tokens.get(id)));
  }

  @Override
  public void putToken(TokenRecord token) {
    write(
        new Write.TokenWrite(token.id(), token),
        () -> tokens.put(token.id(), token),
        Kind.TOKEN,
        token.tenant(),
        token.id());
  }

  @Override
  public boolean deleteToken(String id) {
    TokenRecord old = read(() -> tokens.get(id));
    if (old == null) {
      return false;
    }
    write(new Write.TokenWrite(id, null), () -> tokens.remove(id), Kind.TOKEN, old.tenant(), id);
    return true;
  }

  @Override
  public List<Pool> pools(String tenant) {
    return read(() ->
        pools.entrySet().stream()
            .filter(e -> e.getKey().tenant().equals(tenant))
            .map(Map.Entry::getValue)
            .toList());
  }

  @Override
  public List<Pool> allPools() {
    return read(() -> List.copyOf(pools.values()));
  }

  @Override
  public Optional<Pool> pool(String tenant, String name) {
    return read(() -> Optional.ofNullable(pools.get(new Key(tenant, name))));
  }

  @Override
  public void putPool(Pool pool) {
    Key key = new Key(pool.getTenant(), pool.getName());
    write(
        new Write.PoolWrite(key.tenant(), key.name(), pool),
        () -> pools.put(key, pool),
        Kind.POOL,
        key.tenant(),
        key.name());
  }

  @Override
  public boolean deletePool(String tenant, String name) {
    Key key = new Key(tenant, name);
    if (read(() -> !pools.containsKey(key))) {
      return false;
    }
    write(
        new Write.PoolWrite(tenant, name, null), () -> pools.remove(key), Kind.POOL, tenant, name);
    return true;
  }

  @Override
  public List<Handler> handlers(String tenant) {
    return read(() ->
        handlers.entrySet().stream()
            .filter(e -> e.getKey().tenant().equals(tenant))
            .map(Map.Entry::getValue)
            .toList());
  }

  @Override
  public Optional<Handler> handler(String tenant, String name) {
    return read(() -> Optional.ofNullable(handlers.get(new Key(tenant, name))));
  }

  @Override
  public void putHandler(Handler handler, HandlerVersion newVersion) {
    Key key = new Key(handler.getTenant(), handler.getName());
    write(
        new Write.HandlerWrite(key.tenant(), key.name(), handler, newVersion),
        () -> {
          handlers.put(key, handler);
          if (newVersion != null) {
            versions.computeIfAbsent(key, k -> new ArrayList<>()).add(newVersion);
          }
        },
        Kind.HANDLER,
        key.tenant(),
        key.name());
  }

  @Override
  public boolean deleteHandler(String tenant, String name) {
    Key key = new Key(tenant, name);
    if (read(() -> !handlers.containsKey(key))) {
      return false;
    }
    write(
        new Write.HandlerWrite(tenant, name, null, null),
        () -> {
          handlers.remove(key);
          versions.remove(key);
        },
        Kind.HANDLER,
        tenant,
        name);
    return true;
  }

  @Override
  public List<HandlerVersion> versions(String tenant, String handler) {
    return read(() -> List.copyOf(versions.getOrDefault(new Key(tenant, handler), List.of())));
  }

  @Override
  public Optional<HandlerVersion> version(String tenant, String handler, String version) {
    return read(() ->
        versions.getOrDefault(new Key(tenant, handler), List.of()).stream()
            .filter(v -> v.getVersion().equals(version))
            .findFirst());
  }

  @Override
  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }
}
