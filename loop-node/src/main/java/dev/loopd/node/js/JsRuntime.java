package dev.loopd.node.js;

import dev.loopd.node.loop.EventLoop;
import dev.loopd.node.loop.EventLoop.TaskKind;
import dev.loopd.node.pool.BlockingPool;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One JavaScript context on an {@link EventLoop}: the Node-compatible globals and builtins, the
 * script's modules, and the host side of timers, immediates, nextTick and promise rejections.
 *
 * <p>Contexts share one {@link Engine} (and so its code cache). A context allows nothing of the
 * host but reading bytes of buffers it is handed and, for ES modules, reading module files through
 * {@link ModuleFileSystem}: no host classes, threads, processes, native access or environment.
 */
public final class JsRuntime implements EventLoop.Host, AutoCloseable {
  private static final String LIB = "/dev/loopd/node/js/lib/";
  private static final String CJS_HEADER =
      "(function (exports, require, module, __filename, __dirname) { ";
  private static final Map<String, Source> BUILTIN_SOURCES = new ConcurrentHashMap<>();
  private static volatile Engine sharedEngine;

  /** What a script sees of its process. */
  public record Settings(List<String> argv, Map<String, String> env, String execPath, Path cwd) {}

  /**
   * Makes the context a handler's (loop-node serve): no files, no environment, no way to stop the
   * process; output becomes log lines and responses go back through these calls, all on the loop
   * thread.
   */
  public interface Sandbox {
    /** A console line or a ctx.log call; {@code invocationId} is empty outside any invocation. */
    void log(String level, String text, String invocationId);

    /** The handler answered invocation {@code slot}; status -1 means it failed (body: why). */
    void respond(int slot, int status, Value headers, String body);

    void respondBytes(int slot, int status, Value headers, byte[] body);

    /** Something failed outside JavaScript's reach (a host or internal error). */
    void internalError(Throwable error);
  }

  private final EventLoop loop;
  private final EventLoop.Realm realm;
  private final Stdio stdio;
  private final Context context;
  private final BuiltinOps ops;
  private final Sandbox sandbox;
  private IntConsumer exitHandler = code -> {};
  private InterruptHandler interruptHandler = (error, kind) -> {};

  private Value processTimers;
  private Value processImmediate;
  private Value runTicks;
  private Value runRejections;
  private Value handleUncaught;
  private Value formatFatal;
  private Value emitProcessEvent;
  private Value exitCode;
  private Value runCommonJsMain;
  private Value runEsmMain;
  private Value esmMainUnsettled;
  private Value builtinKeys;
  private Value requireFileKeys;
  private Value handlerEntries; // sandboxed only: setHandler, invoke, abort, takeInterrupted
  private Value invokeEntry; // handlerEntries.invoke, looked up once: it runs for every request

  /** Called on the loop thread when the watchdog interrupted a task. */
  public interface InterruptHandler {
    void interrupted(PolyglotException error, TaskKind kind);
  }

  /** A script's runtime ({@code loop-node run}), on the loop at once. */
  public JsRuntime(EventLoop loop, BlockingPool pool, Stdio stdio, Settings settings) {
    this(loop, true, pool, stdio, settings, null);
  }

  /**
   * A handler's runtime, prepared on any thread: its realm joins the loop when the caller runs
   * {@code realm().join()} on the loop thread.
   */
  public JsRuntime(EventLoop loop, BlockingPool pool, Sandbox sandbox) {
    this(
        loop,
        false,
        pool,
        null,
        new Settings(List.of("loop-node"), Map.of(), "loop-node", Path.of("/")),
        sandbox);
  }

