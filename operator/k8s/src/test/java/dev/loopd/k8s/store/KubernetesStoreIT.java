package dev.loopd.k8s.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.convert.HandlerConversions;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingMode;
import dev.loopd.k8s.crd.v1alpha1.AutoscalingSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopPoolSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.crd.v1alpha1.LoopTenantSpec;
import dev.loopd.k8s.testing.KubeApi;
import dev.loopd.operator.store.StoreException;
import dev.loopd.operator.store.StoreListener.Kind;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;
import dev.loopd.proto.node.v1.Limits;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KubernetesStore} against a real kube-apiserver + etcd (v1.20.2). */
class KubernetesStoreIT {

  private static final String TOKENS_NS = "loopd-system";

  private static KubeApi kube;
  private static KubernetesClient client;
  private static KubernetesStore store;

  @BeforeAll
  static void start() {
    kube = KubeApi.start();
    client = kube.client();
    kube.apply(new NamespaceBuilder().withNewMetadata().withName(TOKENS_NS).endMetadata().build());
    store = new KubernetesStore(client, TOKENS_NS).start();
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (kube != null) {
      kube.close();
    }
  }

  private static Tenant tenant(String name) {
    Tenant t =
        Tenant.newBuilder()
            .setName(name)
            .setQuotas(Quotas.newBuilder().setMaxPools(4).setMaxNodes(12))
            .setCreateTime(Timestamps.fromMillis(1_600_000_000_000L))
            .build();
    store.putTenant(t);
    assertThat(store.tenant(name)).contains(t);
    return t;
  }

  private static Pool pool(String tenant, String name, PoolSpec spec) {
    return Pool.newBuilder()
        .setName(name)
        .setTenant(tenant)
        .setSpec(spec)
        .setCreateTime(Timestamps.fromMillis(1_600_000_000_001L))
        .setUpdateTime(Timestamps.fromMillis(1_700_000_000_123L))
        .build();
  }

  private static PoolSpec manual(int nodes) {
    return PoolSpec.newBuilder()
        .setMinNodes(0)
        .setMaxNodes(8)
        .setNodes(nodes)
        .setAutoscaling(
            AutoscalingPolicy.newBuilder()
                .setMode(AutoscalingPolicy.Mode.MODE_MANUAL)
                .setTargetElu(0.5)
                .setStableWindow(Durations.fromSeconds(30))
                .setPanicWindow(Durations.fromMillis(2500)))
        .setLagLimit(Durations.fromMillis(40))
        .setDefaultLimits(Limits.newBuilder().setCpuBudgetMs(200))
        .build();
  }

  private static HandlerVersion version(String n, String source, Limits limits) {
    return HandlerVersion.newBuilder()
        .setVersion(n)
        .setSourceSha256(HandlerConversions.sha256(source))
        .setSourceSizeBytes(source.getBytes(StandardCharsets.UTF_8).length)
        .setLimits(limits)
        .setDescription("version " + n)
        .setCreateTime(Timestamps.fromMillis(1_700_000_000_000L + Long.parseLong(n)))
        .setSource(source)
        .build();
  }

  /** What SubmitHandler stores: a handler whose active and latest version is {@code v}. */
  private static Handler submit(String tenant, String name, HandlerVersion v) {
    Handler h =
        Handler.newBuilder()
            .setName(name)
            .setTenant(tenant)
            .setPool("web")
            .setActiveVersion(v.getVersion())
            .setLatestVersion(v.getVersion())
            .setLimits(v.getLimits())
            .setDescription(v.getDescription())
            .setCreateTime(Timestamps.fromMillis(1_600_000_000_000L))
            .setUpdateTime(v.getCreateTime())
            .build();
    store.putHandler(h, v);
    Handler stored = store.handler(tenant, name).orElseThrow();
    if (stored.getActiveVersion().equals(v.getVersion())) {
      assertThat(stored).isEqualTo(h);
    }
    return stored;
  }

  private static String src(String text) {
    return "export default async () => new Response(" + text + ")\n";
  }

  @Test
  void crdsAreEstablishedWithTheirSubresources() {
    List<CustomResourceDefinition> crds =
        client.apiextensions().v1().customResourceDefinitions().list().getItems();
    assertThat(crds)
        .extracting(c -> c.getMetadata().getName())
        .contains("looptenants.loopd.dev", "looppools.loopd.dev", "loophandlers.loopd.dev");
    for (CustomResourceDefinition crd : crds) {
      assertThat(crd.getStatus().getConditions())
          .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
    }
  }

