package dev.loopd.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopd.cli.CliException;
import dev.loopd.cli.Environment;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The config file: {@code $LOOPD_CONFIG}, else {@code ~/.config/loopd/config.json}. It holds a
 * token, so it is written owner-only (0600, its folder 0700) and replaced atomically.
 */
public final class ConfigFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path path;

  public ConfigFile(Path path) {
    this.path = path;
  }

  public static ConfigFile of(Environment env) {
    String explicit = env.variable("LOOPD_CONFIG");
    return new ConfigFile(
        explicit != null
            ? Path.of(explicit)
            : env.home().resolve(".config").resolve("loopd").resolve("config.json"));
  }

  public Path path() {
    return path;
  }

  /** The saved config, or {@link CliConfig#EMPTY} when there is no file yet. */
  public CliConfig load() {
    try {
      JsonNode node = JSON.readTree(Files.readString(path));
      return new CliConfig(text(node, "server"), text(node, "token"));
    } catch (NoSuchFileException e) {
      return CliConfig.EMPTY;
    } catch (IOException e) {
      throw new CliException(
          "cannot read the config file " + path + ": " + e.getMessage() + " (fix or delete it)", e);
    }
  }

  public void save(CliConfig config) {
    ObjectNode node = JSON.createObjectNode();
    node.put("server", config.server());
    node.put("token", config.token());
    try {
      Path dir = path.toAbsolutePath().getParent();
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      Path tmp =
          posix
              ? Files.createTempFile(
                  dir,
                  ".config",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, ".config", ".tmp");
      Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
      try {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CliException("cannot write the config file " + path + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