  private JsRuntime(
      EventLoop loop,
      boolean joinNow,
      BlockingPool pool,
      Stdio stdio,
      Settings settings,
      Sandbox sandbox) {
    this.loop = loop;
    this.stdio = stdio;
    this.sandbox = sandbox;
    ModuleFileSystem files =
        sandbox == null
            ? new ModuleFileSystem(
                JsRuntime::isPublicBuiltin, this::builtinExports, this::commonJsExports, false)
            : ModuleFileSystem.sandboxed(JsRuntime::isPublicBuiltin, this::builtinExports);
    this.context =
        Context.newBuilder("js")
            .engine(sharedEngine())
            .allowHostAccess(HostAccess.newBuilder().allowBufferAccess(true).build())
            .allowPolyglotAccess(PolyglotAccess.NONE)
            .allowCreateThread(false)
            .allowCreateProcess(false)
            .allowNativeAccess(false)
            .allowEnvironmentAccess(EnvironmentAccess.NONE)
            .allowIO(IOAccess.newBuilder().fileSystem(files).build())
            .allowExperimentalOptions(true)
            .option("js.async-context", "true")
            .option("js.stack-trace-api", "true")
            .option("js.unhandled-rejections", "handler")
            .option("js.load", "false")
            .option("js.print", "false")
            .option("js.console", "false")
            .option("js.polyglot-builtin", "false")
            .option("js.java-package-globals", "false")
            .option("js.global-arguments", "false")
            .option("js.graal-builtin", "true") // for the rejection hook; bootstrap deletes Graal
            .option("js.esm-eval-returns-exports", "true")
            .option("js.timer-resolution", "1")
            .build();
    this.realm = loop.newRealm(this);
    if (joinNow) realm.join();
    this.ops = new BuiltinOps(loop, realm, pool);
    bootstrap(settings);
  }

  /** The engine all contexts of this process share, so compiled code is shared too. */
  public static Engine sharedEngine() {
    Engine e = sharedEngine;
    if (e == null) {
      synchronized (JsRuntime.class) {
        e = sharedEngine;
        if (e == null) {
          e = newEngine();
          sharedEngine = e;
        }
      }
    }
    return e;
  }

  /**
   * A JavaScript engine with the options of this JVM's {@code -Dpolyglot.*} system properties.
   *
   * @throws EngineOptionsException when the engine refuses one of them
   */
  static Engine newEngine() {
    try {
      return Engine.newBuilder("js").build();
    } catch (IllegalArgumentException e) {
      throw new EngineOptionsException(
          "the JavaScript engine refused its options: "
              + e.getMessage()
              + " (engine options come from -Dpolyglot.* system properties, e.g. in"
              + " LOOPD_JAVA_OPTS; an experimental one also needs"
              + " -Dpolyglot.engine.AllowExperimentalOptions=true)",
          e);
    }
  }

  /** The engine could not start with the options it was given: the user's to fix. */
  public static final class EngineOptionsException extends RuntimeException {
    EngineOptionsException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** "GraalVM CE" with the optimizing compiler; "Interpreted" when it fell back. */
  public static String engineImplementation() {
    return sharedEngine().getImplementationName();
  }

  public void onExit(IntConsumer exitHandler) {
    this.exitHandler = exitHandler;
  }

  public void onInterrupt(InterruptHandler handler) {
    this.interruptHandler = handler;
  }

  public Context context() {
    return context;
  }

  /** This context's handles on the loop. */
  public EventLoop.Realm realm() {
    return realm;
  }

  // ---- bootstrap ----------------------------------------------------------------------------