  @Test
  void tenantsRoundTripAndGetTheirNamespace() {
    Tenant t = tenant("acme");
    assertThat(t.getName()).isEqualTo("acme");
    assertThat(t.getQuotas().getMaxPools()).isEqualTo(4);
    assertThat(t.hasCreateTime()).isTrue();
    assertThat(client.resources(LoopTenant.class).withName("acme").get().getSpec().getNamespace())
        .isEqualTo("loopd-acme");
    assertThat(client.namespaces().withName("loopd-acme").get()).isNotNull();
    store.putTenant(t.toBuilder().setQuotas(Quotas.newBuilder().setMaxPools(9)).build());
    assertThat(store.tenant("acme").orElseThrow().getQuotas().getMaxPools()).isEqualTo(9);
    assertThat(store.tenants()).extracting(Tenant::getName).contains("acme");
  }

  @Test
  void tokensAreSecretsWithHashesOnlyAndGoWithTheirTenant() {
    tenant("tok");
    TokenRecord t =
        new TokenRecord(
            "abcdefgh2345",
            "tok",
            false,
            "ab".repeat(32),
            "ci",
            Instant.parse("2025-01-02T03:04:05.678Z"));
    TokenRecord admin =
        new TokenRecord("zzzzzzzzzzzz", "", true, "cd".repeat(32), "root", Instant.EPOCH);
    store.putToken(t);
    store.putToken(admin);
    assertThat(store.token("abcdefgh2345")).contains(t);
    assertThat(store.tokens()).contains(t, admin);
    Secret s = client.secrets().inNamespace(TOKENS_NS).withName("loopd-token-abcdefgh2345").get();
    assertThat(s.getMetadata().getLabels()).containsEntry(LoopdLabels.TOKEN, "true");
    assertThat(s.getData()).doesNotContainKey("token");

    assertThat(store.deleteTenant("tok")).isTrue();
    assertThat(store.tenant("tok")).isEmpty();
    assertThat(store.token("abcdefgh2345")).isEmpty();
    assertThat(store.token("zzzzzzzzzzzz")).contains(admin);
    assertThat(store.deleteToken("zzzzzzzzzzzz")).isTrue();
    assertThat(store.deleteToken("zzzzzzzzzzzz")).isFalse();
    assertThat(store.deleteTenant("tok")).isFalse();
  }

  @Test
  void poolsRoundTripAndTheScaleSubresourceSizesAManualPool() {
    tenant("pools");
    Pool p = pool("pools", "web", manual(2));
    store.putPool(p);
    Pool read = store.pool("pools", "web").orElseThrow();
    assertThat(read).isEqualTo(p.toBuilder().setGeneration(1).build());
    assertThat(store.pools("pools")).containsExactly(read);
    assertThat(store.allPools()).contains(read);

    // kubectl scale looppool/web --replicas=5
    client.resources(LoopPool.class).inNamespace("loopd-pools").withName("web").scale(5);
    await(() -> store.pool("pools", "web").orElseThrow().getSpec().getNodes() == 5);
    assertThat(store.pool("pools", "web").orElseThrow().getGeneration()).isEqualTo(2);

    store.putPool(pool("pools", "web", manual(3)));
    assertThat(store.pool("pools", "web").orElseThrow().getSpec().getNodes()).isEqualTo(3);
    assertThat(store.deletePool("pools", "web")).isTrue();
    assertThat(store.pool("pools", "web")).isEmpty();
    assertThat(store.deletePool("pools", "web")).isFalse();
  }

  @Test
  void underAutoTheStoreKeepsTheReplicasTheAutoscalerWrote() {
    tenant("auto");
    PoolSpec auto =
        manual(0).toBuilder()
            .setAutoscaling(
                AutoscalingPolicy.newBuilder().setMode(AutoscalingPolicy.Mode.MODE_AUTO))
            .build();
    store.putPool(pool("auto", "web", auto));
    client.resources(LoopPool.class).inNamespace("loopd-auto").withName("web").scale(4);
    await(() -> store.pool("auto", "web").orElseThrow().getGeneration() == 2);
    store.putPool(pool("auto", "web", auto.toBuilder().setMaxNodes(10).build()));
    LoopPool cr = client.resources(LoopPool.class).inNamespace("loopd-auto").withName("web").get();
    assertThat(cr.getSpec().getReplicas()).isEqualTo(4);
    assertThat(cr.getSpec().getMaxNodes()).isEqualTo(10);
  }

