package dev.loopd.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopd.node.js.JsRuntime;
import dev.loopd.node.js.Stdio;
import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.pool.BlockingPool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  @Test
  void spinningTaskIsInterruptedAndTheLoopRunsTheNextTimer() throws Exception {
    Path dir = Files.createTempDirectory("loopd-watchdog");
    Path script = dir.resolve("spin.js");
    Files.writeString(
        script,
        """
        setTimeout(() => { process.stdout.write('spinning\\n'); while (true) {} }, 1);
        setTimeout(() => process.stdout.write('next timer ran\\n'), 20);
        """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    EventLoop loop = new EventLoop();
    try (BlockingPool pool = new BlockingPool(1, 8)) {
      Stdio stdio = new Stdio(out, err);
      JsRuntime runtime =
          new JsRuntime(
              loop,
              pool,
              stdio,
              new JsRuntime.Settings(
                  List.of("loop-node", script.toString()), Map.of(), "loop-node", dir));
      List<String> warnings = new CopyOnWriteArrayList<>();
      List<EventLoop.TaskKind> interrupted = new CopyOnWriteArrayList<>();
      Watchdog dog =
          new Watchdog(
              50, 300, seq -> runtime.interrupt(), () -> runtime.whereIsJs(100), warnings::add);
      loop.addObserver(dog);
      runtime.onInterrupt((error, kind) -> interrupted.add(kind));
      dog.start();
      try {
        runtime.runMain(script);
        int code = runtime.spin();
        stdio.flush();
        assertThat(code).isZero();
      } finally {
        dog.close();
        runtime.close();
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("spinning\nnext timer ran\n");
      assertThat(interrupted).containsExactly(EventLoop.TaskKind.TIMER);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0))
          .contains("blocked for")
          .contains("a timer callback")
          .contains("spin.js");
    }
  }
}
