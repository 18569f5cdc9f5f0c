package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
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
 * host name and the pod's own name. The files are rewritten whenever Endpoints change; a Service
 * keeps its address while that endpoint stays ready.
 *
 * <p>There is no port mapping: a client reaches the pod on the port it dials, so a Service works
 * here when its {@code port} equals its {@code targetPort}.
 */
final class ServiceHosts implements AutoCloseable {

  private record Registered(String namespace, String podName, String ip, Path file) {}

  private final Map<String, Registered> pods = new HashMap<>();
  private final Map<String, String> chosen = new TreeMap<>();
  private final SharedIndexInformer<Endpoints> endpoints;
  private final String machine;

  ServiceHosts(KubernetesClient client) {
    this.machine = machineName();
    this.endpoints =
        client
            .endpoints()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Endpoints e) {
                    rewrite();
                  }

                  @Override
                  public void onUpdate(Endpoints before, Endpoints after) {
                    rewrite();
                  }

                  @Override
                  public void onDelete(Endpoints e, boolean unknown) {
                    rewrite();
                  }
                },
                0);
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
    Map<String, String> next = new TreeMap<>();
    for (Endpoints e : endpoints.getStore().list()) {
      String key = e.getMetadata().getNamespace() + "/" + e.getMetadata().getName();
      List<String> ready =
          e.getSubsets().stream()
              .map(EndpointSubset::getAddresses)
              .flatMap(List::stream)
              .map(EndpointAddress::getIp)
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

  private void write(Registered pod) {
    StringBuilder out =
        new StringBuilder("# fake kubelet (test scaffolding): Service -> a ready endpoint\n");
    out.append("127.0.0.1 localhost ").append(machine).append('\n');
    out.append(pod.ip()).append(' ').append(pod.podName()).append('\n');
    chosen.forEach(
        (key, ip) -> {
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
      Files.move(tmp, pod.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
    endpoints.close();
  }
}
