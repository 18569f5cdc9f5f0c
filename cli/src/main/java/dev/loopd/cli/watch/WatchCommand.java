package dev.loopd.cli.watch;

import dev.loopd.cli.OnCtrlC;
import dev.loopd.cli.command.ApiCommand;
import dev.loopd.cli.command.PoolsCommand;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.output.OutputFormat;
import dev.loopd.proto.control.v1.GetPoolHealthRequest;
import dev.loopd.proto.control.v1.PoolHealth;
import dev.loopd.proto.control.v1.WatchPoolRequest;
import dev.loopd.proto.control.v1.WatchPoolResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopctl watch POOL}: a live table of the pool's nodes (loop lag, ELU, blocking pool
 * saturation) and its scaling decisions. On a terminal it redraws in place; piped, it appends
 * snapshots. Ctrl-C ends it with status 0.
 */
@Command(
    name = "watch",
    description = {
      "Watch a pool live: per node loop lag, ELU, blocking pool and in-flight invocations; the"
          + " pool's desired/ready nodes and its scaling events. Ctrl-C to stop.",
      "With -o json/yaml prints each streamed message (JSON lines / YAML documents)."
    })
public final class WatchCommand extends ApiCommand {
  /** Clears the screen and moves the cursor home. */
  static final String CLEAR = "\033[H\033[2J";

  @Parameters(paramLabel = "POOL")
  String pool;

  @Option(names = "--once", description = "Print the current health once and exit.")
  boolean once;

  @Override
  protected int run(Connection api) {
    if (once) {
      PoolHealth health =
          api.telemetry().getPoolHealth(GetPoolHealthRequest.newBuilder().setPool(pool).build());
      HealthView view = new HealthView();
      view.update(health);
      printer().print(health, () -> out().print(view.render()));
      return 0;
    }
    return stream(api);
  }

  private int stream(Connection api) {
    AtomicBoolean stopping = new AtomicBoolean();
    Context.CancellableContext call = Context.current().withCancellation();
    try (OnCtrlC stop =
        OnCtrlC.run(() -> {
          stopping.set(true);
          call.cancel(null);
        })) {
      return call.call(() -> consume(api, stopping));
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int consume(Connection api, AtomicBoolean stopping) {
    HealthView view = new HealthView();
    PrintStream out = out();
    boolean redraw = root().env().terminal();
    boolean structured = root().output() != OutputFormat.TABLE;
    try {
      Iterator<WatchPoolResponse> it =
          api.telemetry().watchPool(WatchPoolRequest.newBuilder().setPool(pool).build());
      while (it.hasNext()) {
        WatchPoolResponse message = it.next();
        if (structured) {
          printer().printStreamed(message);
          continue;
        }
        if (message.hasHealth()) {
          view.update(message.getHealth());
          out.print(redraw ? CLEAR + view.render() : view.render() + "\n");
        } else if (message.hasScalingEvent()) {
          view.add(message.getScalingEvent());
          // Appended output gets just the event; the next snapshot shows it in the list too.
          out.print(
              redraw
                  ? CLEAR + view.render()
                  : "Scaling event: " + PoolsCommand.eventLine(message.getScalingEvent()) + "\n");
        }
        out.flush();
      }
      err().println("The control plane ended the stream.");
      return 0;
    } catch (StatusRuntimeException e) {
      if (stopping.get() && e.getStatus().getCode() == Status.Code.CANCELLED) {
        return 0;
      }
      throw e;
    }
  }
}
