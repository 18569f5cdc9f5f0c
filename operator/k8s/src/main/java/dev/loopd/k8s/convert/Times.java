package dev.loopd.k8s.convert;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.text.ParseException;

/** RFC 3339 strings (Kubernetes metadata, status, annotations) ⇄ protobuf {@link Timestamp}. */
public final class Times {

  private Times() {}

  /** {@code value} as a timestamp; null or empty gives null. */
  public static Timestamp parse(String field, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Timestamps.parse(value);
    } catch (ParseException e) {
      throw new InvalidResourceException(
          field + ": \"" + value + "\" is not an RFC 3339 time (e.g. 2025-01-31T12:00:00Z)", e);
    }
  }

  /** {@code t} in RFC 3339 (UTC, with as many fraction digits as it needs); null for null. */
  public static String format(Timestamp t) {
    return t == null ? null : Timestamps.toString(t);
  }

  /** {@code metadata.creationTimestamp}, or the default instance when the server has not set it. */
  public static Timestamp created(ObjectMeta meta) {
    Timestamp t = parse("metadata.creationTimestamp", meta.getCreationTimestamp());
    return t == null ? Timestamp.getDefaultInstance() : t;
  }

  /**
   * The control plane's create time ({@value dev.loopd.k8s.LoopdLabels#CREATE_TIME}, to the
   * nanosecond), else {@code metadata.creationTimestamp} (for objects made with kubectl).
   */
  static Timestamp createTime(ObjectMeta meta) {
    return annotation(meta, dev.loopd.k8s.LoopdLabels.CREATE_TIME, created(meta));
  }

  /** The {@code annotation} of {@code meta} as a time, else {@code fallback}. */
  static Timestamp annotation(ObjectMeta meta, String annotation, Timestamp fallback) {
    String v = meta.getAnnotations() == null ? null : meta.getAnnotations().get(annotation);
    Timestamp t = parse("metadata.annotations[" + annotation + "]", v);
    return t == null ? fallback : t;
  }
}
