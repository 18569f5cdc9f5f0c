package dev.loopd.control.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loopd.control.errors.ApiException;
import dev.loopd.proto.node.v1.SourceError;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SourceValidatorTest {

  private static SourceValidator validator;

  @BeforeAll
  static void start() {
    validator = new SourceValidator();
  }

  @AfterAll
  static void stop() {
    validator.close();
  }

  private static SourceError detail(ApiException e) {
    assertThat(e.details()).hasSize(1);
    return (SourceError) e.details().getFirst();
  }

  @Test
  void aModuleWithImportsAndTopLevelAwaitPasses() {
    String source =
        """
        import { setTimeout } from 'node:timers/promises';
        const greeting = await Promise.resolve('hi');
        export default async (request, ctx) => {
          await setTimeout(1);
          return new Response(greeting + ' ' + request.url);
        };
        """;

    assertThatCode(() -> validator.validate("hello", source)).doesNotThrowAnyException();
  }

  @Test
  void sourceIsParsedNeverEvaluated() {
    // Evaluating this would throw (and import a module that does not exist): parsing must not.
    String source =
        """
        import missing from 'no-such-module';
        throw new Error('evaluated!');
        export default async () => new Response('x');
        """;

    assertThatCode(() -> validator.validate("lazy", source)).doesNotThrowAnyException();
  }

  @Test
  void aSyntaxErrorReportsItsExactLineAndColumn() {
    String source =
        """
        export default async (request) => {
          const x = 1;
          return new Response(x x);
        };
        """;

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> validator.validate("broken", source));

    assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    SourceError error = detail(e);
    assertThat(error.getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(error.getLine()).isEqualTo(3);
    assertThat(error.getColumn()).isEqualTo(25);
    assertThat(error.getMessage()).isNotBlank().doesNotContain("broken.mjs");
    assertThat(e.getMessage())
        .startsWith("handler \"broken\": syntax error at 3:25: ")
        .endsWith(error.getMessage());
  }

  @Test
  void aScriptOnlyConstructIsASyntaxErrorInAModule() {
    // `with` is forbidden in modules (strict mode): the source is parsed as a module.
    String source = "with (Math) { max(1, 2); }\nexport default async () => new Response('');\n";

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> validator.validate("sloppy", source));

    assertThat(detail(e).getKind()).isEqualTo(SourceError.Kind.KIND_SYNTAX);
    assertThat(detail(e).getLine()).isEqualTo(1);
  }

  @Test
  void aSourceOverOneMebibyteIsRefused() {
    String comment = "// " + "é".repeat(SourceValidator.MAX_SOURCE_BYTES / 2) + "\n";
    String source = comment + "export default async () => new Response('');\n";

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> validator.validate("big", source));

    assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(detail(e).getKind()).isEqualTo(SourceError.Kind.KIND_INVALID_SOURCE);
    assertThat(e.getMessage()).contains("handler \"big\"").contains("1 MiB");
  }

  @Test
  void aSourceOfExactlyOneMebibytePasses() {
    String tail = "\nexport default async () => new Response('');\n";
    String source = "//" + "x".repeat(SourceValidator.MAX_SOURCE_BYTES - 2 - tail.length()) + tail;

    assertThatCode(() -> validator.validate("edge", source)).doesNotThrowAnyException();
  }

  @Test
  void aBlankSourceIsRefused() {
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> validator.validate("empty", " \n\t"));

    assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(detail(e).getKind()).isEqualTo(SourceError.Kind.KIND_INVALID_SOURCE);
    assertThat(e.getMessage()).contains("handler \"empty\"").contains("empty");
  }
}
