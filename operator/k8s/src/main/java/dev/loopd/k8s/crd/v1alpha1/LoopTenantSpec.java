package dev.loopd.k8s.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Objects;

/** What a {@link LoopTenant} asks for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoopTenantSpec {

  @Pattern(LoopdGroup.DNS_LABEL_PATTERN)
  @JsonPropertyDescription(
      "Namespace that holds the tenant's pools and handlers; default loopd-<tenant name>. The operator creates it.")
  private String namespace;

  @JsonPropertyDescription("Limits on what the tenant may hold.")
  private QuotasSpec quotas;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public QuotasSpec getQuotas() {
    return quotas;
  }

  public void setQuotas(QuotasSpec quotas) {
    this.quotas = quotas;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoopTenantSpec that
        && Objects.equals(namespace, that.namespace)
        && Objects.equals(quotas, that.quotas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, quotas);
  }

  @Override
  public String toString() {
    return "LoopTenantSpec{namespace=" + namespace + ", quotas=" + quotas + "}";
  }
}
