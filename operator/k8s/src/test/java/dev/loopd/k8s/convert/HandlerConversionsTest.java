package dev.loopd.k8s.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Timestamps;
import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.crd.v1alpha1.LimitsSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.node.v1.Limits;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerConversionsTest {

  private static final String CREATED = "2025-03-01T10:00:00Z";
  private static final Limits FAST = Limits.newBuilder().setCpuBudgetMs(50).build();

  static HandlerVersion version(int n, String source, Limits limits) throws Exception {
    return HandlerVersion.newBuilder()
        .setVersion(Integer.toString(n))
        .setSourceSha256(HandlerConversions.sha256(source))
        .setSourceSizeBytes(source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .setLimits(limits)
        .setDescription("v" + n)
        .setCreateTime(Timestamps.parse("2025-03-0" + n + "T10:00:00.5Z"))
        .setSource(source)
        .build();
  }

  private static LoopHandler cr(String source, Limits limits, String pinned) {
    Handler h =
        Handler.newBuilder()
            .setName("hello")
            .setTenant("acme")
            .setPool("web")
            .setActiveVersion(pinned)
            .setLimits(limits)
            .setDescription("says hello")
            .build();
    LoopHandler cr = HandlerConversions.fromHandler(h, source, "loopd-acme");
    cr.getMetadata().setCreationTimestamp(CREATED);
    return cr;
  }

  @Test
  void versionRoundTripsThroughAnImmutableConfigMap() throws Exception {
    HandlerVersion v = version(3, "export default async () => new Response('héllo')", FAST);
    OwnerReference owner = new OwnerReference();
    owner.setUid("u");
    ConfigMap cm = HandlerConversions.toConfigMap(v, "acme", "hello", "loopd-acme", owner);
    assertThat(cm.getMetadata().getName()).isEqualTo("hello-v3");
    assertThat(cm.getImmutable()).isTrue();
    assertThat(cm.getMetadata().getLabels())
        .containsEntry(LoopdLabels.HANDLER, "hello")
        .containsEntry(LoopdLabels.VERSION, "3");
    assertThat(cm.getMetadata().getAnnotations())
        .containsEntry(LoopdLabels.LIMITS, "{\"cpuBudget\":\"50ms\"}");
    assertThat(cm.getMetadata().getOwnerReferences()).containsExactly(owner);
    assertThat(HandlerConversions.toVersion(cm)).isEqualTo(v);
  }

  @Test
  void versionWithABadLabelOrLimitsNamesTheConfigMap() throws Exception {
    ConfigMap cm =
        HandlerConversions.toConfigMap(version(1, "x", FAST), "acme", "hello", "ns", null);
    cm.getMetadata().getAnnotations().put(LoopdLabels.LIMITS, "{\"cpuBudget\":\"fast\"}");
    assertThatThrownBy(() -> HandlerConversions.toVersion(cm))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessageContaining(
            "ConfigMap ns/hello-v1: annotation loopd.dev/limits.cpuBudget: \"fast\"");
    cm.getMetadata().getLabels().put(LoopdLabels.VERSION, "one");
    assertThatThrownBy(() -> HandlerConversions.toVersion(cm))
        .hasMessageContaining("label loopd.dev/version \"one\" is not a version number");
  }

  @Test
  void handlerRoundTripsWithActiveAndLatestFromItsVersions() throws Exception {
    List<HandlerVersion> versions =
        List.of(
            version(1, "a", FAST),
            version(2, "b", FAST),
            version(3, "c", Limits.getDefaultInstance()));
    Handler h =
        Handler.newBuilder()
            .setName("hello")
            .setTenant("acme")
            .setPool("web")
            .setActiveVersion("2")
            .setLatestVersion("3")
            .setLimits(FAST)
            .setDescription("says hello")
            .setCreateTime(Timestamps.parse(CREATED))
            .setUpdateTime(Timestamps.parse("2025-03-04T00:00:00Z"))
            .build();
    LoopHandler cr = HandlerConversions.fromHandler(h, "b", "loopd-acme");
    assertThat(cr.getSpec().getLimits().getCpuBudget()).isEqualTo("50ms");
    cr.getMetadata().setCreationTimestamp(CREATED);
    assertThat(HandlerConversions.toHandler(cr, "acme", versions)).isEqualTo(h);
  }

  @Test
  void activeVersionIsTheNewestWhoseSourceAndLimitsMatchTheSpec() throws Exception {
    List<HandlerVersion> versions =
        List.of(
            version(1, "a", FAST),
            version(2, "b", FAST),
            version(3, "a", FAST),
            version(4, "a", Limits.getDefaultInstance()));
    assertThat(
            HandlerConversions.activeVersion(cr("a", FAST, ""), versions)
                .orElseThrow()
                .getVersion())
        .isEqualTo("3");
    assertThat(
            HandlerConversions.activeVersion(cr("a", Limits.getDefaultInstance(), ""), versions)
                .orElseThrow()
                .getVersion())
        .isEqualTo("4");
    // A rollback to 1 pins it: 3 has the same source and limits, 1 stays the active one.
    assertThat(
            HandlerConversions.activeVersion(cr("a", FAST, "1"), versions)
                .orElseThrow()
                .getVersion())
        .isEqualTo("1");
    // A pin that no longer matches the spec (kubectl edited the source back to b) is ignored.
    assertThat(
            HandlerConversions.activeVersion(cr("b", FAST, "1"), versions)
                .orElseThrow()
                .getVersion())
        .isEqualTo("2");
  }

  @Test
  void aSourceWithoutItsSnapshotKeepsThePreviousVersionActive() throws Exception {
    List<HandlerVersion> versions =
        new ArrayList<>(List.of(version(1, "a", FAST), version(2, "b", FAST)));
    LoopHandler edited = cr("kubectl applied this", FAST, "1");
    assertThat(HandlerConversions.matchingVersion(edited, versions)).isEmpty();
    assertThat(HandlerConversions.activeVersion(edited, versions).orElseThrow().getVersion())
        .isEqualTo("1");
    LoopHandler unpinned = cr("kubectl applied this", FAST, "");
    assertThat(HandlerConversions.activeVersion(unpinned, versions).orElseThrow().getVersion())
        .isEqualTo("2");
    Handler h = HandlerConversions.toHandler(unpinned, "acme", versions);
    assertThat(h.getLatestVersion()).isEqualTo("2");
    assertThat(HandlerConversions.activeVersion(unpinned, List.of())).isEmpty();
  }

  @Test
  void badLimitsInAHandlerNameTheHandler() {
    LoopHandler cr = cr("a", Limits.getDefaultInstance(), "");
    cr.getSpec().setLimits(new LimitsSpec());
    cr.getSpec().getLimits().setCpuBudget("1.5ms");
    assertThatThrownBy(() -> HandlerConversions.toHandler(cr, "acme", List.of()))
        .isInstanceOf(InvalidResourceException.class)
        .hasMessage(
            "LoopHandler loopd-acme/hello: spec.limits.cpuBudget: \"1.5ms\" is not a whole number of"
                + " milliseconds");
  }
}
