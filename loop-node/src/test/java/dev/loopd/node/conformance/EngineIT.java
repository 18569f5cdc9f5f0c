package dev.loopd.node.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.LoopNodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher runs GraalJS with its optimizing compiler, and reports clear errors on bad input.
 */
class EngineIT {
  @Test
  void launcherRunsGraalJsWithTheOptimizingCompiler() throws Exception {
    var r =
        LoopNodeProcess.run(
            List.of(LoopNodeProcess.launcher().toString(), "version", "--require-compiler"),
            LoopNodeProcess.root(),
            Map.of(),
            Duration.ofSeconds(60));
    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    assertThat(r.stdout()).contains("compiler  active").doesNotContain("Interpreted");
    assertThat(r.stderr()).doesNotContain("fallback runtime");
  }

  @Test
  void anEngineOptionTheEngineRefusesIsOneLineAndExitCode2() throws Exception {
    Path dir = Files.createTempDirectory("loopd-options");
    Files.writeString(dir.resolve("one.js"), "1;\n");
    for (String command : List.of("run", "serve")) {
      List<String> args =
          command.equals("run")
              ? List.of(LoopNodeProcess.launcher().toString(), "run", "one.js")
              : List.of(
                  LoopNodeProcess.launcher().toString(),
                  "serve",
                  "--http-port",
                  "0",
                  "--grpc-port",
                  "0");
      var r =
          LoopNodeProcess.run(
              args,
              dir,
              Map.of("LOOPD_JAVA_OPTS", "-Dpolyglot.engine.TraceCompilationDetails=true"),
              Duration.ofSeconds(60));
      assertThat(r.exitCode()).as(command + ": " + r.stderr()).isEqualTo(2);
      assertThat(r.stderr())
          .as(command)
          .contains("loop-node: the JavaScript engine refused its options")
          .contains("engine.TraceCompilationDetails")
          .contains("AllowExperimentalOptions")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void missingScriptSaysWhichFile() throws Exception {
    var r =
        LoopNodeProcess.run(
            List.of(LoopNodeProcess.launcher().toString(), "run", "no-such-script.js"),
            LoopNodeProcess.root(),
            Map.of(),
            Duration.ofSeconds(60));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("Cannot find module").contains("no-such-script.js");
  }

  @Test
  void syntaxErrorPrintsFileLineAndColumn() throws Exception {
    Path dir = Files.createTempDirectory("loopd-syntax");
    Files.writeString(dir.resolve("bad.js"), "const a = 1;\nconst b = ;\n");
    var r =
        LoopNodeProcess.run(
            List.of(LoopNodeProcess.launcher().toString(), "run", "bad.js"),
            dir,
            Map.of(),
            Duration.ofSeconds(60));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains(dir.resolve("bad.js") + ":2:").contains("SyntaxError");
  }

  @Test
  void unsupportedModuleFailsNamingIt() throws Exception {
    Path dir = Files.createTempDirectory("loopd-fs");
    Files.writeString(dir.resolve("fs.js"), "require('fs');\n");
    var r =
        LoopNodeProcess.run(
            List.of(LoopNodeProcess.launcher().toString(), "run", "fs.js"),
            dir,
            Map.of(),
            Duration.ofSeconds(60));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("'fs' is not available in loopd");
  }
}