  @Test
  void handlersAndVersionsRoundTripAndRollbackWritesTheOldSource() {
    tenant("hv");
    Limits fast = Limits.newBuilder().setCpuBudgetMs(50).setDeadlineMs(1500).build();
    Handler h1 = submit("hv", "hello", version("1", src("'one'"), fast));
    assertThat(h1.getActiveVersion()).isEqualTo("1");
    assertThat(h1.getLatestVersion()).isEqualTo("1");
    assertThat(h1.getLimits()).isEqualTo(fast);
    assertThat(h1.getPool()).isEqualTo("web");
    Handler h2 = submit("hv", "hello", version("2", src("'two'"), Limits.getDefaultInstance()));
    assertThat(h2.getActiveVersion()).isEqualTo("2");
    assertThat(store.versions("hv", "hello"))
        .extracting(HandlerVersion::getVersion)
        .containsExactly("1", "2");
    assertThat(store.version("hv", "hello", "1")).contains(version("1", src("'one'"), fast));
    assertThat(store.handlers("hv")).containsExactly(h2);

    ConfigMap cm = client.configMaps().inNamespace("loopd-hv").withName("hello-v1").get();
    assertThat(cm.getImmutable()).isTrue();
    assertThat(cm.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("LoopHandler"));
    cm.getData().put("source", "tampered");
    assertThatThrownBy(() -> client.resource(cm).update())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("immutable");

    // RollbackHandler: active version 1, its limits.
    store.putHandler(h2.toBuilder().setActiveVersion("1").setLimits(fast).build(), null);
    Handler back = store.handler("hv", "hello").orElseThrow();
    assertThat(back.getActiveVersion()).isEqualTo("1");
    assertThat(back.getLatestVersion()).isEqualTo("2");
    assertThat(back.getLimits()).isEqualTo(fast);
    LoopHandler cr =
        client.resources(LoopHandler.class).inNamespace("loopd-hv").withName("hello").get();
    assertThat(cr.getSpec().getSource()).isEqualTo(src("'one'"));
    assertThat(cr.getSpec().getLimits().getCpuBudget()).isEqualTo("50ms");
  }

  @Test
  void aTakenVersionNumberMovesToTheNextOne() {
    tenant("claim");
    submit("claim", "h", version("1", src("1"), Limits.getDefaultInstance()));
    // Another writer claimed 2 first.
    HandlerVersion theirs = version("2", src("theirs"), Limits.getDefaultInstance());
    client
        .configMaps()
        .inNamespace("loopd-claim")
        .resource(HandlerConversions.toConfigMap(theirs, "claim", "h", "loopd-claim", null))
        .create();
    Handler h = submit("claim", "h", version("2", src("mine"), Limits.getDefaultInstance()));
    assertThat(h.getActiveVersion()).isEqualTo("3");
    assertThat(store.version("claim", "h", "3").orElseThrow().getSource()).isEqualTo(src("mine"));
  }

  @Test
  void aKubectlEditOfTheSourceReachesListenersAndIsSnapshotted() throws Exception {
    tenant("edit");
    submit("edit", "hello", version("1", src("'one'"), Limits.getDefaultInstance()));
    BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    store.addListener((kind, t, name) -> changes.add(kind + " " + t + "/" + name));

    // kubectl edit loophandler hello: a new source, straight to the API server.
    client
        .resources(LoopHandler.class)
        .inNamespace("loopd-edit")
        .withName("hello")
        .edit(h -> {
          h.getSpec().setSource(src("'edited'"));
          return h;
        });
    assertThat(poll(changes, "HANDLER edit/hello")).isTrue();
    // Not yet snapshotted: the handler keeps running version 1.
    assertThat(store.handler("edit", "hello").orElseThrow().getActiveVersion()).isEqualTo("1");

    HandlerVersion v = store.ensureVersionForSource("edit", "hello").orElseThrow();
    assertThat(v.getVersion()).isEqualTo("2");
    assertThat(v.getSource()).isEqualTo(src("'edited'"));
    assertThat(v.getSourceSha256()).isEqualTo(HandlerConversions.sha256(src("'edited'")));
    Handler h = store.handler("edit", "hello").orElseThrow();
    assertThat(h.getActiveVersion()).isEqualTo("2");
    assertThat(h.getLatestVersion()).isEqualTo("2");
    assertThat(store.ensureVersionForSource("edit", "hello")).contains(v);
    assertThat(store.versions("edit", "hello")).hasSize(2);
  }

