package dev.loopd.node.serve;

import java.util.regex.Pattern;

/**
 * Handler names are DNS-1123 labels (lowercase letters, digits and '-', starting and ending with a
 * letter or digit, at most 63 characters), so a name is always safe in a URL path, a metric
 * attribute and a Kubernetes object name. The front ends check names before they reach the core.
 */
public final class HandlerNames {

  /** Longest DNS-1123 label. */
  public static final int MAX_LENGTH = 63;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private HandlerNames() {}

  /** Whether {@code name} is a DNS-1123 label. */
  public static boolean isValid(String name) {
    return name != null
        && !name.isEmpty()
        && name.length() <= MAX_LENGTH
        && LABEL.matcher(name).matches();
  }

  /** Why {@code name} is not a handler name, for error messages. */
  static String describeInvalid(String name) {
    return "'"
        + name
        + "' is not a handler name: use a DNS-1123 label (lowercase letters, digits and '-',"
        + " starting and ending with a letter or digit, at most 63 characters)";
  }
}
