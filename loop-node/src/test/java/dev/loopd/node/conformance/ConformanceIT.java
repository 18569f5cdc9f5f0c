package dev.loopd.node.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.LoopNodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Node.js conformance: every script under {@code src/test/conformance/cases} runs under {@code
 * bin/loop-node run} and must print exactly what {@code node} printed for it (committed next to it
 * by {@code regen.sh}), exit with the same code, and write each {@code // stderr-includes:} line to
 * stderr.
 */
class ConformanceIT {
  private static final Path CASES =
      LoopNodeProcess.root().resolve("loop-node/src/test/conformance/cases");

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesNode() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(CASES)) {
      cases =
          files
              .filter(p -> p.toString().matches(".*\\.(js|mjs|cjs)$"))
              .filter(p -> Files.exists(Path.of(p + ".stdout")))
              .sorted()
              .toList();
    }
    assertThat(cases).as("conformance cases in %s", CASES).isNotEmpty();
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private static void check(Path script) throws Exception {
    Case c = Case.read(script);
    List<String> command = new ArrayList<>();
    command.add(LoopNodeProcess.launcher().toString());
    command.add("run");
    command.add(script.getFileName().toString());
    command.addAll(c.args);
    LoopNodeProcess.Result r = LoopNodeProcess.run(command, CASES, c.env, Duration.ofSeconds(90));
    String context = "stderr was:\n" + r.stderr();
    assertThat(r.stdout())
        .as("stdout of %s; %s", script.getFileName(), context)
        .isEqualTo(c.stdout);
    assertThat(r.exitCode())
        .as("exit code of %s; %s", script.getFileName(), context)
        .isEqualTo(c.exitCode);
    for (String expected : c.stderrIncludes) {
      assertThat(r.stderr()).as("stderr of %s", script.getFileName()).contains(expected);
    }
  }

  /** A case's headers and node's recorded results. */
  record Case(
      List<String> args,
      Map<String, String> env,
      List<String> stderrIncludes,
      String stdout,
      int exitCode) {
    static Case read(Path script) throws IOException {
      List<String> args = new ArrayList<>();
      Map<String, String> env = new LinkedHashMap<>();
      List<String> stderr = new ArrayList<>();
      for (String line : Files.readAllLines(script)) {
        String t = line.strip();
        if (t.startsWith("// args:")) {
          for (String a : t.substring(8).trim().split("\\s+")) if (!a.isEmpty()) args.add(a);
        } else if (t.startsWith("// env:")) {
          for (String kv : t.substring(7).trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        } else if (t.startsWith("// stderr-includes:")) {
          stderr.add(t.substring("// stderr-includes:".length()).trim());
        }
      }
      String stdout = Files.readString(Path.of(script + ".stdout"));
      int code = Integer.parseInt(Files.readString(Path.of(script + ".code")).trim());
      return new Case(args, env, stderr, stdout, code);
    }
  }
}
