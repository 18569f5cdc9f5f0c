package dev.loopd.k8s.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Timestamps;
import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.crd.v1alpha1.LoopPool;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.AutoscalingPolicy;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Pools, tenants and tokens ⇄ their Kubernetes objects, as the API server would return them. */
class ResourceConversionsTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final String CREATED = "2025-03-01T10:00:00Z";

  /** What the server adds: creation time, generation, uid. */
  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T stored(T o) {
    T copy = JSON.unmarshal(JSON.asJson(o), (Class<T>) o.getClass());
    copy.getMetadata().setCreationTimestamp(CREATED);
    copy.getMetadata().setGeneration(4L);
    copy.getMetadata().setUid("uid-1");
    copy.getMetadata().setResourceVersion("17");
    return copy;
  }

  @Test
  void poolRoundTripsThroughLoopPool() throws Exception {
    Pool pool =
        Pool.newBuilder()
            .setName("web")
            .setTenant("acme")
            .setSpec(SpecConversionsTest.fullSpec(AutoscalingPolicy.Mode.MODE_MANUAL))
            .setGeneration(4)
            .setCreateTime(Timestamps.parse(CREATED))
            .setUpdateTime(Timestamps.parse("2025-03-02T11:00:00.123Z"))
            .build();
    LoopPool cr = PoolConversions.fromPool(pool, "loopd-acme", null);
    assertThat(cr.getMetadata().getNamespace()).isEqualTo("loopd-acme");
    assertThat(cr.getApiVersion()).isEqualTo("loopd.dev/v1alpha1");
    assertThat(cr.getKind()).isEqualTo("LoopPool");
    String json = JSON.asJson(cr);
    assertThat(json).contains("\"mode\":\"Manual\"").contains("\"tuning\":\"Adaptive\"");
    assertThat(PoolConversions.toPool(stored(cr), "acme")).isEqualTo(pool);
  }

  @Test
  void poolWithoutUpdateTimeAnnotationWasUpdatedWhenCreated() throws Exception {
    LoopPool cr = new LoopPool();
    cr.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    cr.getMetadata().setName("p");
    Pool pool = PoolConversions.toPool(stored(cr), "t");
    assertThat(pool.getUpdateTime()).isEqualTo(Timestamps.parse(CREATED));
    assertThat(pool.getGeneration()).isEqualTo(4);
    assertThat(pool.getSpec()).isEqualTo(dev.loopd.proto.control.v1.PoolSpec.getDefaultInstance());
  }

  @Test
  void badDurationInAPoolNamesThePoolAndTheField() {
    LoopPool cr =
        JSON.unmarshal(
            """
            {"apiVersion":"loopd.dev/v1alpha1","kind":"LoopPool",
             "metadata":{"name":"web","namespace":"loopd-acme"},
             "spec":{"lagLimit":"50 ms"}}
            """,
            LoopPool.class);
    assertThatThrownBy(() -> PoolConversions.toPool(cr, "acme"))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageStartingWith(
            "LoopPool loopd-acme/web: spec.lagLimit: \"50 ms\" is not a duration");
  }

  @Test
  void tenantRoundTripsWithItsNamespaceWrittenOut() throws Exception {
    Tenant t =
        Tenant.newBuilder()
            .setName("acme")
            .setQuotas(Quotas.newBuilder().setMaxPools(3))
            .setCreateTime(Timestamps.parse(CREATED))
            .build();
    LoopTenant cr = TenantConversions.fromTenant(t, "loopd-acme");
    assertThat(cr.getSpec().getNamespace()).isEqualTo("loopd-acme");
    assertThat(TenantConversions.toTenant(stored(cr))).isEqualTo(t);
  }

  @Test
  void tenantNamespaceDefaultsToLoopdDashName() {
    LoopTenant cr =
        JSON.unmarshal(
            "{\"apiVersion\":\"loopd.dev/v1alpha1\",\"kind\":\"LoopTenant\","
                + "\"metadata\":{\"name\":\"acme\"}}",
            LoopTenant.class);
    assertThat(TenantConversions.namespaceOf(cr)).isEqualTo("loopd-acme");
    assertThat(TenantConversions.toTenant(cr).getQuotas()).isEqualTo(Quotas.getDefaultInstance());
  }

  @Test
  void tokenRoundTripsThroughASecretWithoutTheToken() {
    TokenRecord t =
        new TokenRecord(
            "abcdefgh2345", "acme", false, "ab".repeat(32), "ci", Instant.parse(CREATED));
    Secret s = TokenConversions.toSecret(t, "loopd-system");
    assertThat(s.getMetadata().getName()).isEqualTo("loopd-token-abcdefgh2345");
    assertThat(s.getMetadata().getLabels())
        .containsEntry(LoopdLabels.TOKEN, "true")
        .containsEntry(LoopdLabels.TENANT, "acme");
    assertThat(s.getData())
        .containsOnlyKeys("id", "sha256", "tenant", "admin", "description", "createTime");
    assertThat(TokenConversions.toToken(s)).isEqualTo(t);
    TokenRecord admin =
        new TokenRecord("zzzzzzzzzzzz", "", true, "cd".repeat(32), "", Instant.EPOCH);
    assertThat(TokenConversions.toToken(TokenConversions.toSecret(admin, "x"))).isEqualTo(admin);
  }

  @Test
  void tokenSecretWithoutAHashIsRefused() {
    Secret s =
        TokenConversions.toSecret(
            new TokenRecord("abc", "t", false, "00", "", Instant.EPOCH), "ns");
    s.getData().remove("sha256");
    assertThatThrownBy(() -> TokenConversions.toToken(s))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessage("Secret ns/loopd-token-abc: data.sha256 is missing");
    s.getData().put("sha256", "%%%");
    assertThatThrownBy(() -> TokenConversions.toToken(s)).hasMessageContaining("not base64");
    s.getData().put("sha256", Base64.getEncoder().encodeToString("00".getBytes()));
    s.getData().put("createTime", Base64.getEncoder().encodeToString("yesterday".getBytes()));
    assertThatThrownBy(() -> TokenConversions.toToken(s))
        .hasMessageContaining("data.createTime \"yesterday\" is not an RFC 3339 time");
  }
}
