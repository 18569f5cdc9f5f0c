package dev.loopd.node.js;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node's CommonJS resolution for the script's own files: relative and absolute paths with the
 * {@code .js .json .cjs .mjs} extensions, directories with {@code package.json} "main" or {@code
 * index.js}, and {@code node_modules} lookup for bare names. Builtins are resolved on the JS side.
 */
public final class ModuleResolver {
  private static final List<String> EXTENSIONS = List.of(".js", ".json", ".cjs", ".mjs");
  private static final Pattern MAIN = Pattern.compile("\"main\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

  private ModuleResolver() {}

  /** The file {@code request} names from a module in {@code fromDir}, or null if none exists. */
  public static Path resolve(String request, Path fromDir) {
    if (request.startsWith("./")
        || request.startsWith("../")
        || request.equals(".")
        || request.equals("..")
        || request.startsWith("/")) {
      Path base = fromDir.resolve(request).normalize();
      Path file = asFile(base);
      return file != null ? file : asDirectory(base);
    }
    for (Path dir = fromDir; dir != null; dir = dir.getParent()) {
      if (dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")) {
        continue;
      }
      Path base = dir.resolve("node_modules").resolve(request).normalize();
      Path file = asFile(base);
      if (file == null) file = asDirectory(base);
      if (file != null) return file;
    }
    return null;
  }

  private static Path asFile(Path base) {
    if (Files.isRegularFile(base)) return base;
    for (String ext : EXTENSIONS) {
      Path p = base.resolveSibling(base.getFileName() + ext);
      if (Files.isRegularFile(p)) return p;
    }
    return null;
  }

  private static Path asDirectory(Path dir) {
    if (!Files.isDirectory(dir)) return null;
    Path pkg = dir.resolve("package.json");
    if (Files.isRegularFile(pkg)) {
      Matcher m = MAIN.matcher(read(pkg));
      if (m.find()) {
        Path main = dir.resolve(m.group(1)).normalize();
        Path file = asFile(main);
        if (file == null) file = asIndex(main);
        if (file != null) return file;
      }
    }
    return asIndex(dir);
  }

  private static Path asIndex(Path dir) {
    for (String ext : EXTENSIONS) {
      Path p = dir.resolve("index" + ext);
      if (Files.isRegularFile(p)) return p;
    }
    return null;
  }

  /** Whether Node would load this file as an ES module (.mjs, or .js under "type": "module"). */
  public static boolean isEsm(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".mjs")) return true;
    if (!name.endsWith(".js")) return false;
    for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
      Path pkg = dir.resolve("package.json");
      if (Files.isRegularFile(pkg)) {
        Matcher m = TYPE.matcher(read(pkg));
        return m.find() && m.group(1).equals("module");
      }
    }
    return false;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
