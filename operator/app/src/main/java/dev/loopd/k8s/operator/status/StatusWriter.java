package dev.loopd.k8s.operator.status;

import dev.loopd.k8s.operator.core.Conflicts;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes a custom resource's status only when it changed, with optimistic locking: the write
 * carries the resourceVersion the status was computed from, and on a 409 (the resource changed in
 * between: a spec edit, kubectl scale) the resource is read again and its status computed again
 * from it, so the status never describes an older spec than the one it is written to.
 */
public final class StatusWriter {

  private StatusWriter() {}

  /**
   * @param empty a new, empty resource of the kind (the written copy)
   * @param status computes the status of a (fresh) resource
   * @param beforeWrite called with the resource as read and the status about to be written (events
   *     on transitions; tests make the write stale here)
   * @return true when a status was written
   */
  public static <T, S, P extends CustomResource<T, S>> boolean write(
      Context<P> context,
      P primary,
      Supplier<P> empty,
      Function<P, S> status,
      BiConsumer<P, S> beforeWrite) {
    String what =
        "status of "
            + primary.getKind()
            + " "
            + (primary.getMetadata().getNamespace() == null
                ? ""
                : primary.getMetadata().getNamespace() + "/")
            + primary.getMetadata().getName();
    boolean[] first = {true};
    Boolean written =
        Conflicts.retry(
            what,
            () -> {
              P current = first[0] ? primary : reread(context, primary);
              first[0] = false;
              if (current == null) {
                return false;
              }
              S next = status.apply(current);
              if (Objects.equals(current.getStatus(), next)) {
                return false;
              }
              beforeWrite.accept(current, next);
              P write = empty.get();
              write.setMetadata(current.getMetadata());
              write.setSpec(current.getSpec());
              write.setStatus(next);
              context.resourceOperations().updatePrimaryStatus(write);
              return true;
            });
    return written;
  }

  @SuppressWarnings("unchecked")
  private static <T, S, P extends CustomResource<T, S>> P reread(Context<P> context, P primary) {
    var op = context.getClient().resources((Class<P>) primary.getClass());
    String ns = primary.getMetadata().getNamespace();
    return ns == null
        ? op.withName(primary.getMetadata().getName()).get()
        : op.inNamespace(ns).withName(primary.getMetadata().getName()).get();
  }
}
