package dev.loopd.k8s.operator.core;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.Supplier;

/**
 * Read-modify-write against the API server with optimistic locking: a write that finds the object
 * changed since it was read (409 Conflict) reads again and retries, a few times.
 */
public final class Conflicts {

  private static final System.Logger LOG = System.getLogger(Conflicts.class.getName());

  /** Attempts before a conflict is given up on (and thrown). */
  public static final int ATTEMPTS = 5;

  private Conflicts() {}

  /**
   * Runs {@code attempt} (which reads, then writes with the resourceVersion it read) until it does
   * not conflict.
   *
   * @param what for the log, e.g. "scale LoopPool acme/web"
   * @throws KubernetesClientException the last conflict after {@link #ATTEMPTS}, or any other error
   */
  public static <T> T retry(String what, Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || i >= ATTEMPTS) {
          throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "{0}: conflict (attempt {1}), reading again", what, i);
      }
    }
  }

  public static boolean isConflict(Throwable e) {
    return e instanceof KubernetesClientException k
        && k.getCode() == HttpURLConnection.HTTP_CONFLICT;
  }
}
