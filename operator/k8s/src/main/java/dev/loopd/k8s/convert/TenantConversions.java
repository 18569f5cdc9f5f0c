package dev.loopd.k8s.convert;

import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.crd.v1alpha1.LoopTenant;
import dev.loopd.k8s.crd.v1alpha1.LoopTenantSpec;
import dev.loopd.proto.control.v1.Tenant;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * {@link LoopTenant} ⇄ {@link Tenant} as the store holds it (no usage). {@code create_time} is the
 * {@value LoopdLabels#CREATE_TIME} annotation, else {@code metadata.creationTimestamp}.
 */
public final class TenantConversions {

  /** Prefix of a tenant's default namespace: {@code loopd-<tenant>}. */
  public static final String NAMESPACE_PREFIX = "loopd-";

  private TenantConversions() {}

  /** The namespace of {@code cr}: {@code spec.namespace}, else {@code loopd-<name>}. */
  public static String namespaceOf(LoopTenant cr) {
    LoopTenantSpec spec = cr.getSpec();
    if (spec != null && spec.getNamespace() != null && !spec.getNamespace().isEmpty()) {
      return spec.getNamespace();
    }
    return defaultNamespace(cr.getMetadata().getName());
  }

  public static String defaultNamespace(String tenant) {
    return NAMESPACE_PREFIX + tenant;
  }

  public static Tenant toTenant(LoopTenant cr) {
    return Tenant.newBuilder()
        .setName(cr.getMetadata().getName())
        .setQuotas(SpecConversions.toProto(cr.getSpec() == null ? null : cr.getSpec().getQuotas()))
        .setCreateTime(Times.createTime(cr.getMetadata()))
        .build();
  }

  /**
   * {@code tenant} as a LoopTenant whose namespace is {@code namespace} (written out, so that
   * {@code kubectl get lt} shows it).
   */
  public static LoopTenant fromTenant(Tenant tenant, String namespace) {
    LoopTenant cr = new LoopTenant();
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(tenant.getName());
    if (tenant.hasCreateTime()) {
      meta.addToAnnotations(LoopdLabels.CREATE_TIME, Times.format(tenant.getCreateTime()));
    }
    cr.setMetadata(meta.build());
    LoopTenantSpec spec = new LoopTenantSpec();
    spec.setNamespace(namespace);
    spec.setQuotas(SpecConversions.fromProto(tenant.getQuotas()));
    cr.setSpec(spec);
    return cr;
  }
}
