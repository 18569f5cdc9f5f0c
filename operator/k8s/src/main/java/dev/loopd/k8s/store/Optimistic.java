package dev.loopd.k8s.store;

import dev.loopd.operator.store.StoreException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.util.function.UnaryOperator;

/**
 * Create-or-update with optimistic concurrency, on an operation already scoped to a namespace (or
 * cluster-scoped): the update carries the resourceVersion it was computed from, and a 409 (someone
 * else wrote in between, or created the object first) re-reads the object from the API server and
 * computes the change again.
 */
final class Optimistic {

  /** Attempts before a write gives up on a object that keeps changing under it. */
  static final int ATTEMPTS = 10;

  private Optimistic() {}

  /**
   * Writes {@code change} applied to the current object ({@code null} when it does not exist;
   * {@code change} gets a copy it may modify). The first attempt starts from {@code cached}.
   *
   * @return the object as the API server stored it
   */
  static <T extends HasMetadata> T upsert(
      NonNamespaceOperation<T, ?, ? extends Resource<T>> ops,
      KubernetesSerialization json,
      String name,
      T cached,
      UnaryOperator<T> change) {
    T current = cached == null ? null : json.clone(cached);
    KubernetesClientException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        current = ops.withName(name).get();
      }
      String rv = current == null ? null : current.getMetadata().getResourceVersion();
      T next = change.apply(current == null ? null : json.clone(current));
      try {
        if (current == null) {
          next.getMetadata().setResourceVersion(null);
          return ops.resource(next).create();
        }
        next.getMetadata().setResourceVersion(rv);
        return ops.resource(next).update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw failed("write", next, e);
        }
        last = e;
      }
    }
    throw new StoreException("gave up writing " + name + " after " + ATTEMPTS + " conflicts", last);
  }

  static StoreException failed(String what, HasMetadata o, KubernetesClientException e) {
    return new StoreException(
        "cannot "
            + what
            + " "
            + o.getKind()
            + " "
            + describe(o.getMetadata().getNamespace(), o.getMetadata().getName())
            + ": "
            + e.getMessage(),
        e);
  }

  static String describe(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }
}
