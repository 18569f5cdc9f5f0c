package dev.loopd.control.kube;

import dev.loopd.k8s.store.KubernetesStore;
import dev.loopd.operator.core.PlatformRuntime;
import dev.loopd.operator.core.remote.RemoteRuntime;
import dev.loopd.operator.store.Store;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kubernetes mode ({@code loopd.mode=kubernetes}, set by the Helm chart): the desired state is the
 * loopd custom resources ({@link KubernetesStore}; tenants map to namespaces, tokens are Secrets in
 * {@code loopd.token-namespace}), and the running platform is the operator's core, reached over
 * {@code loopd.operator.v1.RuntimeService} at {@code loopd.operator-address}. See ADR 004.
 */
@ApplicationScoped
public class KubernetesMode {

  private static final System.Logger LOG = System.getLogger(KubernetesMode.class.getName());

  /** host:port of the operator's node-session and runtime port (the chart's operator Service). */
  @ConfigProperty(name = "loopd.operator-address")
  java.util.Optional<String> operatorAddress;

  /** Namespace of the token Secrets: the release's namespace. */
  @ConfigProperty(name = "loopd.token-namespace", defaultValue = "loopd-system")
  String tokenNamespace;

  private KubernetesClient client;
  private KubernetesStore store;
  private ManagedChannel channel;
  private RemoteRuntime runtime;

  public synchronized Store store() {
    if (store == null) {
      // In a pod: the service account; elsewhere: KUBECONFIG or ~/.kube/config.
      client = new KubernetesClientBuilder().build();
      store = new KubernetesStore(client, tokenNamespace).start();
      LOG.log(
          System.Logger.Level.INFO,
          "Kubernetes mode: custom resources at {0}, tokens in namespace {1}",
          client.getMasterUrl(),
          tokenNamespace);
    }
    return store;
  }

  public synchronized PlatformRuntime runtime() {
    if (runtime == null) {
      String address =
          operatorAddress.orElseThrow(() ->
              new IllegalStateException(
                  "Kubernetes mode needs the operator's address: set loopd.operator-address"
                      + " (env LOOPD_OPERATOR_ADDRESS) to host:port of the loopd operator's"
                      + " Service, port 7071"));
      channel = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
      runtime = new RemoteRuntime(channel, address);
    }
    return runtime;
  }

  synchronized void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (runtime != null) {
      runtime.close();
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (store != null) {
      store.close();
      client.close();
    }
  }
}
