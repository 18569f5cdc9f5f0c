package dev.loopd.k8s.store;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.convert.HandlerConversions;
import dev.loopd.k8s.convert.PoolConversions;
import dev.loopd.k8s.convert.TenantConversions;
import dev.loopd.k8s.convert.TokenConversions;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopHandlerSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.operator.store.Store;
import dev.loopd.operator.store.StoreException;
import dev.loopd.operator.store.StoreListener;
import dev.loopd.operator.store.StoreListener.Kind;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Tenant;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Store} of Kubernetes mode (ADR 004): tenants are {@code LoopTenant}s, tokens Secrets
 * labelled {@value LoopdLabels#TOKEN}=true in the token namespace, pools {@code LoopPool}s and
 * handlers {@code LoopHandler}s in the tenant's namespace, handler versions immutable ConfigMaps
 * {@code <handler>-v<N>} owned by their LoopHandler.
 *
 * <p><b>Reads</b> come from informers (no API call): cheap, and up to date with this store's own
 * writes, since a write returns only once the informers hold it. Objects that do not convert (a
 * malformed duration applied with kubectl) are left out of reads and logged; the operator's
 * reconcilers report them on the resource. A namespace that no tenant (or more than one) owns is
 * never read.
 *
 * <p><b>Writes</b> go to the API server with optimistic concurrency: an update carries the
 * resourceVersion it was made from, and a 409 re-reads the object and applies the change again.
 *
 * <p><b>{@link #atomically}</b> holds an in-process lock that this store's writes also take: it
 * keeps out the writes of this process only, <em>not</em> those of other processes or of kubectl.
 * (In Kubernetes mode the operator core runs in the leader only, and version numbers are claimed by
 * creating the version's ConfigMap, so a concurrent claim moves to the next number.)
 *
 * <p><b>Listeners</b> are called from the informers' thread for every change seen, whoever made it
 * (this store, another process, {@code kubectl}); status-only updates are not changes of the store.
 * They run outside the store's lock, after the informers hold the change.
 */
public final class KubernetesStore implements Store, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KubernetesStore.class.getName());

  /** Conversion failures already logged (reads repeat every second). */
  private static final Map<String, Boolean> WARNED = new java.util.concurrent.ConcurrentHashMap<>();

  private final KubernetesClient client;
  private final KubernetesSerialization json;
  private final StoreCaches caches;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * A store on {@code client}; tokens are Secrets in {@code tokenNamespace} (the release's
   * namespace). Call {@link #start} before use.
   */
  public KubernetesStore(KubernetesClient client, String tokenNamespace) {
    this(client, tokenNamespace, Clock.systemUTC());
  }

  /** As above; {@code clock} stamps the versions {@link #ensureVersionForSource} snapshots. */
  public KubernetesStore(KubernetesClient client, String tokenNamespace, Clock clock) {
    this.client = client;
    this.json = client.getKubernetesSerialization();
    this.clock = clock;
    this.caches = new StoreCaches(client, tokenNamespace);
  }

  /** Starts the informers and waits (at most {@code timeout}) until they have listed everything. */
  public KubernetesStore start(Duration timeout) {
    ChangeEvents events = new ChangeEvents(caches, this::fire);
    events.register();
    caches.start(timeout);
    return this;
  }

  public KubernetesStore start() {
    return start(Duration.ofSeconds(60));
  }

  @Override
  public void close() {
    caches.close();
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private void write(Runnable w) {
    atomically(() -> {
      w.run();
      return null;
    });
  }

  // Tenants.

  @Override
  public List<Tenant> tenants() {
    return caches.tenants.getStore().list().stream()
        .sorted(Comparator.comparing(t -> t.getMetadata().getName()))
        .map(TenantConversions::toTenant)
        .toList();
  }

  @Override
  public Optional<Tenant> tenant(String name) {
    return caches.tenant(name).map(TenantConversions::toTenant);
  }

  /**
   * Creates or updates the LoopTenant (its namespace, once chosen, never moves) and creates the
   * tenant's namespace when it is missing and this service account may, so that a tenant created
   * through the API takes pools at once (the operator creates it otherwise).
   */
  @Override
  public void putTenant(Tenant tenant) {
    write(() -> {
      String name = tenant.getName();
      LoopTenant out =
          Optimistic.upsert(
              client.resources(LoopTenant.class),
              json,
              name,
              caches.tenant(name).orElse(null),
              cur -> {
                String ns =
                    cur == null
                        ? TenantConversions.defaultNamespace(name)
                        : TenantConversions.namespaceOf(cur);
                LoopTenant next = TenantConversions.fromTenant(tenant, ns);
                if (cur == null) {
                  return next;
                }
                cur.setSpec(next.getSpec());
                return cur;
              });
      StoreCaches.awaitWritten(caches.tenants, out);
      ensureNamespace(TenantConversions.namespaceOf(out), name);
    });
  }

  private void ensureNamespace(String namespace, String tenant) {
    try {
      if (client.namespaces().withName(namespace).get() == null) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace)
                    .addToLabels(LoopdLabels.TENANT, tenant)
                    .addToLabels(LoopdLabels.MANAGED_BY, LoopdLabels.MANAGED_BY_VALUE)
                    .endMetadata()
                    .build())
            .create();
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        LOG.log(
            Level.FINE,
            "not creating namespace " + namespace + " (the operator will): " + e.getMessage());
      }
    }
  }

  /** Deletes the LoopTenant and the tenant's token Secrets (not its namespace: the operator's). */
  @Override
  public boolean deleteTenant(String name) {
    return atomically(() -> {
      for (TokenRecord t : tokens()) {
        if (t.tenant().equals(name)) {
          deleteToken(t.id());
        }
      }
      return delete(caches.tenants, client.resources(LoopTenant.class).withName(name), null, name);
    });
  }

  // Tokens.

  @Override
  public List<TokenRecord> tokens() {
    List<TokenRecord> out = new ArrayList<>();
    for (Secret s : caches.tokenSecrets()) {
      convert(s, TokenConversions::toToken).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(TokenRecord::id));
    return out;
  }

  @Override
  public Optional<TokenRecord> token(String id) {
    return caches.tokenSecret(id).flatMap(s -> convert(s, TokenConversions::toToken));
  }

  @Override
  public void putToken(TokenRecord token) {
    write(() -> {
      String ns = caches.tokenNamespace;
      Secret out =
          Optimistic.upsert(
              client.secrets().inNamespace(ns),
              json,
              TokenConversions.secretName(token.id()),
              caches.tokenSecret(token.id()).orElse(null),
              cur -> {
                Secret next = TokenConversions.toSecret(token, ns);
                if (cur == null) {
                  return next;
                }
                cur.setData(next.getData());
                cur.getMetadata().getLabels().putAll(next.getMetadata().getLabels());
                return cur;
              });
      StoreCaches.awaitWritten(caches.tokens, out);
    });
  }

  @Override
  public boolean deleteToken(String id) {
    String ns = caches.tokenNamespace;
    String name = TokenConversions.secretName(id);
    return atomically(
        () -> delete(caches.tokens, client.secrets().inNamespace(ns).withName(name), ns, name));
  }

  // Pools.

  @Override
  public List<Pool> pools(String tenant) {
    return caches
        .namespaceOf(tenant)
        .map(ns ->
            convertAll(
                StoreCaches.inNamespace(caches.pools, ns),
                cr -> PoolConversions.toPool(cr, tenant)))
        .orElse(List.of());
  }

  @Override
  public List<Pool> allPools() {
    List<Pool> out = new ArrayList<>();
    for (Tenant t : tenants()) {
      out.addAll(pools(t.getName()));
    }
    return out;
  }

  @Override
  public Optional<Pool> pool(String tenant, String name) {
    return caches
        .namespaceOf(tenant)
        .flatMap(ns -> StoreCaches.get(caches.pools, ns, name))
        .flatMap(cr -> convert(cr, c -> PoolConversions.toPool(c, tenant)));
  }

  /**
   * Creates or updates the LoopPool. Under autoscaling mode Auto, {@code spec.replicas} stays what
   * the autoscaler last wrote; under Manual it is {@code spec.nodes}.
   */
  @Override
  public void putPool(Pool pool) {
    write(() -> {
      String ns = requireNamespace(pool.getTenant());
      LoopPool out =
          Optimistic.upsert(
              client.resources(LoopPool.class).inNamespace(ns),
              json,
              pool.getName(),
              StoreCaches.get(caches.pools, ns, pool.getName()).orElse(null),
              cur -> {
                Integer replicas =
                    cur == null || cur.getSpec() == null ? null : cur.getSpec().getReplicas();
                LoopPool next = PoolConversions.fromPool(pool, ns, replicas);
                if (cur == null) {
                  return next;
                }
                cur.setSpec(next.getSpec());
                mergeAnnotations(cur, next);
                return cur;
              });
      StoreCaches.awaitWritten(caches.pools, out);
    });
  }

  @Override
  public boolean deletePool(String tenant, String name) {
    return atomically(() -> {
      Optional<String> ns = caches.namespaceOf(tenant);
      return ns.isPresent()
          && delete(
              caches.pools,
              client.resources(LoopPool.class).inNamespace(ns.get()).withName(name),
              ns.get(),
              name);
    });
  }

  // Handlers.

  @Override
  public List<Handler> handlers(String tenant) {
    Optional<String> ns = caches.namespaceOf(tenant);
    if (ns.isEmpty()) {
      return List.of();
    }
    List<Handler> out = new ArrayList<>();
    for (LoopHandler cr : StoreCaches.inNamespace(caches.handlers, ns.get())) {
      toHandler(cr, tenant).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public Optional<Handler> handler(String tenant, String name) {
    return loopHandler(tenant, name).flatMap(cr -> toHandler(cr, tenant));
  }

  /** A handler is visible once it has a version (a kubectl-created one, once snapshotted). */
  private Optional<Handler> toHandler(LoopHandler cr, String tenant) {
    List<HandlerVersion> versions = caches.versionsOf(cr);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    return convert(cr, c -> HandlerConversions.toHandler(c, tenant, versions));
  }

  private Optional<LoopHandler> loopHandler(String tenant, String name) {
    return caches.namespaceOf(tenant).flatMap(ns -> StoreCaches.get(caches.handlers, ns, name));
  }

  @Override
  public List<HandlerVersion> versions(String tenant, String handler) {
    return loopHandler(tenant, handler).map(caches::versionsOf).orElse(List.of());
  }

  @Override
  public Optional<HandlerVersion> version(String tenant, String handler, String version) {
    return versions(tenant, handler).stream()
        .filter(v -> v.getVersion().equals(version))
        .findFirst();
  }

  /**
   * Stores {@code newVersion} (when not null) as its ConfigMap first, then the LoopHandler with the
   * active version's source in {@code spec.source}: a new version's, or for a rollback ({@code
   * newVersion} null) the stored version {@code handler.active_version}'s. When another writer
   * claimed the version number first, the next free number is used (and read back as the handler's
   * active and latest version).
   */
  @Override
  public void putHandler(Handler handler, HandlerVersion newVersion) {
    write(() -> {
      String ns = requireNamespace(handler.getTenant());
      String name = handler.getName();
      LoopHandler cached = StoreCaches.get(caches.handlers, ns, name).orElse(null);
      Handler h = handler;
      String source;
      ConfigMap created = null;
      if (newVersion != null) {
        created =
            claimVersion(
                ns,
                handler.getTenant(),
                name,
                newVersion,
                cached == null ? null : HandlerConversions.ownerReference(cached));
        String claimed = created.getMetadata().getLabels().get(LoopdLabels.VERSION);
        h = h.toBuilder().setActiveVersion(claimed).setLatestVersion(claimed).build();
        source = newVersion.getSource();
      } else {
        source = activeSource(cached, handler);
      }
      LoopHandler out;
      try {
        Handler target = h;
        out =
            Optimistic.upsert(
                client.resources(LoopHandler.class).inNamespace(ns),
                json,
                name,
                cached,
                cur -> {
                  LoopHandler next = HandlerConversions.fromHandler(target, source, ns);
                  if (cur == null) {
                    return next;
                  }
                  cur.setSpec(next.getSpec());
                  mergeAnnotations(cur, next);
                  return cur;
                });
      } catch (RuntimeException e) {
        if (created != null) {
          deleteQuietly(created);
        }
        throw e;
      }
      if (created != null) {
        created = adopt(created, out);
        StoreCaches.awaitWritten(caches.versions, created);
      }
      StoreCaches.awaitWritten(caches.handlers, out);
    });
  }

  private String activeSource(LoopHandler cached, Handler handler) {
    if (cached == null) {
      throw new StoreException(
          "handler " + handler.getTenant() + "/" + handler.getName() + " has no version to run",
          null);
    }
    return caches.versionsOf(cached).stream()
        .filter(v -> v.getVersion().equals(handler.getActiveVersion()))
        .findFirst()
        .map(HandlerVersion::getSource)
        .orElseThrow(() ->
            new StoreException(
                "handler "
                    + handler.getTenant()
                    + "/"
                    + handler.getName()
                    + " has no version "
                    + handler.getActiveVersion(),
                null));
  }

  /** Deletes the LoopHandler and its version ConfigMaps (the garbage collector would, later). */
  @Override
  public boolean deleteHandler(String tenant, String name) {
    return atomically(() -> {
      Optional<String> ns = caches.namespaceOf(tenant);
      if (ns.isEmpty()) {
        return false;
      }
      boolean existed =
          delete(
              caches.handlers,
              client.resources(LoopHandler.class).inNamespace(ns.get()).withName(name),
              ns.get(),
              name);
      List<ConfigMap> versions =
          caches
              .versions
              .getIndexer()
              .byIndex(StoreCaches.VERSION_BY_HANDLER, StoreCaches.handlerKey(ns.get(), name));
      try {
        client.configMaps().inNamespace(ns.get()).withLabel(LoopdLabels.HANDLER, name).delete();
      } catch (KubernetesClientException e) {
        throw new StoreException(
            "deleted handler " + tenant + "/" + name + " but not its versions: " + e.getMessage(),
            e);
      }
      for (ConfigMap cm : versions) {
        StoreCaches.awaitDeleted(
            caches.versions, Cache.metaNamespaceKeyFunc(cm), cm.getMetadata().getUid());
      }
      return existed;
    });
  }

  /**
   * Makes sure the LoopHandler {@code tenant/handler} has a version for its current spec (source
   * and limits): when a {@code kubectl apply} changed them, snapshots them as version latest+1 (its
   * ConfigMap, owned by the LoopHandler). For the operator's LoopHandler reconciler; the source is
   * not checked here.
   *
   * @return the version the spec runs, or empty when there is no such tenant or handler
   * @throws dev.loopd.k8s.convert.InvalidResourceException when the spec's limits do not convert
   */
  public Optional<HandlerVersion> ensureVersionForSource(String tenant, String handler) {
    return atomically(() -> {
      Optional<String> ns = caches.namespaceOf(tenant);
      if (ns.isEmpty()) {
        return Optional.empty();
      }
      LoopHandler cr;
      try {
        cr = client.resources(LoopHandler.class).inNamespace(ns.get()).withName(handler).get();
      } catch (KubernetesClientException e) {
        throw new StoreException("cannot read LoopHandler " + ns.get() + "/" + handler, e);
      }
      if (cr == null) {
        return Optional.empty();
      }
      List<HandlerVersion> versions = caches.versionsOf(cr);
      Optional<HandlerVersion> matching = HandlerConversions.matchingVersion(cr, versions);
      if (matching.isPresent()) {
        return matching;
      }
      LoopHandlerSpec spec = cr.getSpec() == null ? new LoopHandlerSpec() : cr.getSpec();
      String source = Objects.requireNonNullElse(spec.getSource(), "");
      long next =
          versions.isEmpty()
              ? 1
              : HandlerConversions.versionNumber(versions.getLast().getVersion()) + 1;
      HandlerVersion v =
          HandlerVersion.newBuilder()
              .setVersion(Long.toString(next))
              .setSourceSha256(HandlerConversions.sha256(source))
              .setSourceSizeBytes(source.getBytes(StandardCharsets.UTF_8).length)
              .setLimits(HandlerConversions.specLimits(cr))
              .setDescription(Objects.requireNonNullElse(spec.getDescription(), ""))
              .setCreateTime(com.google.protobuf.util.Timestamps.fromMillis(clock.millis()))
              .setSource(source)
              .build();
      ConfigMap created =
          claimVersion(ns.get(), tenant, handler, v, HandlerConversions.ownerReference(cr));
      StoreCaches.awaitWritten(caches.versions, created);
      return Optional.of(HandlerConversions.toVersion(created));
    });
  }

  /**
   * Creates the ConfigMap of {@code v}; when its number is taken (409), the next one, and so on.
   */
  private ConfigMap claimVersion(
      String ns, String tenant, String handler, HandlerVersion v, OwnerReference owner) {
    long n = HandlerConversions.versionNumber(v.getVersion());
    if (n < 0) {
      throw new StoreException("version \"" + v.getVersion() + "\" is not a number", null);
    }
    for (int i = 0; i < 100; i++, n++) {
      ConfigMap cm =
          HandlerConversions.toConfigMap(
              v.toBuilder().setVersion(Long.toString(n)).build(), tenant, handler, ns, owner);
      try {
        return client.configMaps().inNamespace(ns).resource(cm).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw Optimistic.failed("create", cm, e);
        }
      }
    }
    throw new StoreException("no free version number for " + ns + "/" + handler, null);
  }

  /** Gives {@code cm} (created before its handler existed) the handler as owner. */
  private ConfigMap adopt(ConfigMap cm, LoopHandler owner) {
    List<OwnerReference> refs = cm.getMetadata().getOwnerReferences();
    if (refs != null && !refs.isEmpty()) {
      return cm;
    }
    try {
      return client
          .configMaps()
          .inNamespace(cm.getMetadata().getNamespace())
          .withName(cm.getMetadata().getName())
          .edit(c -> {
            c.getMetadata().setOwnerReferences(List.of(HandlerConversions.ownerReference(owner)));
            return c;
          });
    } catch (KubernetesClientException e) {
      LOG.warning(
          "version "
              + cm.getMetadata().getName()
              + " has no owner (deleting the LoopHandler will not collect it): "
              + e.getMessage());
      return cm;
    }
  }

  private void deleteQuietly(ConfigMap cm) {
    try {
      client
          .configMaps()
          .inNamespace(cm.getMetadata().getNamespace())
          .withName(cm.getMetadata().getName())
          .delete();
    } catch (KubernetesClientException e) {
      LOG.warning(
          "cannot delete unused version " + cm.getMetadata().getName() + ": " + e.getMessage());
    }
  }

  // Listeners.

  @Override
  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }

  private void fire(Kind kind, String tenant, String name) {
    for (StoreListener l : listeners) {
      try {
        l.changed(kind, tenant, name);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a store listener failed on " + kind + " " + tenant + "/" + name, e);
      }
    }
  }

  // Helpers.

  private String requireNamespace(String tenant) {
    return caches
        .namespaceOf(tenant)
        .orElseThrow(() ->
            new StoreException(
                "tenant \"" + tenant + "\" does not exist (no LoopTenant " + tenant + ")", null));
  }

  private <T extends HasMetadata> boolean delete(
      SharedIndexInformer<T> informer, Resource<T> resource, String ns, String name) {
    T before = informer.getStore().getByKey(ns == null ? name : Cache.namespaceKeyFunc(ns, name));
    List<StatusDetails> deleted;
    try {
      deleted = resource.delete();
    } catch (KubernetesClientException e) {
      throw new StoreException(
          "cannot delete " + Optimistic.describe(ns, name) + ": " + e.getMessage(), e);
    }
    if (deleted.isEmpty()) {
      return false;
    }
    String uid = deleted.getFirst().getUid();
    if (uid == null && before != null) {
      uid = before.getMetadata().getUid();
    }
    if (uid == null) {
      return true;
    }
    StoreCaches.awaitDeleted(informer, ns == null ? name : Cache.namespaceKeyFunc(ns, name), uid);
    return true;
  }

  private static void mergeAnnotations(HasMetadata cur, HasMetadata next) {
    Map<String, String> a = new HashMap<>();
    if (cur.getMetadata().getAnnotations() != null) {
      a.putAll(cur.getMetadata().getAnnotations());
    }
    a.remove(LoopdLabels.ACTIVE_VERSION);
    if (next.getMetadata().getAnnotations() != null) {
      a.putAll(next.getMetadata().getAnnotations());
    }
    cur.getMetadata().setAnnotations(a);
  }

  private static <T, R> Optional<R> convert(T object, Function<T, R> conversion) {
    try {
      return Optional.of(conversion.apply(object));
    } catch (IllegalArgumentException e) {
      if (WARNED.putIfAbsent(e.getMessage(), Boolean.TRUE) == null) {
        LOG.warning("ignoring an object that does not convert: " + e.getMessage());
        if (WARNED.size() > 1000) {
          WARNED.clear();
        }
      }
      return Optional.empty();
    }
  }

  private static <T, R> List<R> convertAll(List<T> objects, Function<T, R> conversion) {
    List<R> out = new ArrayList<>();
    for (T o : objects) {
      convert(o, conversion).ifPresent(out::add);
    }
    return out;
  }
}
