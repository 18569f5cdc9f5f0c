package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

/** Pool models for the builder tests. */
final class Pools {

  static final NodeSettings SETTINGS =
      new NodeSettings(
          "ghcr.io/loopd/loop-node:0.1.0",
          "IfNotPresent",
          "loopd-operator.loopd-system.svc:7071",
          5,
          30,
          null,
          NodeSettings.PDB_V1BETA1);

  private Pools() {}

  static PoolModel web() {
    return new PoolModel(
        "loopd-acme",
        "web",
        "0b6b5f4e-1111-2222-3333-444455556666",
        "loopd.dev/v1alpha1",
        "acme",
        3,
        null,
        null,
        SETTINGS);
  }

  static PoolModel withResources(ResourceRequirements resources) {
    PoolModel p = web();
    return new PoolModel(
        p.namespace(),
        p.name(),
        p.uid(),
        p.ownerApiVersion(),
        p.tenant(),
        p.replicas(),
        resources,
        p.blockingPool(),
        p.settings());
  }

  static PoolModel withBlockingPool(PoolModel.BlockingPool pool, ResourceRequirements resources) {
    PoolModel p = web();
    return new PoolModel(
        p.namespace(),
        p.name(),
        p.uid(),
        p.ownerApiVersion(),
        p.tenant(),
        p.replicas(),
        resources,
        pool,
        p.settings());
  }

  static ResourceRequirements cpuLimit(String cpu) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("250m"))
        .addToRequests("memory", new Quantity("512Mi"))
        .addToLimits("cpu", new Quantity(cpu))
        .addToLimits("memory", new Quantity("1Gi"))
        .build();
  }
}
