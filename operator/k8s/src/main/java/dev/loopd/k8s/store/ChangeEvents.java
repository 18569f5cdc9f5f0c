package dev.loopd.k8s.store;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.convert.TenantConversions;
import dev.loopd.k8s.convert.TokenConversions;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.operator.store.StoreListener.Kind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Objects;

/**
 * Turns informer events into store changes: a LoopTenant is a TENANT change, a LoopPool a POOL
 * change and a LoopHandler or one of its version ConfigMaps a HANDLER change of the tenant that
 * owns the namespace; a token Secret is a TOKEN change. Updates that touch only the status (or
 * nothing the store reads) are not changes.
 */
final class ChangeEvents {

  /** Where changes go: {@code KubernetesStore#fire}. */
  interface Sink {
    void changed(Kind kind, String tenant, String name);
  }

  private final StoreCaches caches;
  private final Sink sink;

  ChangeEvents(StoreCaches caches, Sink sink) {
    this.caches = caches;
    this.sink = sink;
  }

  void register() {
    caches.tenants.addEventHandler(
        handler((LoopTenant t) ->
            sink.changed(Kind.TENANT, t.getMetadata().getName(), t.getMetadata().getName())));
    caches.pools.addEventHandler(handler(o -> namespaced(Kind.POOL, o, o.getMetadata().getName())));
    caches.handlers.addEventHandler(
        handler(o -> namespaced(Kind.HANDLER, o, o.getMetadata().getName())));
    caches.versions.addEventHandler(
        new Handler<ConfigMap>(cm ->
            namespaced(Kind.HANDLER, cm, cm.getMetadata().getLabels().get(LoopdLabels.HANDLER))) {
          @Override
          public void onDelete(ConfigMap cm, boolean unknownFinalState) {
            caches.forget(cm);
            super.onDelete(cm, unknownFinalState);
          }
        });
    caches.tokens.addEventHandler(handler((Secret s) -> token(s)));
  }

  private void namespaced(Kind kind, HasMetadata o, String name) {
    caches.tenantOf(o.getMetadata().getNamespace()).ifPresent(t -> sink.changed(kind, t, name));
  }

  private void token(Secret s) {
    String tenant = s.getMetadata().getLabels().getOrDefault(LoopdLabels.TENANT, "");
    String name = s.getMetadata().getName();
    String id =
        name.startsWith(TokenConversions.NAME_PREFIX)
            ? name.substring(TokenConversions.NAME_PREFIX.length())
            : name;
    sink.changed(Kind.TOKEN, tenant, id);
  }

  private static <T extends HasMetadata> Handler<T> handler(
      java.util.function.Consumer<T> changed) {
    return new Handler<>(changed);
  }

  private static class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {
    private final java.util.function.Consumer<T> changed;

    Handler(java.util.function.Consumer<T> changed) {
      this.changed = changed;
    }

    @Override
    public void onAdd(T o) {
      changed.accept(o);
    }

    @Override
    public void onUpdate(T old, T now) {
      if (storeRelevantChange(old, now)) {
        changed.accept(now);
      }
    }

    @Override
    public void onDelete(T o, boolean unknownFinalState) {
      changed.accept(o);
    }
  }

  /**
   * Whether {@code now} differs from {@code old} in what the store reads: spec, generation,
   * annotations and labels of a custom resource (not its status); anything of other objects.
   */
  static boolean storeRelevantChange(HasMetadata old, HasMetadata now) {
    if (old instanceof CustomResource<?, ?> o && now instanceof CustomResource<?, ?> n) {
      return !Objects.equals(o.getSpec(), n.getSpec())
          || !Objects.equals(o.getMetadata().getGeneration(), n.getMetadata().getGeneration())
          || !Objects.equals(o.getMetadata().getAnnotations(), n.getMetadata().getAnnotations())
          || !Objects.equals(o.getMetadata().getLabels(), n.getMetadata().getLabels())
          || (o instanceof LoopTenant
              && !TenantConversions.namespaceOf((LoopTenant) o)
                  .equals(TenantConversions.namespaceOf((LoopTenant) n)));
    }
    return !Objects.equals(
        old.getMetadata().getResourceVersion(), now.getMetadata().getResourceVersion());
  }
}
