package dev.loopd.k8s.operator.it;

import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.operator.core.CoreHost;
import dev.loopd.k8s.operator.core.Tenants;
import dev.loopd.k8s.operator.driver.KubernetesNodeDriver;
import dev.loopd.k8s.operator.handler.LoopHandlerReconciler;
import dev.loopd.k8s.operator.model.NodeSettings;
import dev.loopd.k8s.operator.pool.LoopPoolReconciler;
import dev.loopd.k8s.operator.pool.PoolEvents;
import dev.loopd.k8s.operator.tenant.LoopTenantReconciler;
import dev.loopd.k8s.store.KubernetesStore;
import dev.loopd.k8s.testing.KubeApi;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The operator run in-process against a real kube-apiserver (no controller-manager, no kubelet:
 * Deployments get no pods, nothing collects garbage): the same parts {@code OperatorBeans} wires in
 * Quarkus, registered with a plain JOSDK {@link Operator}, the operator core leading at once, and
 * its node sessions on an in-process gRPC server for scripted nodes.
 */
public final class OperatorHarness implements AutoCloseable {

  public static final String SYSTEM_NAMESPACE = "loopd-system";
  public static final String CONTROL_PLANE = "loopd-operator.loopd-system.svc:7071";

  public final KubeApi kube;
  public final KubernetesClient client;
  public final MutableClock clock = new MutableClock();
  public final KubernetesStore store;
  public final Tenants tenants;
  public final PoolEvents events;
  public final KubernetesNodeDriver driver;
  public final CoreHost core;
  public final NodeSettings settings;
  public final LoopPoolReconciler pools;
  public final Operator operator;
  public final List<String> driverFailures = new CopyOnWriteArrayList<>();
  private final Server sessions;
  private final String sessionsName = InProcessServerBuilder.generateName();
  private final List<ManagedChannel> channels = new ArrayList<>();

  public OperatorHarness() throws IOException {
    kube = KubeApi.start();
    client = kube.client();
    kube.apply(
        new NamespaceBuilder()
            .withMetadata(new ObjectMetaBuilder().withName(SYSTEM_NAMESPACE).build())
            .build());
    store = new KubernetesStore(client, SYSTEM_NAMESPACE, clock).start();
    tenants = new Tenants(client).start();
    events = new PoolEvents(client, clock, "operator-it");
    driver =
        new KubernetesNodeDriver(
                client, tenants::namespaceOf, (pool, message) -> driverFailures.add(message))
            .start();
    core = new CoreHost(store, driver, clock);
    boolean v1 =
        client.supports(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
    settings =
        new NodeSettings(
            "ghcr.io/loopd/loop-node:it",
            "IfNotPresent",
            CONTROL_PLANE,
            5,
            30,
            null,
            v1 ? NodeSettings.PDB_V1 : NodeSettings.PDB_V1BETA1);
    pools = new LoopPoolReconciler(settings, tenants, core, driver, events, clock);
    operator =
        new Operator(o ->
            o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(true)
                .withCacheSyncTimeout(Duration.ofSeconds(60)));
    operator.register(pools);
    operator.register(new LoopTenantReconciler(store, core, clock));
    operator.register(new LoopHandlerReconciler(store, tenants, core, clock));
    operator.start();
    core.startLeading();
    sessions =
        InProcessServerBuilder.forName(sessionsName)
            .addService(core.sessionService())
            .build()
            .start();
  }

  /** Creates the tenant and waits for the operator to create its namespace. */
  public void tenant(String name) {
    LoopTenant t = new LoopTenant();
    t.setMetadata(new ObjectMetaBuilder().withName(name).build());
    client.resource(t).create();
    String ns = "loopd-" + name;
    client.namespaces().withName(ns).waitUntilCondition(n -> n != null, 30, TimeUnit.SECONDS);
    // The store and the tenant directory see the tenant (informers) before pools are created.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((store.tenant(name).isEmpty() || tenants.namespaceOf(name).isEmpty())
        && System.nanoTime() < end) {
      sleep(50);
    }
  }

  /** A channel to the operator core's node session service. */
  public ManagedChannel sessionChannel() {
    ManagedChannel c = InProcessChannelBuilder.forName(sessionsName).build();
    channels.add(c);
    return c;
  }

  /** Runs kubectl (from the test binaries) against this API server; returns its output. */
  public String kubectl(String... args) throws IOException, InterruptedException {
    Path bin =
        KubeApi.binariesDir().resolve("k8s").resolve(KubeApi.VERSION + "-linux-amd64/kubectl");
    List<String> cmd =
        new ArrayList<>(List.of(bin.toString(), "--kubeconfig", kube.kubeconfig().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    sessions.shutdownNow();
    operator.stop();
    core.close();
    driver.close();
    tenants.close();
    store.close();
    kube.close();
  }

  public static Path writeTemp(String content) {
    try {
      Path f = Files.createTempFile("loopd-it-", ".yaml");
      Files.writeString(f, content);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls {@code get} until {@code ok} holds (or {@code timeout} passes, failing with {@code what}
   * and the last value seen).
   */
  public static <T> T await(
      String what,
      Duration timeout,
      java.util.function.Supplier<T> get,
      java.util.function.Predicate<T> ok) {
    long end = System.nanoTime() + timeout.toNanos();
    T last = null;
    RuntimeException error = null;
    while (System.nanoTime() < end) {
      try {
        last = get.get();
        error = null;
        if (ok.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        error = e;
      }
      sleep(100);
    }
    AssertionError failure =
        new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; last: " + last);
    if (error != null) {
      failure.initCause(error);
    }
    throw failure;
  }
}
