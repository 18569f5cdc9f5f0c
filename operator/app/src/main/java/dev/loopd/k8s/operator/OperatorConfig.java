package dev.loopd.k8s.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The operator's settings ({@code loopd.operator.*}; the Helm chart sets them). */
@ConfigMapping(prefix = "loopd.operator")
public interface OperatorConfig {

  /** The loop-node container image of every pool's pods. */
  String nodeImage();

  @WithDefault("IfNotPresent")
  String nodeImagePullPolicy();

  /**
   * host:port nodes dial for their session; default {@code <service-name>.<namespace>.svc:7071}.
   */
  Optional<String> controlPlane();

  /** The operator's Service (the default control plane host). */
  @WithDefault("loopd-operator")
  String serviceName();

  /**
   * The operator's own namespace: token Secrets, the leader Lease; default the pod's ({@code
   * POD_NAMESPACE}), else the client's.
   */
  Optional<String> namespace();

  /** Seconds a stopping pod keeps serving before SIGTERM (so endpoints drop it first); 0: none. */
  @WithDefault("5")
  int preStopSleepSeconds();

  /** Seconds a node may take to finish in-flight work after SIGTERM. */
  @WithDefault("30")
  int drainGraceSeconds();

  /** {@code auto} (from discovery), {@code policy/v1} or {@code policy/v1beta1}. */
  @WithDefault("auto")
  String pdbApiVersion();

  /** Requests of the node container of pools that name none, e.g. {@code cpu: 250m}. */
  Map<String, String> nodeRequests();

  /** Limits of the node container of pools that name none, e.g. {@code memory: 1Gi}. */
  Map<String, String> nodeLimits();

  LeaderElection leaderElection();

  /** The Lease that elects the one replica running the operator core and the reconcilers. */
  interface LeaderElection {
    @WithDefault("loopd-operator")
    String leaseName();

    @WithDefault("15s")
    Duration leaseDuration();

    @WithDefault("10s")
    Duration renewDeadline();

    @WithDefault("2s")
    Duration retryPeriod();
  }
}
