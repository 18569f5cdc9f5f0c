package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Test scaffolding for {@link FakeKubelet}: Service names for processes that have no cluster DNS
 * and no kube-proxy. Every pod gets a hosts file (given to its JVMs as {@code
 * -Djdk.net.hosts.file}) that maps each Service with a ready endpoint to one ready endpoint's pod
 * IP under {@code <svc>.<ns>.svc.cluster.local}, {@code <svc>.<ns>.svc}, {@code <svc>.<ns>} and,
 * for Services in the pod's own namespace, {@code <svc>}; plus {@code localhost}, this machine's
 * host name and the pod's own name. A Service keeps its address while that pod stays ready.
 *
 * <p>The endpoints are computed here the way the endpoints controller does (the Service's selector,
 * pods in its namespace that are Ready, have an IP and are not being deleted), because the API
 * server refuses Endpoints with loopback addresses ("may not be in the loopback range"), so {@link
 * KubeCluster} turns that controller off. There is no port mapping: a client reaches the pod on the
 * port it dials, so a Service works here when its {@code port} equals its {@code targetPort}.
 */
final class ServiceHosts implements AutoCloseable {

  private record Registered(String namespace, String podName, String ip, Path file) {}

  private final Map<String, Registered> pods = new HashMap<>();
  private final Map<String, String> chosen = new TreeMap<>();
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Pod> allPods;
  private final String machine;

  ServiceHosts(KubernetesClient client) {
    this.machine = machineName();
    this.services = client.services().inAnyNamespace().inform(onAnyChange(), 0);
    this.allPods = client.pods().inAnyNamespace().inform(onAnyChange(), 0);
    rewrite(); // events that came before both informers were assigned
  }

  private <T> ResourceEventHandler<T> onAnyChange() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T item) {
        rewrite();
      }

      @Override
      public void onUpdate(T before, T after) {
        rewrite();
      }

      @Override
      public void onDelete(T item, boolean unknown) {
        rewrite();
      }
    };
  }

  /** Writes {@code file} for a new pod and keeps it current; returns {@code file}. */
  synchronized Path register(String key, String namespace, String podName, String ip, Path file) {
    Registered r = new Registered(namespace, podName, ip, file);
    pods.put(key, r);
    write(r);
    return file;
  }

  synchronized void unregister(String key) {
    pods.remove(key);
  }

  /** The pod IP that {@code <service>.<namespace>} names now, if it has a ready endpoint. */
  synchronized Optional<String> address(String namespace, String service) {
    return Optional.ofNullable(chosen.get(namespace + "/" + service));
  }

  private synchronized void rewrite() {
    if (services == null || allPods == null) {
      return; // still constructing
    }
    Map<String, String> next = new TreeMap<>();
    for (Service service : services.getStore().list()) {
      Map<String, String> selector = service.getSpec().getSelector();
      if (selector == null || selector.isEmpty()) {
        continue;
      }
      String ns = service.getMetadata().getNamespace();
      String key = ns + "/" + service.getMetadata().getName();
      List<String> ready =
          allPods.getStore().list().stream()
              .filter(p -> ns.equals(p.getMetadata().getNamespace()))
              .filter(p -> labels(p).entrySet().containsAll(selector.entrySet()))
              .filter(ServiceHosts::ready)
              .map(p -> p.getStatus().getPodIP())
              .sorted()
              .toList();
      if (!ready.isEmpty()) {
        String before = chosen.get(key);
        next.put(key, ready.contains(before) ? before : ready.getFirst());
      }
    }
    if (next.equals(chosen)) {
      return;
    }
    chosen.clear();
    chosen.putAll(next);
    pods.values().forEach(this::write);
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  private static boolean ready(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getPodIP() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void write(Registered pod) {
    StringBuilder out =
        new StringBuilder("# fake kubelet (test scaffolding): Service -> a ready endpoint\n");
    out.append("127.0.0.1 localhost ").append(machine).append('\n');
    out.append(pod.ip()).append(' ').append(pod.podName()).append('\n');
    chosen.forEach((key, ip) -> {
      String ns = key.substring(0, key.indexOf('/'));
      String svc = key.substring(key.indexOf('/') + 1);
      String q = svc + "." + ns;
      out.append(ip).append(' ').append(q).append(".svc.cluster.local ");
      out.append(q).append(".svc ").append(q);
      if (ns.equals(pod.namespace())) {
        out.append(' ').append(svc);
      }
      out.append('\n');
    });
    try {
      Path tmp = pod.file().resolveSibling(pod.file().getFileName() + ".tmp");
      Files.writeString(tmp, out);
      Files.move(
          tmp, pod.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the hosts file " + pod.file(), e);
    }
  }

  private static String machineName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost.localdomain";
    }
  }

  @Override
  public void close() {
    services.close();
    allPods.close();
  }
}
