package dev.loopd.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Helm chart and the plain manifests against a real kube-apiserver (v1.20, with etcd and RBAC;
 * no kubelet, so pods never run): helm lint, what helm template renders with the defaults and with
 * the options on or off, server-side dry runs of every rendering and of every file under k8s/, and
 * a real helm install, upgrade and uninstall.
 *
 * <p>The tests share one API server and run in order: the install comes before the k8s/ files,
 * which then find the CRDs the uninstall kept.
 */
@TestMethodOrder(OrderAnnotation.class)
class ChartIT {

  static final String NS = "loopd";
  static final String CHART = "helm/loopd";
  static final List<String> CRDS =
      List.of("looptenants.loopd.dev", "looppools.loopd.dev", "loophandlers.loopd.dev");

  /** Value combinations every check runs with: the defaults and each option turned around. */
  static final List<List<String>> VALUES =
      List.of(
          List.of(),
          List.of("--set", "crds.enabled=false"),
          List.of("--set", "crds.keep=false"),
          List.of("--set", "metrics.serviceMonitor.enabled=true"),
          List.of(
              "--set",
              "networkPolicy.enabled=true",
              "--set-json",
              "networkPolicy.controlApiFrom=[{\"namespaceSelector\":{}}]"),
          List.of(
              "--set",
              "adminToken.create=false",
              "--set",
              "operator.replicas=2",
              "--set",
              "controlApi.replicas=2",
              "--set",
              "controlApi.service.type=NodePort",
              "--set",
              "image.registry=registry.example/loopd",
              "--set",
              "image.tag=test",
              "--set",
              "image.pullSecrets={regcred}",
              "--set-json",
              "operator.extraEnv=[{\"name\":\"X\",\"value\":\"1\"}]",
              "--set-json",
              "controlApi.nodeSelector={\"kubernetes.io/os\":\"linux\"}",
              "--set-json",
              "operator.tolerations=[{\"operator\":\"Exists\"}]"));

  static ApiServer api;

  @BeforeAll
  static void startApiServer() {
    api = ApiServer.start();
  }

  @AfterAll
  static void stopApiServer() {
    if (api != null) {
      api.close();
    }
  }

  static Manifests template(List<String> values) {
    List<String> args = new ArrayList<>(List.of("template", "loopd", CHART, "--namespace", NS));
    args.addAll(values);
    return Manifests.parse(api.helm(args.toArray(String[]::new)).run().ok().output());
  }

  static String templateText(List<String> values) {
    List<String> args = new ArrayList<>(List.of("template", "loopd", CHART, "--namespace", NS));
    args.addAll(values);
    return api.helm(args.toArray(String[]::new)).run().ok().output();
  }

  @Test
  @Order(1)
  void lintPassesWithEveryValueCombination() {
    for (List<String> values : VALUES) {
      List<String> args = new ArrayList<>(List.of("lint", "--strict", CHART));
      args.addAll(values);
      assertThat(api.helm(args.toArray(String[]::new)).run().ok().output())
          .contains("0 chart(s) failed");
    }
  }

  @Test
  @Order(1)
  void lintRefusesValuesTheSchemaDoesNotKnow() {
    Command.Result r = api.helm("lint", CHART, "--set", "operator.replica=2").run();
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("Additional property replica is not allowed");
  }

