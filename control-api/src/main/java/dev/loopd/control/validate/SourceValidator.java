package dev.loopd.control.validate;

import dev.loopd.control.errors.ApiException;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;

/**
 * Checks a handler's source when it is submitted, so that a syntax error is reported to the person
 * submitting it (with line and column), not later by a node. The source is parsed as an ES module
 * by GraalJS, never evaluated: tenant code does not run in the control plane. What only evaluation
 * can tell (a missing default export, an unsupported import, a throwing top level) is reported by
 * the nodes on the handler's status.
 */
@ApplicationScoped
public class SourceValidator implements AutoCloseable {

  /** Largest source accepted, in UTF-8 bytes (DESIGN.md "Handlers"). */
  public static final int MAX_SOURCE_BYTES = 1024 * 1024;

  private final Engine engine =
      Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();

  /**
   * Returns normally for a module that parses.
   *
   * @throws ApiException INVALID_ARGUMENT with a {@link SourceError} detail otherwise
   */
  public void validate(String handler, String source) {
    if (source.isBlank()) {
      throw invalid(
          handler,
          SourceError.Kind.KIND_INVALID_SOURCE,
          0,
          0,
          "the source is empty: give an ES module whose default export is"
              + " `async (request, ctx) => response`");
    }
    int bytes = source.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SOURCE_BYTES) {
      throw invalid(
          handler,
          SourceError.Kind.KIND_INVALID_SOURCE,
          0,
          0,
          "the source is " + bytes + " bytes, over the limit of " + MAX_SOURCE_BYTES + " (1 MiB)");
    }
    Source module =
        Source.newBuilder("js", source, handler + ".mjs")
            .mimeType("application/javascript+module")
            .buildLiteral();
    try (Context context = Context.newBuilder("js").engine(engine).allowAllAccess(false).build()) {
      context.parse(module);
    } catch (PolyglotException e) {
      if (!e.isSyntaxError()) {
        throw e;
      }
      SourceSection at = e.getSourceLocation();
      int line = at == null ? 0 : at.getStartLine();
      int column = at == null ? 0 : at.getStartColumn();
      throw invalid(handler, SourceError.Kind.KIND_SYNTAX, line, column, syntaxMessage(e));
    }
  }

  /** GraalJS prefixes "name.mjs:3:14 " to the message; the detail carries the position. */
  private static String syntaxMessage(PolyglotException e) {
    String m = e.getMessage() == null ? "syntax error" : e.getMessage();
    int nl = m.indexOf('\n');
    if (nl > 0) {
      m = m.substring(0, nl);
    }
    return m.replaceFirst("^(SyntaxError: )?[^ ]+\\.mjs:\\d+:\\d+ ", "");
  }

  private static ApiException invalid(
      String handler, SourceError.Kind kind, int line, int column, String message) {
    String where = line > 0 ? "syntax error at " + line + ":" + column + ": " : "";
    return new ApiException(
            Status.Code.INVALID_ARGUMENT, "handler \"" + handler + "\": " + where + message)
        .withDetail(
            SourceError.newBuilder()
                .setKind(kind)
                .setLine(line)
                .setColumn(column)
                .setMessage(message)
                .build());
  }

  @PreDestroy
  @Override
  public void close() {
    engine.close();
  }
}
