package dev.loopd.k8s.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopd.k8s.LoopdLabels;
import dev.loopd.k8s.crd.v1alpha1.LimitsSpec;
import dev.loopd.k8s.crd.v1alpha1.LoopHandler;
import dev.loopd.k8s.crd.v1alpha1.LoopHandlerSpec;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.node.v1.Limits;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LoopHandler} and its version ConfigMaps ⇄ {@link Handler} and {@link HandlerVersion}.
 *
 * <p>A version is an immutable ConfigMap {@code <handler>-v<N>} labelled {@value
 * LoopdLabels#HANDLER} and {@value LoopdLabels#VERSION}, owned by the LoopHandler, with data {@code
 * source} and annotations for the SHA-256, limits, description and create time.
 *
 * <p>The <b>active version</b> is the newest version whose source and limits equal the spec's (the
 * {@value LoopdLabels#ACTIVE_VERSION} annotation, written by a rollback, picks an older one that
 * also matches). When none matches (a {@code kubectl apply} with a new source, before the operator
 * snapshots it), the handler keeps its previous version: the annotation's, else the newest.
 */
public final class HandlerConversions {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Key of the source in a version ConfigMap. */
  public static final String SOURCE_KEY = "source";

  private HandlerConversions() {}

  public static String versionName(String handler, String version) {
    return handler + "-v" + version;
  }

