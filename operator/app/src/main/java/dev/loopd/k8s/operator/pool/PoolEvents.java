package dev.loopd.k8s.operator.pool;

import dev.loopd.k8s.convert.StatusConversions;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.proto.control.v1.ScalingEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Kubernetes Events (core/v1) on a LoopPool: one for every scaling decision of the operator core
 * and for nodes that cannot start, so {@code kubectl describe looppool} and {@code kubectl get
 * events} show them. Writing an event is best effort: a failure is logged, never thrown.
 *
 * <p>Events are written on a thread of their own, in order: the callers are the operator core's
 * tick (which holds its pool's lock, and must never wait for a slow API server: invocations and
 * node sessions wait on that lock) and the reconcilers. At most {@link #QUEUE} events wait; past
 * that, new ones are dropped with a warning.
 */
public final class PoolEvents {

  private static final System.Logger LOG = System.getLogger(PoolEvents.class.getName());

  /** {@code source.component} and {@code reportingComponent} of the events. */
  public static final String COMPONENT = "loopd-operator";

  /** An identical scaling event within this long of the last one is not recorded again. */
  static final Duration REPEAT_AFTER = Duration.ofMinutes(5);

  /** Events waiting to be written, at most. */
  static final int QUEUE = 1_000;

  private final KubernetesClient client;
  private final Clock clock;
  private final ExecutorService writer =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUE),
          r -> Thread.ofPlatform().name("loopd-pool-events").daemon().unstarted(r),
          (task, pool) ->
              LOG.log(
                  System.Logger.Level.WARNING,
                  "{0} events are waiting to be written: dropped one",
                  QUEUE));
  private final String instance;
  private final Map<String, Recorded> last = new ConcurrentHashMap<>();

  private record Recorded(String what, Instant at) {}

  /**
   * @param instance the reporting instance (this operator's pod name)
   */
  public PoolEvents(KubernetesClient client, Clock clock, String instance) {
    this.client = client;
    this.clock = clock;
    this.instance = instance;
  }

  /**
   * A scaling decision: Normal, except a node replacement (Warning). The same decision again within
   * {@link #REPEAT_AFTER} (a pool flapping at a boundary, a node replaced over and over) is one
   * Event.
   */
  public void scaling(LoopPool pool, ScalingEvent event) {
    String key = pool.getMetadata().getNamespace() + "/" + pool.getMetadata().getName();
    String what = event.getReason() + " " + event.getFromNodes() + " " + event.getToNodes();
    Instant now = Instant.now(clock);
    Recorded previous = last.get(key);
    if (previous != null
        && previous.what().equals(what)
        && now.isBefore(previous.at().plus(REPEAT_AFTER))) {
      return;
    }
    last.put(key, new Recorded(what, now));
    String type =
        event.getReason() == ScalingEvent.Reason.REASON_NODE_REPLACED ? "Warning" : "Normal";
    String message =
        event.getFromNodes() + " -> " + event.getToNodes() + " nodes: " + event.getMessage();
    emit(pool, type, StatusConversions.reason(event.getReason()), message);
  }

  /** Nodes of the pool cannot start (or stay up): Warning. */
  public void nodeFailed(LoopPool pool, String reason, String message) {
    emit(pool, "Warning", reason, message);
  }

  void emit(HasMetadata pool, String type, String reason, String message) {
    Instant now = Instant.now(clock);
    String time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    String name =
        pool.getMetadata().getName()
            + "."
            + Long.toHexString(now.toEpochMilli() * 1000 + (System.nanoTime() / 1000) % 1000)
                .toLowerCase(Locale.ROOT);
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(pool.getMetadata().getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(pool.getApiVersion())
            .withKind(pool.getKind())
            .withName(pool.getMetadata().getName())
            .withNamespace(pool.getMetadata().getNamespace())
            .withUid(pool.getMetadata().getUid())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message.length() > 1024 ? message.substring(0, 1024) : message)
            .withCount(1)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(instance)
            .build();
    writer.execute(() -> write(event));
  }

  private void write(Event event) {
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "could not record event {0} on LoopPool {1}/{2}: {3}",
          event.getReason(),
          event.getInvolvedObject().getNamespace(),
          event.getInvolvedObject().getName(),
          e.getMessage() != null ? e.getMessage() : e.toString());
    }
  }
}