  @Test
  @Order(1)
  void operatorRunsItsImageWithTheDownwardApiAndTheAddressNodesDial() {
    Manifests m = template(List.of());
    String version = Repo.projectVersion();
    JsonNode deployment = m.get("Deployment", "loopd-operator");
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
    JsonNode c = Manifests.container(deployment);
    assertThat(c.path("image").asText()).isEqualTo("ghcr.io/loopd/operator:" + version);
    assertThat(ports(c)).containsExactly("grpc=7071", "http=8080");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(fieldRef(c, "POD_IP")).isEqualTo("status.podIP");
    assertThat(fieldRef(c, "POD_NAME")).isEqualTo("metadata.name");
    assertThat(fieldRef(c, "POD_NAMESPACE")).isEqualTo("metadata.namespace");
    assertThat(value(c, "LOOPD_OPERATOR_NODE_IMAGE"))
        .isEqualTo("ghcr.io/loopd/loop-node:" + version);
    assertThat(value(c, "LOOPD_OPERATOR_CONTROL_PLANE")).isEqualTo("loopd-operator.loopd.svc:7071");
    assertThat(value(c, "LOOPD_OPERATOR_SERVICE_NAME")).isEqualTo("loopd-operator");
    assertThat(value(c, "LOOPD_OPERATOR_LEADER_ELECTION_LEASE_NAME")).isEqualTo("loopd-operator");
    assertThat(value(c, "LOOPD_OPERATOR_NODE_REQUESTS_CPU")).isEqualTo("250m");
    assertThat(value(c, "LOOPD_OPERATOR_NODE_LIMITS_MEMORY")).isEqualTo("1Gi");
    assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText())
        .isEqualTo("loopd-operator");
    assertThat(servicePorts(m.get("Service", "loopd-operator"))).contains("grpc=7071");
  }

  @Test
  @Order(1)
  void controlApiRunsInKubernetesModeWithProbesKubernetes120Knows() {
    Manifests m = template(List.of());
    JsonNode c = Manifests.container(m.get("Deployment", "loopd-control-api"));
    assertThat(c.path("image").asText())
        .isEqualTo("ghcr.io/loopd/control-api:" + Repo.projectVersion());
    assertThat(ports(c)).containsExactly("grpc=7070");
    assertThat(value(c, "LOOPD_MODE")).isEqualTo("kubernetes");
    assertThat(value(c, "LOOPD_OPERATOR_ADDRESS")).isEqualTo("loopd-operator.loopd.svc:7071");
    assertThat(value(c, "LOOPD_TOKEN_NAMESPACE")).isEqualTo(NS);
    assertThat(fieldRef(c, "POD_IP")).isEqualTo("status.podIP");
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertThat(c.path(probe).path("tcpSocket").path("port").asText())
          .as("%s (grpc probes need Kubernetes 1.24)", probe)
          .isEqualTo("grpc");
    }
    assertThat(servicePorts(m.get("Service", "loopd-control-api"))).containsExactly("grpc=7070");
  }

  @Test
  @Order(1)
  void secretsAreReachableOnlyInTheReleaseNamespaceAndOnlyTheControlApiWritesThem() {
    Manifests m = template(List.of());
    for (JsonNode role : m.ofKind("ClusterRole")) {
      for (JsonNode rule : role.path("rules")) {
        assertThat(rule.path("resources").toString())
            .as("rules of ClusterRole %s", role.at("/metadata/name").asText())
            .doesNotContain("secrets");
      }
    }
    JsonNode tokens = m.get("Role", "loopd-control-api-tokens");
    assertThat(tokens.at("/metadata/namespace").asText()).isEqualTo(NS);
    assertThat(tokens.at("/rules/0/resources").toString()).isEqualTo("[\"secrets\"]");
    JsonNode operator = m.get("Role", "loopd-operator");
    assertThat(operator.at("/metadata/namespace").asText()).isEqualTo(NS);
    assertThat(operator.at("/rules/0/resources").toString()).isEqualTo("[\"leases\"]");
    assertThat(operator.at("/rules/1/resources").toString()).isEqualTo("[\"secrets\"]");
    assertThat(operator.at("/rules/1/verbs").toString()).isEqualTo("[\"get\",\"list\",\"watch\"]");
  }

  @Test
  @Order(1)
  void crdsFollowCrdsEnabledAndCrdsKeep() {
    List<JsonNode> crds = template(List.of()).ofKind("CustomResourceDefinition");
    assertThat(crds)
        .extracting(c -> c.at("/metadata/name").asText())
        .containsExactlyInAnyOrderElementsOf(CRDS);
    assertThat(crds)
        .allSatisfy(c ->
            assertThat(c.at("/metadata/annotations/helm.sh~1resource-policy").asText())
                .isEqualTo("keep"));

    assertThat(template(List.of("--set", "crds.keep=false")).ofKind("CustomResourceDefinition"))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.at("/metadata/annotations").isMissingNode()).isTrue());
    assertThat(template(List.of("--set", "crds.enabled=false")).ofKind("CustomResourceDefinition"))
        .isEmpty();
  }

  @Test
  @Order(1)
  void chartCrdsAreTheFilesUnderK8sCrds() throws IOException {
    List<JsonNode> rendered = template(List.of()).ofKind("CustomResourceDefinition");
    for (Path file : files(Repo.k8s().resolve("crds"))) {
      JsonNode expected = Manifests.parse(Files.readString(file)).objects().getFirst();
      JsonNode actual =
          rendered.stream()
              .filter(c -> c.at("/metadata/name").equals(expected.at("/metadata/name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the chart has no CRD of " + file))
              .deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) actual.path("metadata"))
          .remove("annotations");
      assertThat(actual).as("the chart's copy of %s", file).isEqualTo(expected);
    }
  }

  @Test
  @Order(1)
  void serviceMonitorsAndNetworkPoliciesOnlyWhenAskedFor() {
    Manifests defaults = template(List.of());
    assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
    assertThat(defaults.ofKind("NetworkPolicy")).isEmpty();

    Manifests monitored = template(List.of("--set", "metrics.serviceMonitor.enabled=true"));
    assertThat(monitored.ofKind("ServiceMonitor"))
        .extracting(s -> s.at("/metadata/name").asText())
        .containsExactly("loopd-operator", "loopd-nodes");
    assertThat(
            monitored
                .get("ServiceMonitor", "loopd-nodes")
                .at("/spec/namespaceSelector/any")
                .asBoolean())
        .isTrue();

    Manifests fenced = template(List.of("--set", "networkPolicy.enabled=true"));
    JsonNode operator = fenced.get("NetworkPolicy", "loopd-operator");
    assertThat(operator.at("/spec/ingress/0/ports/0/port").asText()).isEqualTo("grpc");
    assertThat(operator.at("/spec/ingress/0/from/1/podSelector/matchLabels").toString())
        .isEqualTo("{\"app.kubernetes.io/name\":\"loop-node\"}");
    assertThat(fenced.find("NetworkPolicy", "loopd-control-api")).isPresent();
  }

  @Test
  @Order(1)
  void helmTestPodInvokesThroughTheControlApiWithTheAdminToken() {
    Manifests m = template(List.of());
    JsonNode pod = m.get("Pod", "loopd-test");
    assertThat(pod.at("/metadata/annotations/helm.sh~1hook").asText()).isEqualTo("test");
    JsonNode c = pod.at("/spec/containers/0");
    assertThat(value(c, "LOOPD_API")).isEqualTo("loopd-control-api:7070");
    assertThat(c.at("/env").toString())
        .contains("\"secretKeyRef\":{\"name\":\"loopd-admin-token\"");
    assertThat(m.get("ConfigMap", "loopd-test").at("/data/helm-test.sh").asText())
        .contains("InvokeService/Invoke");
  }

  @Test
  @Order(2)
  void everyRenderingPassesServerSideDryRun() throws IOException {
    api.namespace(NS);
    // The Prometheus Operator's CRD is not part of loopd: a minimal stand-in lets the API server
    // take the ServiceMonitors.
    api.kubectl("apply", "-f", fixture("servicemonitor-crd.yaml").toString()).run().ok();
    api.crdsEstablished("servicemonitors.monitoring.coreos.com");
    for (List<String> values : VALUES) {
      String yaml = templateText(values);
      Command.Result r = api.kubectl("apply", "--dry-run=server", "-f", "-").stdin(yaml).run().ok();
      assertThat(r.output())
          .as("dry run with %s", values)
          .contains("deployment.apps/loopd-operator")
          .contains("deployment.apps/loopd-control-api");
    }
  }

  @Test
  @Order(3)
  void helmInstallDeploysTheReleaseAndUpgradesKeepTheAdminToken() throws Exception {
    api.helm("install", "loopd", CHART, "--namespace", NS, "--create-namespace").run().ok();
    JsonNode status =
        Manifests.yaml(api.helm("status", "loopd", "-n", NS, "-o", "json").run().ok().output());
    assertThat(status.at("/info/status").asText()).isEqualTo("deployed");

    api.kubectl(
            "get",
            "-n",
            NS,
            "deployment/loopd-operator",
            "deployment/loopd-control-api",
            "service/loopd-operator",
            "service/loopd-control-api",
            "serviceaccount/loopd-operator",
            "serviceaccount/loopd-control-api",
            "role/loopd-operator",
            "role/loopd-control-api-tokens",
            "secret/loopd-admin-token")
        .run()
        .ok();
    api.kubectl("get", "clusterrole/loopd-operator", "clusterrole/loopd-control-api").run().ok();
    api.crdsEstablished(CRDS.toArray(String[]::new));

    TokenRecord first = adminToken();
    assertThat(first.sha256()).isEqualTo(sha256(first.token()));
    assertThat(first.token()).matches("loopd_" + first.id() + "_[A-Za-z0-9]{43}");

    api.helm("upgrade", "loopd", CHART, "-n", NS, "--set", "controlApi.replicas=2").run().ok();
    assertThat(adminToken()).as("the admin token after helm upgrade").isEqualTo(first);
    assertThat(
            api.kubectl(
                    "get",
                    "-n",
                    NS,
                    "deployment/loopd-control-api",
                    "-o",
                    "jsonpath={.spec.replicas}")
                .run()
                .ok()
                .output())
        .isEqualTo("2");

    rbacGrantsWhatTheComponentsNeedAndNoMore();

    api.helm("uninstall", "loopd", "-n", NS).run().ok();
    assertThat(api.kubectl("get", "-n", NS, "deployment/loopd-operator").run().exitCode())
        .isNotZero();
    api.kubectl("get", "crd/" + CRDS.get(0), "crd/" + CRDS.get(1), "crd/" + CRDS.get(2)).run().ok();
  }

  /** Asked of the API server's RBAC authorizer, as the release's ServiceAccounts. */
  void rbacGrantsWhatTheComponentsNeedAndNoMore() {
    String operator = "system:serviceaccount:loopd:loopd-operator";
    assertCan(operator, true, "create", "deployments.apps", "loopd-acme");
    assertCan(operator, true, "create", "poddisruptionbudgets.policy", "loopd-acme");
    assertCan(operator, true, "patch", "pods", "loopd-acme");
    assertCan(operator, true, "delete", "pods", "loopd-acme");
    assertCan(operator, true, "create", "configmaps", "loopd-acme");
    assertCan(operator, true, "create", "namespaces", null);
    assertCan(operator, true, "create", "events", "loopd-acme");
    assertCan(operator, true, "update", "looppools.loopd.dev", "loopd-acme", "--subresource=scale");
    assertCan(operator, true, "patch", "looppools.loopd.dev", "loopd-acme", "--subresource=status");
    assertCan(operator, true, "update", "leases.coordination.k8s.io", NS);
    assertCan(operator, false, "update", "leases.coordination.k8s.io", "kube-system");
    assertCan(operator, false, "create", "pods", "loopd-acme");
    assertCan(operator, true, "watch", "secrets", NS);
    assertCan(operator, false, "create", "secrets", NS);
    assertCan(operator, false, "get", "secrets", "loopd-acme");
    assertCan(operator, false, "create", "looppools.loopd.dev", "loopd-acme");

    String controlApi = "system:serviceaccount:loopd:loopd-control-api";
    assertCan(controlApi, true, "create", "secrets", NS);
    assertCan(controlApi, false, "get", "secrets", "loopd-acme");
    assertCan(controlApi, true, "create", "loophandlers.loopd.dev", "loopd-acme");
    assertCan(controlApi, true, "create", "looptenants.loopd.dev", null);
    assertCan(controlApi, true, "create", "configmaps", "loopd-acme");
    assertCan(controlApi, true, "patch", "configmaps", "loopd-acme");
    assertCan(controlApi, false, "update", "configmaps", "loopd-acme");
    assertCan(controlApi, false, "create", "namespaces", null);
    assertCan(controlApi, false, "create", "deployments.apps", "loopd-acme");
    assertCan(controlApi, false, "patch", "pods", "loopd-acme");
  }

  private void assertCan(
      String user, boolean expected, String verb, String resource, String ns, String... extra) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i", verb, resource, "--as", user));
    if (ns != null) {
      args.add("-n");
      args.add(ns);
    }
    args.addAll(List.of(extra));
    Command.Result r = api.kubectl(args.toArray(String[]::new)).run();
    assertThat(r.output().strip())
        .as("%s may %s %s %s in %s", user, verb, resource, String.join(" ", extra), ns)
        .endsWith(expected ? "yes" : "no");
  }

  @Test
  @Order(4)
  void everyFileUnderK8sPassesServerSideDryRun() throws IOException {
    api.kubectl("apply", "-f", "k8s/crds/").run().ok();
    api.crdsEstablished(CRDS.toArray(String[]::new));
    api.namespace(NS);
    api.namespace("loopd-demo"); // the operator makes it from the LoopTenant
    List<Path> files;
    try (Stream<Path> all = Files.walk(Repo.k8s())) {
      files =
          all.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    assertThat(files)
        .extracting(f -> Repo.k8s().relativize(f).toString())
        .contains(
            "install/loopd.yaml",
            "examples/00-tenant.yaml",
            "examples/10-pool.yaml",
            "examples/20-handler-hello.yaml");
    for (Path file : files) {
      Command.Result r = api.kubectl("apply", "--dry-run=server", "-f", file.toString()).run().ok();
      assertThat(r.output()).as("%s", file).contains("(server dry run)");
    }
  }

  @Test
  @Order(5)
  void adminTokenScriptStoresOnlyTheHashOfItsToken() throws Exception {
    api.namespace(NS);
    api.kubectl("delete", "secret", "loopd-admin-token", "-n", NS, "--ignore-not-found").run().ok();
    Command.of(api.env(), "k8s/install/admin-token.sh", "-n", NS).in(Repo.root()).run().ok();
    TokenRecord record = adminToken();
    assertThat(record.sha256()).isEqualTo(sha256(record.token()));
    assertThat(record.token()).matches("loopd_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");

    Command.Result again =
        Command.of(api.env(), "k8s/install/admin-token.sh", "-n", NS).in(Repo.root()).run().ok();
    assertThat(again.output()).contains("nothing to do");
    assertThat(adminToken()).isEqualTo(record);
  }

  /** The admin token (Secret loopd-admin-token) and its record in the token store. */
  record TokenRecord(String token, String id, String sha256, Instant createTime) {}

  private static TokenRecord adminToken() {
    JsonNode secret =
        Manifests.yaml(
            api.kubectl("get", "-n", NS, "secret/loopd-admin-token", "-o", "json")
                .run()
                .ok()
                .output());
    String token = decode(secret.at("/data/token"));
    String id = token.split("_")[1];
    JsonNode record =
        Manifests.yaml(
            api.kubectl("get", "-n", NS, "secret/loopd-token-" + id, "-o", "json")
                .run()
                .ok()
                .output());
    assertThat(record.at("/metadata/labels/loopd.dev~1token").asText()).isEqualTo("true");
    assertThat(decode(record.at("/data/id"))).isEqualTo(id);
    assertThat(decode(record.at("/data/admin"))).isEqualTo("true");
    assertThat(decode(record.at("/data/tenant"))).isEmpty();
    return new TokenRecord(
        token,
        id,
        decode(record.at("/data/sha256")),
        Instant.parse(decode(record.at("/data/createTime"))));
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  private static String sha256(String s) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> ports(JsonNode container) {
    List<String> out = new ArrayList<>();
    container
        .path("ports")
        .forEach(p -> out.add(p.path("name").asText() + "=" + p.path("containerPort").asInt()));
    return out;
  }

  private static List<String> servicePorts(JsonNode service) {
    List<String> out = new ArrayList<>();
    service
        .at("/spec/ports")
        .forEach(p -> out.add(p.path("name").asText() + "=" + p.path("port").asInt()));
    return out;
  }

  private static String value(JsonNode container, String env) {
    return Manifests.env(container, env)
        .orElseThrow(() -> new AssertionError("no env " + env + " in " + container.path("env")))
        .path("value")
        .asText();
  }

  private static String fieldRef(JsonNode container, String env) {
    return Manifests.env(container, env)
        .orElseThrow(() -> new AssertionError("no env " + env + " in " + container.path("env")))
        .at("/valueFrom/fieldRef/fieldPath")
        .asText();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private static Path fixture(String name) {
    return Repo.root().resolve("e2e/src/test/resources/chart/" + name);
  }
}
