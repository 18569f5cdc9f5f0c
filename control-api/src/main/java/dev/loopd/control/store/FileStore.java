package dev.loopd.control.store;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.loopd.operator.store.InMemoryStore;
import dev.loopd.operator.store.StoreException;
import dev.loopd.operator.store.TokenRecord;
import dev.loopd.proto.control.v1.Handler;
import dev.loopd.proto.control.v1.HandlerVersion;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.Tenant;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The store of local mode: every object is one JSON file under the data directory, written before
 * the change becomes visible (temp file, fsync, atomic rename, fsync of the directory), so an
 * accepted change survives a crash and a crash never leaves a half-written file.
 *
 * <pre>
 * tenants/&lt;tenant&gt;.json
 * tokens/&lt;id&gt;.json                                  (hashes only)
 * pools/&lt;tenant&gt;/&lt;pool&gt;.json
 * handlers/&lt;tenant&gt;/&lt;name&gt;/handler.json
 * handlers/&lt;tenant&gt;/&lt;name&gt;/versions/&lt;version&gt;.json    (with the source)
 * </pre>
 *
 * A handler's new version is written before its handler.json, so a handler never points at a
 * version that is not on disk.
 */
public final class FileStore extends InMemoryStore {

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private final Path dir;

  private FileStore(Path dir) {
    this.dir = dir;
  }

  /** Opens (creating if needed) the store in {@code dir} and loads everything in it. */
  public static FileStore open(Path dir) {
    FileStore store = new FileStore(dir);
    try {
      mkdirs(dir);
      store.load();
    } catch (IOException e) {
      throw new StoreException("cannot open the store in " + dir + ": " + e.getMessage(), e);
    }
    return store;
  }

  private void load() throws IOException {
    for (Path f : jsonFiles(dir.resolve("tenants"), 1)) {
      Tenant t = parse(f, Tenant.newBuilder());
      tenants.put(t.getName(), t);
    }
    for (Path f : jsonFiles(dir.resolve("tokens"), 1)) {
      TokenRecord t = token(parse(f, Struct.newBuilder()), f);
      tokens.put(t.id(), t);
    }
    for (Path f : jsonFiles(dir.resolve("pools"), 2)) {
      Pool p = parse(f, Pool.newBuilder());
      pools.put(new Key(p.getTenant(), p.getName()), p);
    }
    for (Path f : jsonFiles(dir.resolve("handlers"), 3)) {
      if (!f.getFileName().toString().equals("handler.json")) {
        continue;
      }
      Handler h = parse(f, Handler.newBuilder());
      Key key = new Key(h.getTenant(), h.getName());
      handlers.put(key, h);
      // A version above latest_version was written by a submit whose handler.json then failed:
      // it was never accepted, and the next submit reuses its number.
      long latest = versionNumber(h.getLatestVersion());
      List<HandlerVersion> vs = new ArrayList<>();
      for (Path v : jsonFiles(f.resolveSibling("versions"), 1)) {
        HandlerVersion version = parse(v, HandlerVersion.newBuilder());
        if (versionNumber(version.getVersion()) <= latest) {
          vs.add(version);
        }
      }
      vs.sort(Comparator.comparingLong(v -> versionNumber(v.getVersion())));
      versions.put(key, vs);
    }
  }

  private static long versionNumber(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static List<Path> jsonFiles(Path root, int depth) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root, depth)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T parse(Path file, Message.Builder builder) {
    try {
      PARSER.merge(Files.readString(file, StandardCharsets.UTF_8), builder);
      return (T) builder.build();
    } catch (IOException e) {
      throw new StoreException(
          "cannot read "
              + file
              + ": "
              + e.getMessage()
              + " (fix or remove the file; the rest of the store is intact)",
          e);
    }
  }

  @Override
  protected void persist(Write write) {
    try {
      switch (write) {
        case Write.TenantWrite w -> put(dir.resolve("tenants/" + w.name() + ".json"), w.tenant());
        case Write.TokenWrite w ->
            put(
                dir.resolve("tokens/" + w.id() + ".json"),
                w.token() == null ? null : struct(w.token()));
        case Write.PoolWrite w ->
            put(dir.resolve("pools/" + w.tenant() + "/" + w.name() + ".json"), w.pool());
        case Write.HandlerWrite w -> {
          Path hdir = dir.resolve("handlers/" + w.tenant() + "/" + w.name());
          if (w.handler() == null) {
            deleteTree(hdir);
          } else {
            Path version =
                w.version() == null
                    ? null
                    : hdir.resolve("versions/" + w.version().getVersion() + ".json");
            if (version != null) {
              put(version, w.version());
            }
            try {
              put(hdir.resolve("handler.json"), w.handler());
            } catch (IOException e) {
              if (version != null) {
                Files.deleteIfExists(version); // best effort; load ignores it anyway
              }
              throw e;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /** Writes {@code value} to {@code file} atomically and durably; null deletes the file. */
  private static void put(Path file, Message value) throws IOException {
    Path parent = file.getParent();
    if (value == null) {
      if (Files.deleteIfExists(file)) {
        fsync(parent);
      }
      return;
    }
    mkdirs(parent);
    Path tmp = parent.resolve(file.getFileName() + ".tmp");
    byte[] bytes = PRINTER.print(value).getBytes(StandardCharsets.UTF_8);
    Files.deleteIfExists(tmp); // a leftover of a crash, possibly with other permissions
    try (FileChannel ch = createOwnerOnly(tmp)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsync(parent);
  }

  /** A new file readable by its owner only from the start (sources and token hashes). */
  private static FileChannel createOwnerOnly(Path file) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      return FileChannel.open(
          file,
          options,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      return FileChannel.open(file, options);
    }
  }

  private static void fsync(Path directory) {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // some file systems cannot sync a directory; the rename is still atomic
    }
  }

  private static void mkdirs(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    try {
      Files.createDirectories(d);
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
    } catch (FileAlreadyExistsException | UnsupportedOperationException ignored) {
      // fine
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    fsync(root.getParent());
  }

  private static Struct struct(TokenRecord t) {
    return Struct.newBuilder()
        .putFields("id", str(t.id()))
        .putFields("tenant", str(t.tenant()))
        .putFields("admin", Value.newBuilder().setBoolValue(t.admin()).build())
        .putFields("secretSha256", str(t.secretSha256()))
        .putFields("description", str(t.description()))
        .putFields("createTime", str(t.createTime().toString()))
        .build();
  }

  private static Value str(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static TokenRecord token(Struct s, Path file) {
    try {
      var f = s.getFieldsMap();
      return new TokenRecord(
          f.get("id").getStringValue(),
          f.get("tenant").getStringValue(),
          f.get("admin").getBoolValue(),
          f.get("secretSha256").getStringValue(),
          f.get("description").getStringValue(),
          Instant.parse(f.get("createTime").getStringValue()));
    } catch (RuntimeException e) {
      throw new StoreException("cannot read " + file + ": not a token record", e);
    }
  }
}
