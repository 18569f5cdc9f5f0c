package dev.loopd.e2e.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Test scaffolding: the fake kubelet's own log, one timestamped line per thing it did. */
final class Journal {

  private final Path file;

  Journal(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  synchronized void log(String format, Object... args) {
    String line =
        LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + String.format(format, args) + "\n";
    try {
      Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fake kubelet's journal " + file, e);
    }
  }
}
