package dev.loopd.k8s.operator.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One pool as the builders of its Kubernetes objects see it: identity, owner, size, node resources
 * and blocking pool, and the operator's {@link NodeSettings}. Built from a {@code LoopPool} by the
 * reconciler; plain data, so the builders are tested without a server.
 *
 * @param namespace the pool's (and its tenant's) namespace
 * @param name the LoopPool's name; also the name of its Deployment, Service, ServiceAccount and
 *     PodDisruptionBudget
 * @param uid the LoopPool's uid (owner references)
 * @param ownerApiVersion the LoopPool's apiVersion, e.g. {@code loopd.dev/v1alpha1}
 * @param tenant the tenant that owns the pool
 * @param replicas pods to run ({@code LoopPool.spec.replicas})
 * @param resources the node container's resources, or null for the settings' defaults
 * @param blockingPool the nodes' blocking pool at start (the node session may retune it)
 */
public record PoolModel(
    String namespace,
    String name,
    String uid,
    String ownerApiVersion,
    String tenant,
    int replicas,
    ResourceRequirements resources,
    BlockingPool blockingPool,
    NodeSettings settings) {

  public static final String OWNER_KIND = "LoopPool";

  public PoolModel {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(settings, "settings");
    blockingPool = blockingPool == null ? BlockingPool.DEFAULT : blockingPool;
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative, got " + replicas);
    }
  }

  /** {@code tenant/pool}, the pool's name on the node session ({@code --pool}). */
  public String sessionPool() {
    return tenant + "/" + name;
  }

  /** The node container's resources: the pool's own, else the operator's defaults. */
  public ResourceRequirements effectiveResources() {
    return resources != null ? resources : settings.defaultResources();
  }

  /**
   * Threads of each node's blocking pool at start: the spec's size, else the container's CPU limit
   * rounded up (at least 1), else empty (the node sizes it from the CPUs it sees).
   */
  public OptionalInt blockingPoolSize() {
    if (blockingPool.size() != null && blockingPool.size() > 0) {
      return OptionalInt.of(blockingPool.size());
    }
    ResourceRequirements r = effectiveResources();
    Quantity cpu = r.getLimits() == null ? null : r.getLimits().get("cpu");
    if (cpu == null) {
      return OptionalInt.empty();
    }
    BigDecimal cores = cpu.getNumericalAmount().setScale(0, RoundingMode.CEILING);
    return OptionalInt.of(Math.max(1, cores.intValueExact()));
  }

  /** The owner reference every object of the pool carries (the pool controls it). */
  public OwnerReference ownerReference() {
    return new OwnerReferenceBuilder()
        .withApiVersion(ownerApiVersion)
        .withKind(OWNER_KIND)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /**
   * The metadata of every object the pool owns (Deployment, Service, ServiceAccount, PDB): the
   * pool's name and namespace, its labels, and the pool as controlling owner.
   */
  public ObjectMeta objectMeta() {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Labels.of(this))
        .withOwnerReferences(ownerReference())
        .build();
  }

  /**
   * The blocking pool of each node (all optional).
   *
   * @param tuning {@code Fixed} or {@code Adaptive}; null: the node default (Fixed)
   */
  public record BlockingPool(
      Integer size, Integer minSize, Integer maxSize, String tuning, Integer queueCapacity) {
    public static final BlockingPool DEFAULT = new BlockingPool(null, null, null, null, null);

    boolean adaptive() {
      return "Adaptive".equalsIgnoreCase(tuning);
    }
  }
}
