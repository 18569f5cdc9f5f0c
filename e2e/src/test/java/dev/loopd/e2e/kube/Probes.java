package dev.loopd.e2e.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Test scaffolding for {@link FakeKubelet}: one run of a probe ({@code httpGet}: 200-399 within the
 * timeout; {@code tcpSocket}: the port accepts) against the pod's address, and the {@code httpGet}
 * of a {@code preStop} hook. {@code exec} probes would need the container's file system, which
 * processes on this machine do not have: they fail, so an unsupported probe shows up as a pod that
 * never gets ready rather than as a false success.
 */
final class Probes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Probes() {}

  /** Thrown for probes this kubelet cannot run, with the reason. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message);
    }
  }

  static boolean check(Probe probe, Container container, String podIp) {
    Duration timeout = Duration.ofSeconds(orDefault(probe.getTimeoutSeconds(), 1));
    if (probe.getHttpGet() != null) {
      return httpGet(probe.getHttpGet(), container, podIp, timeout);
    }
    if (probe.getTcpSocket() != null) {
      String host = probe.getTcpSocket().getHost();
      int port = port(probe.getTcpSocket().getPort(), container);
      try (Socket s = new Socket()) {
        s.connect(
            new InetSocketAddress(host == null || host.isBlank() ? podIp : host, port),
            (int) timeout.toMillis());
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    throw new Unsupported("only httpGet and tcpSocket probes run on the fake kubelet: " + probe);
  }

  static boolean httpGet(HTTPGetAction get, Container container, String podIp, Duration timeout) {
    String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase();
    if (!scheme.equals("http")) {
      throw new Unsupported("httpGet over " + scheme + " is not supported by the fake kubelet");
    }
    String host = get.getHost() == null || get.getHost().isBlank() ? podIp : get.getHost();
    String path = get.getPath() == null || get.getPath().isEmpty() ? "/" : get.getPath();
    URI uri = URI.create("http://" + host + ":" + port(get.getPort(), container) + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    get.getHttpHeaders().forEach(h -> request.header(h.getName(), h.getValue()));
    try {
      int code = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return code >= 200 && code < 400;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A probe's port: a number, or the name of one of the container's ports. */
  static int port(IntOrString port, Container container) {
    if (port == null) {
      throw new Unsupported("a probe without a port");
    }
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() ->
            new Unsupported(
                "container " + container.getName() + " has no port named " + port.getStrVal()));
  }

  static int orDefault(Integer value, int otherwise) {
    return value == null || value <= 0 ? otherwise : value;
  }
}
