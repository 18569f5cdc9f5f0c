package dev.loopd.control.validate;

import dev.loopd.control.errors.ApiException;
import java.util.regex.Pattern;

/** Names users choose: DNS-1123 labels, as Kubernetes object names. */
public final class Names {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Names() {}

  /** Returns {@code value} if it is a DNS-1123 label, else INVALID_ARGUMENT naming the field. */
  public static String requireLabel(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw ApiException.invalidArgument(field, "is required, e.g. \"hello\"");
    }
    if (value.length() > 63 || !LABEL.matcher(value).matches()) {
      throw ApiException.invalidArgument(
          field,
          "\""
              + value
              + "\" is not a DNS-1123 label: use at most 63 lowercase letters, digits and '-',"
              + " starting and ending with a letter or digit, e.g. \"hello-world\"");
    }
    return value;
  }
}
