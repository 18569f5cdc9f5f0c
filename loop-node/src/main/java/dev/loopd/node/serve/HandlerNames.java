package dev.loopd.node.serve;

/**
 * Handler names are DNS-1123 labels (lowercase letters, digits and '-', starting and ending with a
 * letter or digit, at most 63 characters), so a name is always safe in a URL path, a metric
 * attribute and a Kubernetes object name. The front ends check names before they reach the core.
 */
public final class HandlerNames {

  /** Longest DNS-1123 label. */
  public static final int MAX_LENGTH = 63;

  private HandlerNames() {}

  /** Whether {@code name} is a DNS-1123 label. Checked on every request, so without a regex. */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      boolean inner = c == '-' && i > 0 && i < name.length() - 1;
      if (!alnum && !inner) return false;
    }
    return true;
  }

  /** Why {@code name} is not a handler name, for error messages. */
  static String describeInvalid(String name) {
    return "'"
        + name
        + "' is not a handler name: use a DNS-1123 label (lowercase letters, digits and '-',"
        + " starting and ending with a letter or digit, at most 63 characters)";
  }
}
