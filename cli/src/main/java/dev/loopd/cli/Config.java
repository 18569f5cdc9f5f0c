package dev.loopd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where loopctl finds the server and token: flags, then {@code LOOPD_SERVER}/{@code LOOPD_TOKEN},
 * then the file {@code loopctl login} writes ({@code $LOOPD_CONFIG}, default {@code
 * ~/.config/loopd/config.json}, mode 0600).
 */
public record Config(String server, String token) {

  public static final String DEFAULT_SERVER = "127.0.0.1:7070";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path file(Map<String, String> env) {
    String explicit = env.get("LOOPD_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return Path.of(System.getProperty("user.home"), ".config", "loopd", "config.json");
  }

  /** The settings in effect for {@code global}. */
  static Config resolve(Global global, Map<String, String> env) {
    Config saved = load(file(env));
    String server = first(global.server, env.get("LOOPD_SERVER"), saved.server(), DEFAULT_SERVER);
    String token = first(global.token, env.get("LOOPD_TOKEN"), saved.token(), null);
    return new Config(server, token);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  static Config load(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Config(null, null);
    }
    try {
      var node = JSON.readTree(file.toFile());
      return new Config(
          node.path("server").isTextual() ? node.get("server").asText() : null,
          node.path("token").isTextual() ? node.get("token").asText() : null);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the loopctl config "
              + file
              + ": "
              + e.getMessage()
              + " (run loopctl login)");
    }
  }

  void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ObjectNode node = JSON.createObjectNode().put("server", server).put("token", token);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not POSIX
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
