package dev.loopd.cli;

import dev.loopd.cli.command.HandlersCommand;
import dev.loopd.cli.command.LoginCommand;
import dev.loopd.cli.command.PoolsCommand;
import dev.loopd.cli.command.TenantsCommand;
import dev.loopd.cli.command.TokensCommand;
import dev.loopd.cli.command.WhoAmICommand;
import dev.loopd.cli.config.CliConfig;
import dev.loopd.cli.config.ConfigFile;
import dev.loopd.cli.grpc.Connection;
import dev.loopd.cli.grpc.ErrorReport;
import dev.loopd.cli.invoke.InvokeCommand;
import dev.loopd.cli.load.LoadCommand;
import dev.loopd.cli.output.OutputFormat;
import dev.loopd.cli.output.Printer;
import dev.loopd.cli.parse.Durations;
import dev.loopd.cli.watch.WatchCommand;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * loopctl, the command-line client of the loopd control API: the root command, its global options
 * (server, token, output format), and how failures become messages and exit statuses (0 ok, 1 a
 * failed call or bad input, 2 a usage error).
 */
@Command(
    name = "loopctl",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Loopctl.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Client of the loopd control API: handlers, invocations, pools, tenants, telemetry.",
    subcommands = {
      LoginCommand.class,
      WhoAmICommand.class,
      HandlersCommand.class,
      InvokeCommand.class,
      PoolsCommand.class,
      WatchCommand.class,
      LoadCommand.class,
      TenantsCommand.class,
      TokensCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Loopctl {
  public static final String DEFAULT_SERVER = "127.0.0.1:7070";

  @Option(
      names = "--server",
      scope = ScopeType.INHERIT,
      paramLabel = "HOST:PORT",
      description =
          "Control API address (default: $LOOPD_SERVER, then the config, then 127.0.0.1:7070).")
  String server;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      paramLabel = "TOKEN",
      description =
          "Bearer token (default: $LOOPD_TOKEN, then the config saved by `loopctl login`).")
  String token;

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or yaml (json/yaml print the API's whole message).")
  OutputFormat output;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and what is being called.")
  boolean verbose;

  /** Kept so the level set in main is not lost when the logger is garbage collected. */
  private static final Logger GRPC_LOGGER = Logger.getLogger("io.grpc");

  private final Environment env;
  private CliConfig config;

  public Loopctl(Environment env) {
    this.env = env;
  }

  public static void main(String[] args) {
    GRPC_LOGGER.setLevel(Level.WARNING);
    int status = new Loopctl(Environment.system()).run(args);
    OnCtrlC.processDone();
    System.exit(status);
  }

  /** Runs one command line; returns the exit status. */
  public int run(String... args) {
    CommandLine cli = new CommandLine(this);
    cli.setOut(new PrintWriter(env.out(), true));
    cli.setErr(new PrintWriter(env.err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // `-d @file` is a request body (as in curl), not one of picocli's argument files.
    cli.setExpandAtFiles(false);
    cli.registerConverter(Duration.class, Loopctl::duration);
    cli.setParameterExceptionHandler(this::usageError);
    cli.setExecutionExceptionHandler(this::failure);
    int status = cli.execute(args);
    env.out().flush();
    return status;
  }

  public Environment env() {
    return env;
  }

  public OutputFormat output() {
    return output;
  }

  public boolean verbose() {
    return verbose;
  }

  public Printer printer() {
    return new Printer(output, env.out());
  }

  public ConfigFile configFile() {
    return ConfigFile.of(env);
  }

  /** --server, then $LOOPD_SERVER, then the config file, then {@value #DEFAULT_SERVER}. */
  public String server() {
    if (server != null) {
      return server;
    }
    String fromEnv = env.variable("LOOPD_SERVER");
    if (fromEnv != null) {
      return fromEnv;
    }
    return config().server() != null ? config().server() : DEFAULT_SERVER;
  }

  /** --token, then $LOOPD_TOKEN, then the config file; null when none (calls then fail). */
  public String token() {
    if (token != null) {
      return token;
    }
    String fromEnv = env.variable("LOOPD_TOKEN");
    return fromEnv != null ? fromEnv : config().token();
  }

  /** The token given with --token, if any (login saves it). */
  public String tokenFlag() {
    return token;
  }

  public Connection connect() {
    return connect(server(), token());
  }

  public Connection connect(String target, String bearer) {
    if (verbose) {
      env.err().println("loopctl: calling " + target + (bearer == null ? " without a token" : ""));
    }
    return new Connection(target, bearer, env.channels());
  }

  private static Duration duration(String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private CliConfig config() {
    if (config == null) {
      config = configFile().load();
    }
    return config;
  }

  private int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private int failure(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof StatusRuntimeException sre) {
      err.println(ErrorReport.line(sre, server()));
      ErrorReport.hint(sre).ifPresent(err::println);
    } else if (e instanceof CliException) {
      err.println("error: " + e.getMessage());
    } else {
      err.println("error: " + e + (verbose ? "" : " (--verbose shows where)"));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** The version from the jar's manifest (set by Maven), or "dev" in an IDE. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Loopctl.class.getPackage().getImplementationVersion();
      return new String[] {"loopctl " + (v == null ? "dev" : v)};
    }
  }
}