  private void bootstrap(Settings settings) {
    Bindings b = new Bindings();
    b.namespace("loop")
        .fn("now", a -> (double) loop.updateAndGetNow())
        .fn("hrtime", a -> (double) (System.nanoTime()))
        .fn("scheduleTimer", a -> run(() -> realm.scheduleJsTimer(a[0].asLong())))
        .fn("toggleTimerRef", a -> run(() -> realm.setJsTimerRef(a[0].asBoolean())))
        .fn("setImmediatePending", a -> run(() -> realm.setImmediatesPending(a[0].asBoolean())))
        .fn("toggleImmediateRef", a -> run(() -> realm.setImmediateRef(a[0].asBoolean())))
        .fn("setTickScheduled", a -> run(() -> realm.setTickScheduled(a[0].asBoolean())))
        .fn("setRejectionPending", a -> run(() -> realm.setRejectionPending(a[0].asBoolean())))
        .fn("reallyExit", a -> run(() -> exit(a[0].asInt())))
        .fn("fatal", a -> run(() -> fatalFromJs(a[0])))
        .fn("taskFailed", a -> run(realm::markTaskFailed))
        .fn("idleTime", a -> loop.idleNanos() / 1e6)
        .fn("loopStart", a -> loopStartMs())
        .fn("timeOrigin", a -> timeOriginMs())
        .fn("originNanos", a -> (double) loop.originNanos());
    if (sandbox == null) {
      b.namespace("stdio")
          .fn("writeStdout", a -> run(() -> stdio.writeOut(a[0].asString())))
          .fn("writeStderr", a -> run(() -> stdio.writeErr(a[0].asString())));
      b.namespace("modules")
          .fn("compileBuiltin", a -> compileBuiltin(a[0].asString()))
          .fn("isBuiltin", a -> isPublicBuiltin(a[0].asString()))
          .fn("resolve", a -> resolve(a[0].asString(), a[1].asString()))
          .fn("readFile", a -> readFile(a[0].asString()))
          .fn("compileCommonJs", a -> compileCommonJs(a[0].asString(), a[1].asString()))
          .fn("isEsm", a -> ModuleResolver.isEsm(Path.of(a[0].asString())));
    } else {
      // A handler's output is log lines of its invocation (see internal/bootstrap), and it has no
      // files: resolving or reading one finds nothing.
      b.namespace("stdio")
          .fn("writeStdout", a -> run(() -> sandbox.log("info", a[0].asString(), idOf(a, 1))))
          .fn("writeStderr", a -> run(() -> sandbox.log("error", a[0].asString(), idOf(a, 1))));
      b.namespace("modules")
          .fn("compileBuiltin", a -> compileBuiltin(a[0].asString()))
          .fn("isBuiltin", a -> isPublicBuiltin(a[0].asString()))
          .fn("resolve", a -> null)
          .fn("readFile", a -> null)
          .fn("compileCommonJs", a -> null)
          .fn("isEsm", a -> false);
      b.namespace("handler")
          .fn(
              "respond",
              a ->
                  run(() ->
                      sandbox.respond(
                          a[0].asInt(),
                          a[1].asInt(),
                          a[2],
                          a[3].isNull() ? null : a[3].asString())))
          .fn(
              "respondBytes",
              a ->
                  run(() ->
                      sandbox.respondBytes(
                          a[0].asInt(), a[1].asInt(), a[2], HostBytes.fromJs(a, 3))))
          .fn("log", a -> run(() -> sandbox.log(a[0].asString(), a[1].asString(), idOf(a, 2))));
    }
    b.namespace("process")
        .value("argv", Bindings.strings(settings.argv()))
        .value(
            "env",
            org.graalvm.polyglot.proxy.ProxyObject.fromMap(new java.util.HashMap<>(settings.env())))
        .value("execPath", settings.execPath())
        .value("cwd", settings.cwd().toString())
        .value("sandboxed", sandbox != null)
        .value("pid", (double) ProcessHandle.current().pid())
        .value("ppid", (double) ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L))
        .fn("memoryUsage", a -> memoryUsage())
        .fn("cpuUsage", a -> cpuUsageMicros());
    ops.register(b);

    Value entries =
        context
            .eval(builtinSource("internal/bootstrap", "(function (bindings) {"))
            .execute(b.build());
    processTimers = entries.getMember("processTimers");
    processImmediate = entries.getMember("processImmediate");
    runTicks = entries.getMember("runTicks");
    runRejections = entries.getMember("runRejections");
    handleUncaught = entries.getMember("handleUncaught");
    formatFatal = entries.getMember("formatFatal");
    emitProcessEvent = entries.getMember("emitProcessEvent");
    exitCode = entries.getMember("exitCode");
    runCommonJsMain = entries.getMember("runCommonJsMain");
    runEsmMain = entries.getMember("runEsmMain");
    esmMainUnsettled = entries.getMember("esmMainUnsettled");
    builtinKeys = entries.getMember("builtinKeys");
    requireFileKeys = entries.getMember("requireFileKeys");
    handlerEntries = entries.getMember("handler");
    invokeEntry =
        handlerEntries != null && handlerEntries.hasMembers()
            ? handlerEntries.getMember("invoke")
            : null;
    ops.setCompleter(entries.getMember("completeRequest"));
  }

  private static String idOf(Value[] a, int i) {
    return a.length > i && a[i].isString() ? a[i].asString() : "";
  }

  private static Object run(Runnable r) {
    r.run();
    return null;
  }

  private double loopStartMs() {
    long start = loop.loopStartNanos();
    return start == 0 ? -1 : (start - loop.originNanos()) / 1e6;
  }

  private double timeOriginMs() {
    return System.currentTimeMillis() - (System.nanoTime() - loop.originNanos()) / 1e6;
  }

