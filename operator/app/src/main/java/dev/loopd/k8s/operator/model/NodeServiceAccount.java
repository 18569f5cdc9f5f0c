package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/**
 * The pool's pods' identity. Nodes never call the Kubernetes API (they dial the operator), so no
 * token is mounted and no role is bound.
 */
public final class NodeServiceAccount {

  private NodeServiceAccount() {}

  public static ServiceAccount build(PoolModel pool) {
    return new ServiceAccountBuilder()
        .withMetadata(pool.objectMeta())
        .withAutomountServiceAccountToken(false)
        .build();
  }
}
