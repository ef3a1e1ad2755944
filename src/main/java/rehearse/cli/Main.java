package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.base.Printable;

/** Entry point: picocli turns arguments into one of the commands; nothing here may throw. */
public final class Main {
    /**
     * Subcommands, made on demand: a run builds the model of the one command it runs, and all
     * of them only for help or a word that is no command.
     */
    static final Map<String, Supplier<CommandSpec>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        // One lambda for all: each lambda expression is linked on first use, about half a millisecond apiece.
        for (String name : new String[] {"show", "matrix", "plan", "check", "sample", "run", "shell", "import", "runbook",
                "explore", "bench-engine", "bench-ui", "cds-train"}) {
            SUBCOMMANDS.put(name, () -> make(name));
        }
    }

    private static CommandSpec make(String name) {
        return switch (name) {
            case "show" -> new ShowCommand().spec;
            case "matrix" -> new MatrixCommand().spec;
            case "plan" -> new PlanCommand().spec;
            case "check" -> new CheckCommand().spec;
            case "sample" -> new SampleCommand().spec;
            case "run" -> new RunCommand().spec;
            case "shell" -> new ShellCommand().spec;
            case "import" -> new ImportCommand().spec;
            case "runbook" -> new RunbookCommand().spec;
            case "explore" -> new ExploreCommand().spec;
            case "bench-engine" -> new BenchCommand().spec;
            case "bench-ui" -> new BenchUiCommand().spec;
            case "cds-train" -> new CdsTrainCommand().spec;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Main() {}

    static CommandLine commandLine(String... args) {
        String first = args.length == 0 ? "" : args[0];
        if (SUBCOMMANDS.containsKey(first)) {
            CommandLine cl = new CommandLine(RootCommand.bare());
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
            return cl;
        }
        CommandLine cl = new CommandLine(new RootCommand().spec);
        if (!first.isEmpty() && (!first.startsWith("-") || isHelpOrVersion(first))) {
            // Help, or a word that is no command: register them all so picocli can list and suggest them.
            SUBCOMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
        }
        return cl;
    }

    private static boolean isHelpOrVersion(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }

    public static void main(String[] args) {
        Output stdout = new Output(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        // The full-screen UI with no arguments is the common start: it skips picocli, whose own
        // start-up (its classes, type converters and help set-up) is about 25 ms here.
        int code = args.length == 0 ? ui(err) : run(stdout, out, err, args);
        err.flush();
        System.exit(code);
    }

    static int ui(PrintWriter err) {
        try {
            return new TuiLauncher(new Inputs(), err).launch(new SessionOptions(), false, false, new ReportOptions());
        } catch (Failure f) {
            err.println(Printable.cleanLines(f.getMessage()));
            return f.code();
        } catch (RuntimeException | Error e) {
            return CrashReport.report(err, e, null);
        }
    }

    /** Runs one command line; the in-process entry point tests use. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(null, out, err, args);
    }

    /**
     * Runs one command line, then makes sure what it printed reached standard output: a full disk
     * or {@code > /dev/full} is exit 74 with the cause, never exit 0 with a truncated runbook. A
     * reader that stopped reading ({@code | head}) ends the output quietly.
     */
    static int run(Output stdout, PrintWriter out, PrintWriter err, String... args) {
        int code = execute(out, err, args);
        if (out.checkError()) { // flushes first
            java.io.IOException cause = stdout == null ? null : stdout.failure();
            if (Output.readerClosed(cause)) return code;
            err.println("rehearse: cannot write to standard output: "
                    + (cause == null ? "write error" : rehearse.io.IoErrors.cause(cause)));
            return ExitCodes.IO_ERROR;
        }
        return code;
    }

    private static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            Integer direct = direct(out, err, args);
            if (direct != null) return direct;
            CommandLine cl = commandLine(args);
            cl.setOut(out);
            cl.setErr(err);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setParameterExceptionHandler(new UsageErrors());
            cl.setExecutionExceptionHandler(new CommandFailures());
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            return CrashReport.report(err, e, null, args);
        }
    }

    /**
     * The commonest short command, {@code plan --from A --to B}, run without picocli (see
     * {@link PlanCommand#direct}); null for anything else. Its failures end as
     * {@link CommandFailures} ends a command's.
     */
    private static Integer direct(PrintWriter out, PrintWriter err, String... args) {
        try {
            return PlanCommand.direct(out, args);
        } catch (Failure f) {
            err.println(Printable.cleanLines(f.getMessage()));
            return f.code();
        }
    }

    // The two handlers are classes, not lambdas: picocli's interfaces are Java 5 bytecode, so a
    // lambda for them is not archived with the classes and would be generated at every start.

    /** A usage error is one line (and picocli's suggestion, if any), not the whole help page. */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] arguments) {
            CommandLine bad = ex.getCommandLine();
            String name = bad.getCommandSpec().qualifiedName();
            bad.getErr().println(name + ": " + Printable.clean(ex.getMessage()) + " (see '" + name + " --help')");
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, bad.getErr());
            return ExitCodes.USAGE;
        }
    }

    private static final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
            // Every message passes through the one escaping function: paths and names may hold anything.
            if (e instanceof Failure f) {
                line.getErr().println(Printable.cleanLines(f.getMessage()));
                return f.code();
            }
            // A bug of ours: one line for the operator naming the file that holds the stack trace.
            return CrashReport.report(line.getErr(), e, null, parsed.originalArgs().toArray(new String[0]));
        }
    }
}
