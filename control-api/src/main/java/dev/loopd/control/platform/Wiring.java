package dev.loopd.control.platform;

import dev.loopd.control.kube.KubernetesMode;
import dev.loopd.control.local.LocalMode;
import dev.loopd.control.route.InvocationRouter;
import dev.loopd.control.route.NodeChannels;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the platform the API services run on, from {@code loopd.mode} (env {@code LOOPD_MODE}):
 * {@code local} (the default, {@code bin/loopd up}: file store, operator core and node processes in
 * this process) or {@code kubernetes} (custom resources; the operator core runs in the operator).
 * The services see only the {@link Store} and the {@link PlatformRuntime}.
 */
@ApplicationScoped
public class Wiring {

  /** Where the platform's state and nodes live. */
  public enum Mode {
    LOCAL,
    KUBERNETES
  }

  @ConfigProperty(name = "loopd.mode", defaultValue = "local")
  String mode;

  @Inject Instance<LocalMode> local;
  @Inject Instance<KubernetesMode> kubernetes;

  public Mode mode() {
    try {
      return Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "loopd.mode (env LOOPD_MODE) is \"" + mode + "\"; use \"local\" or \"kubernetes\"", e);
    }
  }

  @Produces
  @Singleton
  Store store() {
    return switch (mode()) {
      case LOCAL -> local.get().store();
      case KUBERNETES -> kubernetes.get().store();
    };
  }

  /** Also the {@code StatusView} the API services read pool and handler status from. */
  @Produces
  @Singleton
  PlatformRuntime runtime() {
    return switch (mode()) {
      case LOCAL -> local.get().core();
      case KUBERNETES -> kubernetes.get().runtime();
    };
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  NodeChannels channels() {
    return new NodeChannels();
  }

  @Produces
  @Singleton
  InvocationRouter router(PlatformRuntime runtime, NodeChannels channels) {
    return new InvocationRouter(runtime, channels);
  }
}