  private static Object memoryUsage() {
    Runtime rt = Runtime.getRuntime();
    long heapUsed = rt.totalMemory() - rt.freeMemory();
    return org.graalvm.polyglot.proxy.ProxyArray.fromArray(
        (double) residentSetBytes(), (double) rt.totalMemory(), (double) heapUsed);
  }

  /** Resident set size from /proc (Linux), or the JVM's committed heap elsewhere. */
  public static long residentSetBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return Runtime.getRuntime().totalMemory();
  }

  private static Object cpuUsageMicros() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuNanos =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    return (double) (cpuNanos / 1000);
  }

  // ---- modules ------------------------------------------------------------------------------

  static boolean isPublicBuiltin(String id) {
    return !id.startsWith("internal/") && JsRuntime.class.getResource(LIB + id + ".js") != null;
  }

  private static Source builtinSource(String id, String header) {
    return BUILTIN_SOURCES.computeIfAbsent(
        id,
        key -> {
          try (InputStream in = JsRuntime.class.getResourceAsStream(LIB + key + ".js")) {
            if (in == null) return null;
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", header + text + "\n})", "node:" + key).build();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private Object compileBuiltin(String id) {
    Source source = builtinSource(id, "(function (exports, require, module, internalBinding) {");
    return source == null ? null : context.eval(source);
  }

  private static Object resolve(String request, String fromDir) {
    Path p = ModuleResolver.resolve(request, Path.of(fromDir));
    return p == null ? null : p.toString();
  }

  private static Object readFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      return null;
    }
  }

  private Object compileCommonJs(String path, String text) {
    if (text.startsWith("#!")) text = "//" + text.substring(2);
    try {
      Source source =
          Source.newBuilder("js", new File(path)).content(CJS_HEADER + text + "\n})").build();
      return context.eval(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PolyglotException e) {
      if (!e.isSyntaxError() || e.getSourceLocation() == null) throw e;
      // JS raises it (see internal/modules): [where, with the line and a caret; the message].
      return org.graalvm.polyglot.proxy.ProxyArray.fromArray(
          sourceExcerpt(e.getSourceLocation(), true), syntaxErrorText(e).substring(13));
    }
  }

  private List<String> builtinExports(String id) {
    return keys(builtinKeys.execute(id));
  }

  private List<String> commonJsExports(Path file) {
    return keys(requireFileKeys.execute(file.toString()));
  }

  private static List<String> keys(Value array) {
    List<String> out = new ArrayList<>();
    for (long i = 0; i < array.getArraySize(); i++) out.add(array.getArrayElement(i).asString());
    return out;
  }

  // ---- running the script -------------------------------------------------------------------

  /** Runs the main module as the first macrotask: CommonJS or ES module, as Node decides. */
  public void runMain(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    realm.run(
        TaskKind.MAIN,
        () -> {
          if (ModuleResolver.isEsm(abs)) {
            runEsmMain.execute(abs.toString());
          } else {
            runCommonJsMain.execute(abs.toString());
          }
        });
  }

  /** Node's SpinEventLoop: run the loop, emit 'beforeExit', repeat while it came back alive. */
  public int spin() {
    do {
      loop.run();
      if (loop.isStopped()) break;
      realm.run(TaskKind.INTERNAL, () -> emitProcessEvent.execute("beforeExit"));
    } while (loop.isAlive() && !loop.isStopped());
    realm.run(TaskKind.INTERNAL, () -> emitProcessEvent.execute("exit"));
    stdio.flush();
    int code = exitCode.execute().asInt();
    // Node 20: a main module whose top-level await never settled exits with 13.
    if (code == 0 && esmMainUnsettled.execute().asBoolean()) return 13;
    return code;
  }

  private void exit(int code) {
    if (stdio != null) stdio.flush();
    loop.stop();
    exitHandler.accept(code);
  }

  // ---- a handler's module (sandboxed runtimes) ---------------------------------------------

  /**
   * Evaluates a handler's ES module and takes its default export. Throws the engine's {@link
   * PolyglotException} for a syntax error, a failed import or a throwing top level, and for a
   * default export that is not a function (code ERR_LOOPD_INVALID_EXPORT).
   */
  public void loadHandler(String tenant, String name, String version, String source) {
    Source module =
        Source.newBuilder("js", source, name + "@" + version + ".mjs")
            .mimeType("application/javascript+module")
            .buildLiteral();
    Value namespace = context.eval(module);
    handlerEntries.getMember("setHandler").execute(namespace, tenant, name, version);
  }

  /** Starts one invocation (loop thread); the answer comes through {@link Sandbox#respond}. */
  public void invokeHandler(
      int slot,
      String id,
      String method,
      String path,
      Object query,
      Object headers,
      Object body,
      double deadlineEpochMs) {
    invokeEntry.execute(slot, id, method, path, query, headers, body, deadlineEpochMs);
  }

  /** Aborts an invocation's signal and forgets it; {@code why} is "deadline" or a reason. */
  public void abortInvocation(int slot, String why) {
    handlerEntries.getMember("abort").execute(slot, why);
  }

  /** The slot the watchdog interrupted, or -1 when the JavaScript could not tell. */
  public int takeInterruptedSlot() {
    return handlerEntries.getMember("takeInterrupted").execute().asInt();
  }

  // ---- EventLoop.Host -------------------------------------------------------------------------

  @Override
  public double runTimers(long now) {
    return processTimers.execute((double) now).asDouble();
  }

  @Override
  public boolean runImmediate() {
    return processImmediate.execute().asBoolean();
  }

  @Override
  public void runTicks() {
    runTicks.execute();
  }

  @Override
  public void runRejections() {
    runRejections.execute();
  }

  @Override
  public void uncaught(Throwable error, TaskKind kind) {
    if (!(error instanceof PolyglotException e)) {
      internalError(error);
      return;
    }
    if (e.isInterrupted()) {
      interruptHandler.interrupted(e, kind);
      return;
    }
    if (sandbox != null && (e.isCancelled() || e.isExit() || e.isHostException())) {
      sandbox.internalError(e);
      return;
    }
    if (e.isCancelled() || e.isExit()) {
      exit(e.isExit() ? e.getExitStatus() : 1);
      return;
    }
    if (e.isHostException()) {
      internalError(e.asHostException());
      return;
    }
    if (e.isInternalError() || !e.isGuestException()) {
      internalError(e);
      return;
    }
    Value thrown = e.getGuestObject();
    boolean handled;
    try {
      handled = handleUncaught.execute(thrown, false).asBoolean();
    } catch (PolyglotException inHandler) {
      if (sandbox != null) {
        handlerEntries
            .getMember("onUncaught")
            .execute(inHandler.isGuestException() ? inHandler.getGuestObject() : thrown);
        return;
      }
      // Node exits with 7 when the 'uncaughtException' handler itself throws.
      printFatal(inHandler, inHandler.isGuestException() ? inHandler.getGuestObject() : null);
      fatalExit(7);
      return;
    }
    if (!handled) {
      if (sandbox != null) {
        handlerEntries.getMember("onUncaught").execute(thrown);
        return;
      }
      printFatal(e, thrown);
      fatalExit(1);
    }
  }

  /** Called from JS when an unhandled rejection (or a warning turned error) ends the process. */
  void fatalFromJs(Value error) {
    printFatal(null, error);
    fatalExit(1);
  }

  private void fatalExit(int code) {
    try {
      realm.run(TaskKind.INTERNAL, () -> emitProcessEvent.execute("exit", code));
    } finally {
      exit(code);
    }
  }

  private void printFatal(PolyglotException e, Value thrown) {
    StringBuilder s = new StringBuilder();
    SourceSection at = e == null ? null : e.getSourceLocation();
    if (at != null && at.getSource() != null && at.hasLines()) {
      s.append(sourceExcerpt(at, e.isSyntaxError()));
    }
    String text;
    try {
      text = thrown == null ? e.getMessage() : formatFatal.execute(thrown).asString();
    } catch (PolyglotException formatting) {
      text = e != null ? e.getMessage() : String.valueOf(thrown);
    }
    if (e != null && e.isSyntaxError()) text = syntaxErrorText(e);
    s.append(text).append('\n');
    stdio.writeErr(s.toString());
  }

  /** {@code file:line:column}, the line, and a caret under the column, as Node prints them. */
  private static String sourceExcerpt(SourceSection at, boolean withColumn) {
    Source src = at.getSource();
    String name = src.getPath() != null ? src.getPath() : src.getName();
    int line = at.getStartLine();
    int column = at.getStartColumn();
    String text = src.getCharacters(line).toString();
    if (line == 1 && text.startsWith(CJS_HEADER)) {
      text = text.substring(CJS_HEADER.length());
      column = Math.max(1, column - CJS_HEADER.length());
    }
    StringBuilder s = new StringBuilder(name).append(':').append(line);
    if (withColumn) s.append(':').append(column);
    s.append('\n').append(text).append('\n');
    s.append(" ".repeat(Math.max(0, column - 1))).append("^\n\n");
    return s.toString();
  }

  /** "SyntaxError: message": GraalJS's text without its "file:line:column" and code frame. */
  public static String syntaxErrorText(PolyglotException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("SyntaxError: ")) message = message.substring("SyntaxError: ".length());
    int cut = message.indexOf(' ');
    if (cut > 0 && message.substring(0, cut).matches(".*:\\d+:\\d+")) {
      message = message.substring(cut + 1);
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) message = message.substring(0, newline);
    return "SyntaxError: " + message;
  }

  private void internalError(Throwable t) {
    if (sandbox != null) {
      sandbox.internalError(t);
      return;
    }
    StringBuilder s = new StringBuilder("loopd: internal error (please report it): ");
    s.append(t).append('\n');
    for (StackTraceElement el : t.getStackTrace()) s.append("    at ").append(el).append('\n');
    stdio.writeErr(s.toString());
    exit(70);
  }

  /**
   * Where the JavaScript running on the loop thread is, as {@code function (file:line:column)}, or
   * null if it did not reach a statement within {@code waitMs}. For the watchdog's warning: it
   * attaches an execution listener only for that moment (compiled code deoptimizes while it is
   * attached, which a task already blocking the loop can afford).
   */
  public String whereIsJs(long waitMs) {
    java.util.concurrent.CompletableFuture<String> at =
        new java.util.concurrent.CompletableFuture<>();
    try (var listener =
        org.graalvm.polyglot.management.ExecutionListener.newBuilder()
            .statements(true)
            .onEnter(event -> {
              if (at.isDone()) return;
              SourceSection s = event.getLocation();
              String root = event.getRootName();
              String file =
                  s.getSource().getPath() != null
                      ? s.getSource().getPath()
                      : s.getSource().getName();
              int column = s.getStartColumn();
              if (s.getStartLine() == 1
                  && s.getSource().getCharacters(1).toString().startsWith(CJS_HEADER)) {
                column = Math.max(1, column - CJS_HEADER.length());
              }
              at.complete(
                  (root == null || root.isEmpty() ? "<anonymous>" : root)
                      + " ("
                      + file
                      + ":"
                      + s.getStartLine()
                      + ":"
                      + column
                      + ")");
            })
            .attach(sharedEngine())) {
      return at.get(waitMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return null;
    }
  }

  /** The script's frames of a polyglot exception, as Node prints them (" at f (file:l:c)"). */
  public static String scriptStack(PolyglotException error) {
    StringBuilder out = new StringBuilder();
    for (PolyglotException.StackFrame frame : error.getPolyglotStackTrace()) {
      if (!frame.isGuestFrame() || frame.getSourceLocation() == null) continue;
      SourceSection s = frame.getSourceLocation();
      String file =
          s.getSource().getPath() != null ? s.getSource().getPath() : s.getSource().getName();
      if (file.startsWith("node:")) continue;
      int column = s.getStartColumn();
      if (s.getStartLine() == 1
          && s.getSource().getCharacters(1).toString().startsWith(CJS_HEADER)) {
        column = Math.max(1, column - CJS_HEADER.length());
      }
      String root = frame.getRootName();
      out.append("    at ");
      if (root != null && !root.isEmpty() && !root.equals(":anonymous"))
        out.append(root).append(" (");
      out.append(file).append(':').append(s.getStartLine()).append(':').append(column);
      if (root != null && !root.isEmpty() && !root.equals(":anonymous")) out.append(')');
      out.append('\n');
    }
    return out.toString();
  }

  /** Interrupts the JavaScript running on the loop thread (watchdog thread). */
  public void interrupt() {
    try {
      context.interrupt(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      // the task ended or did not reach a safepoint in time; the next budget check retries
    }
  }

  @Override
  public void close() {
    context.close(true);
  }
}