  @Test
  void aKubectlCreatedHandlerAppearsOnceSnapshotted() {
    tenant("kc");
    LoopHandler cr =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: loopd.dev/v1alpha1
                kind: LoopHandler
                metadata: {name: made-by-kubectl, namespace: loopd-kc}
                spec:
                  pool: web
                  source: "export default async () => new Response('hi')"
                  limits: {deadline: 2s}
                """,
                LoopHandler.class);
    client.resource(cr).create();
    await(() -> store.ensureVersionForSource("kc", "made-by-kubectl").isPresent());
    Handler h = store.handler("kc", "made-by-kubectl").orElseThrow();
    assertThat(h.getActiveVersion()).isEqualTo("1");
    assertThat(h.getLimits().getDeadlineMs()).isEqualTo(2000);
  }

  @Test
  void staleWritesAreRetriedAfterA409() {
    tenant("conflict");
    store.putPool(pool("conflict", "web", manual(1)));
    LoopPool stale =
        client.resources(LoopPool.class).inNamespace("loopd-conflict").withName("web").get();
    // Someone else writes in between: the copy above is now stale.
    client
        .resources(LoopPool.class)
        .inNamespace("loopd-conflict")
        .withName("web")
        .edit(p -> {
          p.getMetadata().getAnnotations().put("someone/else", "was here");
          return p;
        });
    AtomicInteger attempts = new AtomicInteger();
    LoopPool out =
        Optimistic.upsert(
            client.resources(LoopPool.class).inNamespace("loopd-conflict"),
            client.getKubernetesSerialization(),
            "web",
            stale,
            cur -> {
              attempts.incrementAndGet();
              cur.getSpec().setMaxNodes(7);
              return cur;
            });
    assertThat(attempts).hasValue(2);
    assertThat(out.getSpec().getMaxNodes()).isEqualTo(7);
    assertThat(out.getMetadata().getAnnotations()).containsEntry("someone/else", "was here");
  }

  @Test
  void concurrentWritersThroughTwoStoresBothLand() throws Exception {
    tenant("race");
    try (KubernetesStore other = new KubernetesStore(client, TOKENS_NS).start()) {
      store.putPool(pool("race", "a", manual(1)));
      Thread[] writers = new Thread[4];
      for (int i = 0; i < writers.length; i++) {
        KubernetesStore s = i % 2 == 0 ? store : other;
        int n = i;
        writers[i] =
            Thread.ofPlatform()
                .start(() -> {
                  for (int k = 0; k < 5; k++) {
                    s.putPool(pool("race", "a", manual(1).toBuilder().setMaxNodes(10 + n).build()));
                    s.putTenant(
                        Tenant.newBuilder()
                            .setName("race")
                            .setQuotas(Quotas.newBuilder().setMaxPools(n + 1))
                            .build());
                  }
                });
      }
      for (Thread t : writers) {
        t.join();
      }
      assertThat(store.pool("race", "a").orElseThrow().getSpec().getMaxNodes()).isBetween(10, 13);
      await(() -> other.pool("race", "a").equals(store.pool("race", "a")));
    }
  }

  @Test
  void deletingAHandlerRemovesItsVersions() {
    tenant("del");
    submit("del", "gone", version("1", src("1"), Limits.getDefaultInstance()));
    submit("del", "gone", version("2", src("2"), Limits.getDefaultInstance()));
    assertThat(store.deleteHandler("del", "gone")).isTrue();
    assertThat(store.handler("del", "gone")).isEmpty();
    assertThat(store.versions("del", "gone")).isEmpty();
    assertThat(
            client
                .configMaps()
                .inNamespace("loopd-del")
                .withLabel(LoopdLabels.HANDLER, "gone")
                .list()
                .getItems())
        .isEmpty();
    assertThat(store.deleteHandler("del", "gone")).isFalse();
    // A new handler of the same name starts again at version 1.
    assertThat(
            submit("del", "gone", version("1", src("new"), Limits.getDefaultInstance()))
                .getActiveVersion())
        .isEqualTo("1");
  }

  @Test
  void anotherTenantsNamespaceIsNeverRead() {
    tenant("alpha");
    tenant("beta");
    store.putPool(pool("beta", "secret-pool", manual(1)));
    submit("beta", "secret-handler", version("1", src("b"), Limits.getDefaultInstance()));
    // A pool in a namespace no tenant owns.
    kube.apply(new NamespaceBuilder().withNewMetadata().withName("nobody").endMetadata().build());
    LoopPool stray = new LoopPool();
    stray.setMetadata(new ObjectMetaBuilder().withName("stray").withNamespace("nobody").build());
    stray.setSpec(new LoopPoolSpec());
    client.resource(stray).create();

    assertThat(store.pools("alpha")).isEmpty();
    assertThat(store.pool("alpha", "secret-pool")).isEmpty();
    assertThat(store.handlers("alpha")).isEmpty();
    assertThat(store.handler("alpha", "secret-handler")).isEmpty();
    assertThat(store.versions("alpha", "secret-handler")).isEmpty();
    assertThat(store.allPools()).extracting(Pool::getName).doesNotContain("stray");
    assertThat(store.pools("nobody")).isEmpty();

    // A tenant that claims beta's namespace makes it nobody's rather than shared.
    LoopTenant intruder = new LoopTenant();
    intruder.setMetadata(new ObjectMetaBuilder().withName("intruder").build());
    intruder.setSpec(new LoopTenantSpec());
    intruder.getSpec().setNamespace("loopd-beta");
    client.resource(intruder).create();
    await(() -> store.pools("beta").isEmpty());
    assertThat(store.pools("intruder")).isEmpty();
    client.resource(intruder).delete();
    await(() -> store.pools("beta").size() == 1);
  }

  @Test
  void aPoolAppliedWithKubectlReachesListeners() throws Exception {
    tenant("kp");
    BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    store.addListener((kind, t, name) -> changes.add(kind + " " + t + "/" + name));
    LoopPool cr = new LoopPool();
    cr.setMetadata(new ObjectMetaBuilder().withName("applied").withNamespace("loopd-kp").build());
    cr.setSpec(new LoopPoolSpec());
    cr.getSpec().setMaxNodes(3);
    cr.getSpec().setAutoscaling(new AutoscalingSpec());
    cr.getSpec().getAutoscaling().setMode(AutoscalingMode.MANUAL);
    cr.getSpec().setReplicas(2);
    client.resource(cr).create();
    assertThat(poll(changes, Kind.POOL + " kp/applied")).isTrue();
    Pool p = store.pool("kp", "applied").orElseThrow();
    assertThat(p.getSpec().getNodes()).isEqualTo(2);
    assertThat(p.getSpec().getMaxNodes()).isEqualTo(3);
  }

  @Test
  void aPoolAppliedWithoutReplicasDefaultsToZeroAndScales() {
    tenant("noreplicas");
    LoopPool cr = new LoopPool();
    cr.setMetadata(
        new ObjectMetaBuilder().withName("bare").withNamespace("loopd-noreplicas").build());
    cr.setSpec(new LoopPoolSpec());
    assertThat(client.resource(cr).create().getSpec().getReplicas()).isZero();
    client.resources(LoopPool.class).inNamespace("loopd-noreplicas").withName("bare").scale(2);
    assertThat(
            client
                .resources(LoopPool.class)
                .inNamespace("loopd-noreplicas")
                .withName("bare")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void writesForAMissingTenantFail() {
    assertThatThrownBy(() -> store.putPool(pool("missing", "p", manual(1))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("tenant \"missing\" does not exist");
  }

  @Test
  void aConfigMapThatIsNotAVersionIsIgnored() {
    tenant("junk");
    submit("junk", "h", version("1", src("1"), Limits.getDefaultInstance()));
    client
        .configMaps()
        .inNamespace("loopd-junk")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("h-junk")
                .addToLabels(LoopdLabels.HANDLER, "h")
                .addToLabels(LoopdLabels.VERSION, "latest")
                .endMetadata()
                .build())
        .create();
    await(() -> client.configMaps().inNamespace("loopd-junk").withName("h-junk").get() != null);
    assertThat(store.versions("junk", "h"))
        .extracting(HandlerVersion::getVersion)
        .containsExactly("1");
  }

  private static boolean poll(BlockingQueue<String> q, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String s = q.poll(100, TimeUnit.MILLISECONDS);
      if (expected.equals(s)) {
        return true;
      }
    }
    return false;
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
