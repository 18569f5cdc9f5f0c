package dev.loopd.k8s.store;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.convert.HandlerConversions;
import dev.loopd.k8s.convert.TenantConversions;
import dev.loopd.k8s.convert.TokenConversions;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.operator.store.StoreException;
import dev.loopd.proto.control.v1.HandlerVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The informers behind {@link KubernetesStore}'s reads: LoopTenants, LoopPools and LoopHandlers in
 * every namespace, the version ConfigMaps (label {@value LoopdLabels#HANDLER}) and the token
 * Secrets (label {@value LoopdLabels#TOKEN}=true in the token namespace), with indexes for the
 * lookups the store makes.
 */
final class StoreCaches implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StoreCaches.class.getName());

  /** Tenants by the namespace they own. */
  static final String TENANT_BY_NAMESPACE = "loopd.dev/tenant-namespace";

  /** Version ConfigMaps by {@code <namespace>/<handler>}. */
  static final String VERSION_BY_HANDLER = "loopd.dev/handler-versions";

  /** How long a write waits for its own change to reach the informers. */
  private static final Duration CACHE_WAIT = Duration.ofSeconds(10);

  final SharedIndexInformer<LoopTenant> tenants;
  final SharedIndexInformer<LoopPool> pools;
  final SharedIndexInformer<LoopHandler> handlers;
  final SharedIndexInformer<ConfigMap> versions;
  final SharedIndexInformer<Secret> tokens;
  final String tokenNamespace;

  /** Converted versions by ConfigMap uid, valid while the resourceVersion matches. */
  private final Map<String, CachedVersion> converted = new ConcurrentHashMap<>();

  /** Namespaces already reported as claimed by several tenants (reads repeat every second). */
  private final java.util.Set<String> warnedNamespaces = ConcurrentHashMap.newKeySet();

  private record CachedVersion(String resourceVersion, HandlerVersion version) {}

  StoreCaches(KubernetesClient client, String tokenNamespace) {
    this.tokenNamespace = tokenNamespace;
    tenants =
        client
            .resources(LoopTenant.class)
            .withIndexers(
                Map.of(
                    TENANT_BY_NAMESPACE,
                    (Function<LoopTenant, List<String>>)
                        t -> List.of(TenantConversions.namespaceOf(t))))
            .runnableInformer(0);
    pools = client.resources(LoopPool.class).inAnyNamespace().runnableInformer(0);
    handlers = client.resources(LoopHandler.class).inAnyNamespace().runnableInformer(0);
    versions =
        client
            .configMaps()
            .inAnyNamespace()
            .withLabel(LoopdLabels.HANDLER)
            .withIndexers(
                Map.of(
                    VERSION_BY_HANDLER,
                    (Function<ConfigMap, List<String>>)
                        cm ->
                            List.of(
                                handlerKey(
                                    cm.getMetadata().getNamespace(),
                                    cm.getMetadata().getLabels().get(LoopdLabels.HANDLER)))))
            .runnableInformer(0);
    tokens =
        client
            .secrets()
            .inNamespace(tokenNamespace)
            .withLabel(LoopdLabels.TOKEN, "true")
            .runnableInformer(0);
  }

  static String handlerKey(String namespace, String handler) {
    return namespace + "/" + handler;
  }

  /** Starts every informer and waits until each has listed its objects. */
  void start(Duration timeout) {
    List<SharedIndexInformer<?>> all = List.of(tenants, pools, handlers, versions, tokens);
    try {
      for (SharedIndexInformer<?> i : all) {
        i.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new StoreException(
          "cannot list loopd's objects from the Kubernetes API (are the loopd.dev CRDs installed,"
              + " and may this service account list them?): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new StoreException("interrupted while starting the informers", e);
    }
  }

  @Override
  public void close() {
    for (SharedIndexInformer<?> i : List.of(tenants, pools, handlers, versions, tokens)) {
      i.close();
    }
  }

  // Tenants and namespaces.

  Optional<LoopTenant> tenant(String name) {
    return Optional.ofNullable(tenants.getStore().getByKey(name));
  }

  /** The namespace of an existing tenant. */
  Optional<String> namespaceOf(String tenant) {
    return tenant(tenant)
        .map(TenantConversions::namespaceOf)
        .filter(ns -> tenantOf(ns).filter(tenant::equals).isPresent());
  }

  /**
   * The tenant that owns {@code namespace}: the only tenant whose namespace it is. A namespace two
   * tenants claim belongs to neither, so that no tenant ever reads another's objects.
   */
  Optional<String> tenantOf(String namespace) {
    List<LoopTenant> owners = tenants.getIndexer().byIndex(TENANT_BY_NAMESPACE, namespace);
    if (owners.size() != 1) {
      if (owners.size() > 1 && warnedNamespaces.add(namespace + owners.size())) {
        LOG.warning(
            "namespace "
                + namespace
                + " is claimed by several LoopTenants ("
                + owners.stream().map(t -> t.getMetadata().getName()).toList()
                + "): none of them sees its objects");
      }
      return Optional.empty();
    }
    return Optional.of(owners.getFirst().getMetadata().getName());
  }

  // Namespaced objects, by name.

  static <T extends HasMetadata> List<T> inNamespace(SharedIndexInformer<T> inf, String ns) {
    List<T> out = new ArrayList<>(inf.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns));
    out.sort(Comparator.comparing(o -> o.getMetadata().getName()));
    return out;
  }

  static <T extends HasMetadata> Optional<T> get(SharedIndexInformer<T> inf, String ns, String n) {
    return Optional.ofNullable(inf.getStore().getByKey(Cache.namespaceKeyFunc(ns, n)));
  }

  // Versions.

  /**
   * The versions of {@code handler} (oldest first, with sources). Only the ones that belong to this
   * incarnation of the handler: a ConfigMap owned by an earlier LoopHandler of the same name
   * (deleted, its versions not yet collected) is left out.
   */
  List<HandlerVersion> versionsOf(LoopHandler handler) {
    String ns = handler.getMetadata().getNamespace();
    String uid = handler.getMetadata().getUid();
    List<HandlerVersion> out = new ArrayList<>();
    for (ConfigMap cm :
        versions
            .getIndexer()
            .byIndex(VERSION_BY_HANDLER, handlerKey(ns, handler.getMetadata().getName()))) {
      List<OwnerReference> owners = cm.getMetadata().getOwnerReferences();
      if (owners != null
          && !owners.isEmpty()
          && owners.stream().noneMatch(o -> o.getUid().equals(uid))) {
        continue;
      }
      HandlerVersion v = version(cm);
      if (v != null) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparingLong(v -> HandlerConversions.versionNumber(v.getVersion())));
    return out;
  }

  /** {@code cm} converted (once per resourceVersion); null, logged, when it does not convert. */
  private HandlerVersion version(ConfigMap cm) {
    String uid = cm.getMetadata().getUid();
    String rv = cm.getMetadata().getResourceVersion();
    CachedVersion c = converted.get(uid);
    if (c != null && c.resourceVersion().equals(rv)) {
      return c.version();
    }
    try {
      HandlerVersion v = HandlerConversions.toVersion(cm);
      converted.put(uid, new CachedVersion(rv, v));
      return v;
    } catch (IllegalArgumentException e) {
      LOG.warning("ignoring a handler version: " + e.getMessage());
      return null;
    }
  }

  void forget(ConfigMap cm) {
    converted.remove(cm.getMetadata().getUid());
  }

  // Tokens.

  List<Secret> tokenSecrets() {
    List<Secret> out = new ArrayList<>(tokens.getStore().list());
    out.sort(Comparator.comparing(s -> s.getMetadata().getName()));
    return out;
  }

  Optional<Secret> tokenSecret(String id) {
    return get(tokens, tokenNamespace, TokenConversions.secretName(id));
  }

  // Read-your-writes.

  /** Waits until {@code inf} holds {@code written} (or a newer version of it). */
  static <T extends HasMetadata> void awaitWritten(SharedIndexInformer<T> inf, T written) {
    String key = Cache.metaNamespaceKeyFunc(written);
    String rv = written.getMetadata().getResourceVersion();
    awaitCache(
        inf,
        key,
        cached -> cached != null && notOlder(cached.getMetadata().getResourceVersion(), rv));
  }

  /** Waits until {@code inf} no longer holds the object {@code uid} under {@code key}. */
  static <T extends HasMetadata> void awaitDeleted(
      SharedIndexInformer<T> inf, String key, String uid) {
    awaitCache(inf, key, cached -> cached == null || !cached.getMetadata().getUid().equals(uid));
  }

  private static <T extends HasMetadata> void awaitCache(
      SharedIndexInformer<T> inf, String key, java.util.function.Predicate<T> done) {
    long deadline = System.nanoTime() + CACHE_WAIT.toNanos();
    while (!done.test(inf.getStore().getByKey(key))) {
      if (System.nanoTime() > deadline) {
        LOG.warning(
            "the informer has not seen the write of "
                + key
                + " after "
                + CACHE_WAIT.toSeconds()
                + " s; reads may be stale for a while");
        return;
      }
      LockSupport.parkNanos(2_000_000);
    }
  }

  /**
   * Whether {@code cached} is {@code written} or newer. Resource versions are opaque, but the API
   * server's are etcd revisions; when both are numbers the larger one is newer.
   */
  static boolean notOlder(String cached, String written) {
    if (cached.equals(written)) {
      return true;
    }
    try {
      return Long.parseLong(cached) >= Long.parseLong(written);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
