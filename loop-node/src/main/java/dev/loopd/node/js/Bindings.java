package dev.loopd.node.js;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Builds the objects that {@code internalBinding(name)} returns to builtin modules: plain functions
 * backed by Java, grouped by concern. Only builtins see them.
 */
final class Bindings {
  private final Map<String, Object> namespaces = new HashMap<>();

  /** One namespace, e.g. {@code internalBinding('loop')}. */
  final class Namespace {
    private final Map<String, Object> members = new HashMap<>();

    Namespace fn(String name, ProxyExecutable fn) {
      members.put(name, fn);
      return this;
    }

    Namespace value(String name, Object value) {
      members.put(name, value);
      return this;
    }
  }

  Namespace namespace(String name) {
    Namespace ns = new Namespace();
    namespaces.put(name, ProxyObject.fromMap(ns.members));
    return ns;
  }

  ProxyObject build() {
    return ProxyObject.fromMap(namespaces);
  }

  /** A JS-visible array of strings. */
  static Object strings(java.util.List<String> values) {
    return org.graalvm.polyglot.proxy.ProxyArray.fromList(new java.util.ArrayList<Object>(values));
  }
}