  /** The number of a version label, or -1 when it is not a positive number. */
  public static long versionNumber(String version) {
    try {
      long n = Long.parseLong(version);
      return n > 0 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // Versions.

  /**
   * {@code version} of {@code handler} as an immutable ConfigMap in {@code namespace}; {@code
   * owner} (the LoopHandler) may be null when it does not exist yet.
   */
  public static ConfigMap toConfigMap(
      HandlerVersion version,
      String tenant,
      String handler,
      String namespace,
      OwnerReference owner) {
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder()
            .withName(versionName(handler, version.getVersion()))
            .withNamespace(namespace)
            .addToLabels(LoopdLabels.HANDLER, handler)
            .addToLabels(LoopdLabels.VERSION, version.getVersion())
            .addToLabels(LoopdLabels.TENANT, tenant)
            .addToLabels(LoopdLabels.MANAGED_BY, LoopdLabels.MANAGED_BY_VALUE)
            .addToAnnotations(LoopdLabels.SHA256, version.getSourceSha256())
            .addToAnnotations(LoopdLabels.LIMITS, limitsJson(version.getLimits()))
            .addToAnnotations(LoopdLabels.DESCRIPTION, version.getDescription())
            .addToAnnotations(LoopdLabels.CREATE_TIME, Times.format(version.getCreateTime()));
    if (owner != null) {
      meta.withOwnerReferences(owner);
    }
    return new ConfigMapBuilder()
        .withMetadata(meta.build())
        .withImmutable(true)
        .withData(Map.of(SOURCE_KEY, version.getSource()))
        .build();
  }

  /**
   * The version in {@code cm}, with its source. {@code source_size_bytes} is the source's UTF-8
   * length; {@code create_time} the annotation's, else the ConfigMap's creation.
   *
   * @throws InvalidResourceException when a label or annotation is malformed
   */
  public static HandlerVersion toVersion(ConfigMap cm) {
    ObjectMeta meta = cm.getMetadata();
    String where = "ConfigMap " + meta.getNamespace() + "/" + meta.getName();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> ann = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    String version = labels.getOrDefault(LoopdLabels.VERSION, "");
    if (versionNumber(version) < 0) {
      throw new InvalidResourceException(
          where
              + ": label "
              + LoopdLabels.VERSION
              + " \""
              + version
              + "\" is not a version number");
    }
    String source = cm.getData() == null ? "" : cm.getData().getOrDefault(SOURCE_KEY, "");
    try {
      return HandlerVersion.newBuilder()
          .setVersion(version)
          .setSourceSha256(ann.getOrDefault(LoopdLabels.SHA256, sha256(source)))
          .setSourceSizeBytes(source.getBytes(StandardCharsets.UTF_8).length)
          .setLimits(parseLimits(ann.get(LoopdLabels.LIMITS)))
          .setDescription(ann.getOrDefault(LoopdLabels.DESCRIPTION, ""))
          .setCreateTime(Times.annotation(meta, LoopdLabels.CREATE_TIME, Times.created(meta)))
          .setSource(source)
          .build();
    } catch (InvalidResourceException e) {
      throw new InvalidResourceException(where + ": " + e.getMessage(), e);
    }
  }

  public static OwnerReference ownerReference(LoopHandler cr) {
    return new OwnerReferenceBuilder()
        .withApiVersion(cr.getApiVersion())
        .withKind(cr.getKind())
        .withName(cr.getMetadata().getName())
        .withUid(cr.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(false)
        .build();
  }

  // Handlers.

  /**
   * The version of {@code versions} (oldest first) that {@code cr} runs: see the class comment.
   * Empty only when there is no version at all.
   */
  public static Optional<HandlerVersion> activeVersion(
      LoopHandler cr, List<HandlerVersion> versions) {
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    String pinned = annotation(cr, LoopdLabels.ACTIVE_VERSION);
    Optional<HandlerVersion> matching = matchingVersion(cr, versions);
    if (matching.isPresent()) {
      return versions.stream()
          .filter(v -> v.getVersion().equals(pinned) && matches(cr, v))
          .findFirst()
          .or(() -> matching);
    }
    return versions.stream()
        .filter(v -> v.getVersion().equals(pinned))
        .findFirst()
        .or(() -> Optional.of(versions.getLast()));
  }

  /** The newest of {@code versions} whose source and limits equal {@code cr}'s spec. */
  public static Optional<HandlerVersion> matchingVersion(
      LoopHandler cr, List<HandlerVersion> versions) {
    for (HandlerVersion v : versions.reversed()) {
      if (matches(cr, v)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(LoopHandler cr, HandlerVersion v) {
    LoopHandlerSpec spec = cr.getSpec();
    String source = spec == null || spec.getSource() == null ? "" : spec.getSource();
    return v.getSource().equals(source) && v.getLimits().equals(specLimits(cr));
  }

  /**
   * {@code cr} of {@code tenant} with its {@code versions} (oldest first, at least one), as a
   * {@link Handler}: active and latest version from the versions, limits of the active one.
   *
   * @throws InvalidResourceException when its limits do not convert
   */
  public static Handler toHandler(LoopHandler cr, String tenant, List<HandlerVersion> versions) {
    ObjectMeta meta = cr.getMetadata();
    LoopHandlerSpec spec = cr.getSpec() == null ? new LoopHandlerSpec() : cr.getSpec();
    try {
      HandlerVersion active = activeVersion(cr, versions).orElse(null);
      var created = Times.createTime(meta);
      return Handler.newBuilder()
          .setName(meta.getName())
          .setTenant(tenant)
          .setPool(spec.getPool() == null ? "" : spec.getPool())
          .setActiveVersion(active == null ? "" : active.getVersion())
          .setLatestVersion(versions.isEmpty() ? "" : versions.getLast().getVersion())
          .setLimits(active == null ? specLimits(cr) : active.getLimits())
          .setDescription(spec.getDescription() == null ? "" : spec.getDescription())
          .setCreateTime(created)
          .setUpdateTime(Times.annotation(meta, LoopdLabels.UPDATE_TIME, created))
          .build();
    } catch (InvalidResourceException e) {
      throw new InvalidResourceException(
          "LoopHandler " + meta.getNamespace() + "/" + meta.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code handler} as a LoopHandler in {@code namespace} running {@code source} (the active
   * version's); the active version is pinned by annotation so that a rollback to a version whose
   * source a newer one repeats still reads back as that version.
   */
  public static LoopHandler fromHandler(Handler handler, String source, String namespace) {
    LoopHandler cr = new LoopHandler();
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder().withName(handler.getName()).withNamespace(namespace);
    if (!handler.getActiveVersion().isEmpty()) {
      meta.addToAnnotations(LoopdLabels.ACTIVE_VERSION, handler.getActiveVersion());
    }
    if (handler.hasCreateTime()) {
      meta.addToAnnotations(LoopdLabels.CREATE_TIME, Times.format(handler.getCreateTime()));
    }
    if (handler.hasUpdateTime()) {
      meta.addToAnnotations(LoopdLabels.UPDATE_TIME, Times.format(handler.getUpdateTime()));
    }
    cr.setMetadata(meta.build());
    LoopHandlerSpec spec = new LoopHandlerSpec();
    spec.setPool(handler.getPool());
    spec.setSource(source);
    spec.setLimits(SpecConversions.fromProtoOrNull(handler.getLimits()));
    spec.setDescription(handler.getDescription().isEmpty() ? null : handler.getDescription());
    cr.setSpec(spec);
    return cr;
  }

  /** The limits of {@code cr}'s spec. */
  public static Limits specLimits(LoopHandler cr) {
    return SpecConversions.toProto(
        "spec.limits", cr.getSpec() == null ? null : cr.getSpec().getLimits());
  }

  public static String sha256(String source) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String limitsJson(Limits limits) {
    try {
      return JSON.writeValueAsString(SpecConversions.fromProto(limits));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Limits parseLimits(String json) {
    if (json == null || json.isEmpty()) {
      return Limits.getDefaultInstance();
    }
    LimitsSpec spec;
    try {
      spec = JSON.readValue(json, LimitsSpec.class);
    } catch (JsonProcessingException e) {
      throw new InvalidResourceException(
          "annotation " + LoopdLabels.LIMITS + " is not the JSON of limits: " + json, e);
    }
    return SpecConversions.toProto("annotation " + LoopdLabels.LIMITS, spec);
  }

  private static String annotation(LoopHandler cr, String key) {
    Map<String, String> a = cr.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }
}
