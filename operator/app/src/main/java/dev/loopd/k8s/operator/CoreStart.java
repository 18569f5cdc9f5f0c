package dev.loopd.k8s.operator;

import dev.loopd.k8s.operator.core.CoreHost;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Without leader election (the dev and test profiles: {@code
 * quarkus.operator-sdk.activate-leader-election-for-profiles}) this replica leads from the start.
 */
@ApplicationScoped
public class CoreStart {

  void start(
      @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 200) StartupEvent event,
      Operator operator,
      CoreHost core) {
    if (operator.getConfigurationService().getLeaderElectionConfiguration().isEmpty()) {
      core.startLeading();
    }
  }
}
