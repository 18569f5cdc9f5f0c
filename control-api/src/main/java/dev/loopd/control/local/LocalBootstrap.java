package dev.loopd.control.local;

import com.google.protobuf.util.Timestamps;
import dev.loopd.control.auth.Tokens;
import dev.loopd.operator.core.PoolDefaults;
import dev.loopd.operator.store.Store;
import dev.loopd.proto.control.v1.Pool;
import dev.loopd.proto.control.v1.PoolSpec;
import dev.loopd.proto.control.v1.Quotas;
import dev.loopd.proto.control.v1.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

/**
 * First start of local mode: an admin token, a {@code default} tenant with a token, and a {@code
 * default} pool (1 to 4 nodes), so that {@code loopctl} works right after {@code bin/loopd up}. The
 * tokens' secrets are written once to {@code <data-dir>/tokens/} (0600); the store keeps only their
 * hashes. Later starts change nothing that exists.
 */
final class LocalBootstrap {

  static final String DEFAULT = "default";

  /** The secrets of the bootstrap tokens, when their files exist. */
  record Result(String adminToken, Optional<String> tenantToken) {}

  private LocalBootstrap() {}

  static Result ensure(Store store, Path dataDir, Clock clock) {
    Path tokens = dataDir.resolve("tokens");
    Path adminFile = tokens.resolve("admin.token");
    Path tenantFile = tokens.resolve(DEFAULT + ".token");
    String admin = read(adminFile).filter(t -> Tokens.verify(store, t).isPresent()).orElse(null);
    if (admin == null) {
      admin = Tokens.issue(store, "", true, "admin token of bin/loopd up", clock).secret();
      write(adminFile, admin);
    }
    if (store.tenants().isEmpty()) {
      var now = Timestamps.fromMillis(clock.millis());
      store.putTenant(
          Tenant.newBuilder()
              .setName(DEFAULT)
              .setQuotas(Quotas.getDefaultInstance())
              .setCreateTime(now)
              .build());
      write(
          tenantFile,
          Tokens.issue(store, DEFAULT, false, "first token of tenant default", clock).secret());
      store.putPool(
          Pool.newBuilder()
              .setTenant(DEFAULT)
              .setName(DEFAULT)
              .setSpec(
                  PoolDefaults.withDefaults(
                      PoolSpec.newBuilder().setMinNodes(1).setMaxNodes(4).build()))
              .setGeneration(1)
              .setCreateTime(now)
              .setUpdateTime(now)
              .build());
    }
    return new Result(admin, read(tenantFile).filter(t -> Tokens.verify(store, t).isPresent()));
  }

  /** Tells bin/loopd the platform is up: the address and where the tokens are. */
  static void writeReady(Path dataDir, String address, Result boot) {
    StringBuilder text = new StringBuilder();
    text.append("address=").append(address).append('\n');
    text.append("admin_token_file=")
        .append(dataDir.resolve("tokens/admin.token").toAbsolutePath())
        .append('\n');
    if (boot.tenantToken().isPresent()) {
      text.append("token_file=")
          .append(dataDir.resolve("tokens/" + DEFAULT + ".token").toAbsolutePath())
          .append('\n');
    }
    text.append("pid=").append(ProcessHandle.current().pid()).append('\n');
    write(dataDir.resolve("run/ready"), text.toString());
  }

  static void clearReady(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve("run/ready"));
    } catch (IOException ignored) {
      // best effort: the launcher also checks the pid
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
