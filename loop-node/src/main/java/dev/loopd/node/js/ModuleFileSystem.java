package dev.loopd.node.js;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.graalvm.polyglot.io.FileSystem;

/**
 * What GraalJS's ES module loader sees: the script's own files, read-only, plus generated modules
 * for two things Node's loader does that GraalJS's does not: builtins ({@code import fs from
 * 'node:events'}) and CommonJS files imported from ES modules (default export = module.exports,
 * named exports = its keys). Nothing else of the host file system is reachable from JavaScript.
 */
final class ModuleFileSystem implements FileSystem {
  private static final Path BUILTIN_ROOT = Path.of("/__loopd__/builtin");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Set<String> RESERVED =
      Set.of(
          "default",
          "class",
          "function",
          "delete",
          "new",
          "this",
          "var",
          "let",
          "const",
          "enum",
          "export",
          "import",
          "return",
          "switch",
          "case",
          "break",
          "continue",
          "do",
          "while",
          "for",
          "if",
          "else",
          "in",
          "of",
          "instanceof",
          "typeof",
          "void",
          "with",
          "yield",
          "await",
          "try",
          "catch",
          "finally",
          "throw",
          "debugger",
          "super",
          "extends",
          "null",
          "true",
          "false",
          "static",
          "implements",
          "interface",
          "package",
          "private",
          "protected",
          "public",
          "arguments",
          "eval");

  private final FileSystem files =
      FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
  private final Function<String, Boolean> isBuiltin;
  private final Function<String, List<String>> builtinExports;
  private final Function<Path, List<String>> commonJsExports;
  private final boolean sandboxed;

  ModuleFileSystem(
      Function<String, Boolean> isBuiltin,
      Function<String, List<String>> builtinExports,
      Function<Path, List<String>> commonJsExports,
      boolean sandboxed) {
    this.isBuiltin = isBuiltin;
    this.builtinExports = builtinExports;
    this.commonJsExports = commonJsExports;
    this.sandboxed = sandboxed;
  }

  /**
   * A handler's modules: builtins only. A bare name that is no builtin loads a module that throws
   * the same "not available in loopd" error as require; any file is refused.
   */
  static ModuleFileSystem sandboxed(
      Function<String, Boolean> isBuiltin, Function<String, List<String>> builtinExports) {
    return new ModuleFileSystem(isBuiltin, builtinExports, p -> List.of(), true);
  }

  private void refuseFiles(Path path) throws IOException {
    if (sandboxed) {
      throw new java.nio.file.AccessDeniedException(
          path.toString(),
          null,
          "a handler is a single ES module and can import only Node.js builtins such as"
              + " 'node:crypto'; it cannot read files");
    }
  }

  @Override
  public Path parsePath(URI uri) {
    // `import 'node:timers/promises'` reaches here as a URI with the scheme "node".
    if ("node".equals(uri.getScheme())) return parsePath("node:" + uri.getSchemeSpecificPart());
    return files.parsePath(uri);
  }

  @Override
  public Path parsePath(String path) {
    String id = path.startsWith("node:") ? path.substring(5) : path;
    boolean bare = !path.startsWith(".") && !path.startsWith("/");
    if (bare && (isBuiltin.apply(id) || (sandboxed && !id.contains(":")))) {
      return BUILTIN_ROOT.resolve(id.replace('/', '%') + ".mjs");
    }
    return files.parsePath(path);
  }

  private static String builtinId(Path path) {
    if (!path.startsWith(BUILTIN_ROOT)) return null;
    String name = path.getFileName().toString();
    return name.substring(0, name.length() - ".mjs".length()).replace('%', '/');
  }

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options)
      throws IOException {
    if (builtinId(path) != null) return;
    refuseFiles(path);
    files.checkAccess(path, modes, options);
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    String id = builtinId(path);
    if (id != null) return new ReadOnlyChannel(builtinModule(id));
    refuseFiles(path);
    if (!ModuleResolver.isEsm(path) && !path.toString().endsWith(".json")) {
      return new ReadOnlyChannel(commonJsModule(path));
    }
    return files.newByteChannel(path, options, attrs);
  }

  private String builtinModule(String id) {
    String load = "globalThis[Symbol.for('loopd.builtin')](" + quote(id) + ")";
    return reexport(load, builtinExports.apply(id));
  }

  private String commonJsModule(Path path) {
    List<String> names = commonJsExports.apply(path);
    String load = "globalThis[Symbol.for('loopd.requireFile')](" + quote(path.toString()) + ")";
    return reexport(load, names);
  }

  private static String reexport(String load, List<String> names) {
    StringBuilder s = new StringBuilder("const m = ").append(load).append(";\nexport default m;\n");
    for (String name : names) {
      if (IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name)) {
        s.append("export const ").append(name).append(" = m.").append(name).append(";\n");
      }
    }
    return s.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    files.createDirectory(dir, attrs);
  }

  @Override
  public void delete(Path path) throws IOException {
    files.delete(path);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    refuseFiles(dir);
    return files.newDirectoryStream(dir, filter);
  }

  @Override
  public Path toAbsolutePath(Path path) {
    if (builtinId(path) != null) return path;
    return files.toAbsolutePath(path);
  }

  @Override
  public Path toRealPath(Path path, LinkOption... options) throws IOException {
    if (builtinId(path) != null) return path;
    refuseFiles(path);
    return files.toRealPath(path, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    refuseFiles(path);
    return files.readAttributes(path, attributes, options);
  }

  /** A generated module's text as a read-only channel. */
  private static final class ReadOnlyChannel implements SeekableByteChannel {
    private final ByteBuffer bytes;
    private boolean open = true;

    ReadOnlyChannel(String text) {
      this.bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read(ByteBuffer dst) {
      if (!bytes.hasRemaining()) return -1;
      int n = Math.min(dst.remaining(), bytes.remaining());
      ByteBuffer slice = bytes.slice().limit(n);
      dst.put(slice);
      bytes.position(bytes.position() + n);
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() {
      return bytes.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      bytes.position((int) Math.min(newPosition, bytes.limit()));
      return this;
    }

    @Override
    public long size() {
      return bytes.limit();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
