package dev.loopd.k8s.operator.handler;

import dev.loopd.k8s.convert.InvalidResourceException;
import dev.loopd.k8s.crd.v1alpha1.Condition;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopHandlerStatus;
import dev.loopd.k8s.crd.v1alpha1.SourceErrorStatus;
import dev.loopd.k8s.operator.core.CoreHost;
import dev.loopd.k8s.operator.core.Tenants;
import dev.loopd.k8s.operator.status.ConditionTimes;
import dev.loopd.k8s.operator.status.StatusWriter;
import dev.loopd.k8s.store.KubernetesStore;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerStatus;
import dev.loopd.proto.control.v1.SourceErrorReport;
import dev.loopd.proto.node.v1.SourceError;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A LoopHandler applied with kubectl gets its version: when its source (or limits) match no version
 * yet, {@link KubernetesStore#ensureVersionForSource} snapshots them as the next one, which the
 * operator core then sends to the pool's nodes. Status: the active and latest version, how many
 * nodes serve it, and a load failure a node reported.
 */
@ControllerConfiguration(name = LoopHandlerReconciler.NAME)
public class LoopHandlerReconciler implements Reconciler<LoopHandler> {

  public static final String NAME = "loophandler";

  static final Duration STATUS_INTERVAL = Duration.ofSeconds(5);

  private final KubernetesStore store;
  private final Tenants tenants;
  private final CoreHost core;
  private final Clock clock;

  public LoopHandlerReconciler(KubernetesStore store, Tenants tenants, CoreHost core, Clock clock) {
    this.store = store;
    this.tenants = tenants;
    this.core = core;
    this.clock = clock;
  }

  @Override
  public UpdateControl<LoopHandler> reconcile(LoopHandler handler, Context<LoopHandler> context) {
    String ns = handler.getMetadata().getNamespace();
    String name = handler.getMetadata().getName();
    Optional<String> tenant = tenants.tenantOf(ns);
    if (tenant.isEmpty()) {
      write(context, handler, h -> pending(h, "NoTenant", "no LoopTenant has namespace " + ns));
      return UpdateControl.<LoopHandler>noUpdate().rescheduleAfter(STATUS_INTERVAL);
    }
    try {
      store.ensureVersionForSource(tenant.get(), name);
    } catch (InvalidResourceException e) {
      write(context, handler, h -> invalid(h, e.getMessage()));
      return UpdateControl.noUpdate();
    }
    write(context, handler, h -> observed(h, tenant.get()));
    return UpdateControl.<LoopHandler>noUpdate().rescheduleAfter(STATUS_INTERVAL);
  }

  private void write(
      Context<LoopHandler> context,
      LoopHandler handler,
      java.util.function.Function<LoopHandler, LoopHandlerStatus> status) {
    StatusWriter.write(context, handler, LoopHandler::new, status, (h, s) -> {});
  }

  private LoopHandlerStatus observed(LoopHandler cr, String tenant) {
    String name = cr.getMetadata().getName();
    Optional<Handler> handler = store.handler(tenant, name);
    if (handler.isEmpty()) {
      return pending(cr, "Pending", "the handler's version is not stored yet");
    }
    HandlerStatus hs = core.core().handlerStatus(tenant, name);
    LoopHandlerStatus s = base(cr);
    s.setActiveVersion(handler.get().getActiveVersion());
    s.setLatestVersion(handler.get().getLatestVersion());
    s.setReadyNodes(hs.getReadyNodes());
    String active = handler.get().getActiveVersion();
    switch (hs.getState()) {
      case STATE_READY -> {
        s.setState("Ready");
        s.setConditions(
            ready(
                cr,
                "True",
                "Serving",
                "version "
                    + active
                    + " runs on "
                    + hs.getReadyNodes()
                    + " node(s) of pool "
                    + handler.get().getPool()));
      }
      case STATE_FAILED -> {
        s.setState("Failed");
        s.setError(error(hs.getError()));
        s.setConditions(
            ready(
                cr,
                "False",
                "LoadFailed",
                "version "
                    + active
                    + " did not load on node "
                    + hs.getError().getNodeId()
                    + ": "
                    + hs.getError().getError().getMessage()));
      }
      default -> {
        s.setState("Pending");
        s.setConditions(
            ready(
                cr,
                "False",
                "Pending",
                "no node of pool "
                    + handler.get().getPool()
                    + " serves version "
                    + active
                    + " yet"));
      }
    }
    return s;
  }

  private LoopHandlerStatus pending(LoopHandler cr, String reason, String message) {
    LoopHandlerStatus s = base(cr);
    s.setState("Pending");
    s.setConditions(ready(cr, "False", reason, message));
    return s;
  }

  private LoopHandlerStatus invalid(LoopHandler cr, String message) {
    LoopHandlerStatus s = base(cr);
    s.setState("Failed");
    s.setConditions(ready(cr, "False", "InvalidSpec", message));
    return s;
  }

  private LoopHandlerStatus base(LoopHandler cr) {
    LoopHandlerStatus s = new LoopHandlerStatus();
    if (cr.getStatus() != null) {
      s.setActiveVersion(cr.getStatus().getActiveVersion());
      s.setLatestVersion(cr.getStatus().getLatestVersion());
    }
    s.setReadyNodes(0);
    s.setObservedGeneration(generation(cr));
    return s;
  }

  private List<Condition> ready(LoopHandler cr, String status, String reason, String message) {
    return List.of(
        ConditionTimes.condition(
            cr.getStatus() == null ? null : cr.getStatus().getConditions(),
            "Ready",
            status,
            reason,
            message,
            generation(cr),
            clock));
  }

  private static long generation(LoopHandler cr) {
    return cr.getMetadata().getGeneration() == null ? 0 : cr.getMetadata().getGeneration();
  }

  private static SourceErrorStatus error(SourceErrorReport report) {
    SourceError e = report.getError();
    SourceErrorStatus s = new SourceErrorStatus();
    s.setNodeId(report.getNodeId());
    s.setVersion(report.getVersion());
    s.setKind(
        switch (e.getKind()) {
          case KIND_SYNTAX -> "Syntax";
          case KIND_UNSUPPORTED_MODULE -> "UnsupportedModule";
          case KIND_EVALUATION -> "Evaluation";
          case KIND_INVALID_EXPORT -> "InvalidExport";
          case KIND_INVALID_SOURCE -> "InvalidSource";
          default -> null;
        });
    s.setLine(e.getLine() == 0 ? null : e.getLine());
    s.setColumn(e.getColumn() == 0 ? null : e.getColumn());
    s.setMessage(e.getMessage());
    return s;
  }
}
