package dev.loopd.operator.store;

import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The desired state of the platform: tenants, their tokens, pools and handlers with their versions.
 * The control API writes it, the operator core watches it. Local mode keeps it in files ({@code
 * FileStore}); Kubernetes keeps it in custom resources.
 *
 * <p>Values are the {@code loopd.control.v1} messages with their runtime parts left out: a stored
 * {@link Pool} has no {@code status}, a stored {@link Handler} no {@code status}, a stored {@link
 * Tenant} no {@code usage}. A stored {@link HandlerVersion} carries its {@code source}.
 *
 * <p>Every method is thread-safe. A read-check-write sequence (quota checks, version numbering)
 * runs inside {@link #atomically} so that no other write interleaves. A write that returns has been
 * made durable; a failed write throws {@link StoreException} and changes nothing.
 */
public interface Store {

  /** Runs {@code work} with every other write of this store held off; returns its result. */
  <T> T atomically(Supplier<T> work);

  // Tenants and tokens.

  List<Tenant> tenants();

  Optional<Tenant> tenant(String name);

  void putTenant(Tenant tenant);

  /** Deletes the tenant and its tokens. Returns false when there was no such tenant. */
  boolean deleteTenant(String name);

  List<TokenRecord> tokens();

  Optional<TokenRecord> token(String id);

  void putToken(TokenRecord token);

  boolean deleteToken(String id);

  // Pools.

  List<Pool> pools(String tenant);

  /** Every tenant's pools. */
  List<Pool> allPools();

  Optional<Pool> pool(String tenant, String name);

  void putPool(Pool pool);

  boolean deletePool(String tenant, String name);

  // Handlers and their versions.

  List<Handler> handlers(String tenant);

  Optional<Handler> handler(String tenant, String name);

  /**
   * Stores a handler and, when {@code newVersion} is not null, that version with it, in one durable
   * step: a reader never sees a handler whose active version is missing.
   */
  void putHandler(Handler handler, HandlerVersion newVersion);

  /** Deletes the handler and all its versions. */
  boolean deleteHandler(String tenant, String name);

  /** Versions of a handler, oldest first, with their sources. */
  List<HandlerVersion> versions(String tenant, String handler);

  Optional<HandlerVersion> version(String tenant, String handler, String version);

  // Watching.

  /**
   * Calls {@code listener} after every write, on the writing thread, outside any lock the store
   * holds. Listeners must be quick and must not write to the store from the callback.
   */
  void addListener(StoreListener listener);
}
