// What a JVM in a pod of the fake kubelet sees, run by FakeKubeletIT as image "in-pod"
// (`java InPod.java NAME...`): each NAME resolved through the pod's hosts file, then one call to
// the API server with the service-account token the kubelet passed in (KUBERNETES_* variables).
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

public class InPod {
  public static void main(String[] names) throws Exception {
    for (String name : names) {
      System.out.println("resolved " + name + " " + InetAddress.getByName(name).getHostAddress());
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (var in = new FileInputStream(System.getenv("KUBERNETES_CERTS_CA_FILE"))) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca" + i++, c);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .sslContext(tls)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(System.getenv("KUBERNETES_MASTER") + "/api/v1/namespaces/default/pods"))
                    .header("Authorization", "Bearer " + System.getenv("KUBERNETES_AUTH_TOKEN"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    System.out.println("api " + response.statusCode() + " " + response.body().replace('\n', ' '));
  }
}
