package dev.loopd.node.cli;

import dev.loopd.node.js.JsRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loop-node version}: versions, and whether the optimizing compiler is active. */
@Command(name = "version", description = "Prints versions and the JavaScript engine in use.")
public final class VersionCommand
    implements java.util.concurrent.Callable<Integer>, CommandLine.IVersionProvider {
  public static final String VERSION = "0.1.0";

  @Option(
      names = "--require-compiler",
      description = "Exit 1 unless GraalJS runs with its optimizing compiler (not interpreted).")
  boolean requireCompiler;

  @Override
  public Integer call() {
    String engine = JsRuntime.engineImplementation();
    System.out.println("loop-node " + VERSION);
    System.out.println("node API  v20");
    System.out.println("java      " + Runtime.version());
    System.out.println("engine    " + engine);
    boolean compiled = !engine.toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    System.out.println("compiler  " + (compiled ? "active" : "NOT active (interpreter only)"));
    if (requireCompiler && !compiled) {
      System.err.println(
          "loop-node: GraalJS fell back to its interpreter. Start loop-node through bin/loop-node,"
              + " which puts the polyglot jars on the module path and enables JVMCI.");
      return 1;
    }
    return 0;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"loop-node " + VERSION};
  }
}
