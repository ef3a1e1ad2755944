package rehearse.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: picocli turns arguments into one of the commands; nothing here may throw. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; the in-process entry point tests use. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof Failure f) {
                line.getErr().println(f.getMessage());
                return f.code();
            }
            // A bug of ours: one line for the operator, no stack trace on the terminal.
            line.getErr().println("rehearse: internal error: " + e + " (please report it)");
            return ExitCodes.SOFTWARE;
        });
        try {
            return cl.execute(args);
        } catch (RuntimeException | StackOverflowError e) {
            err.println("rehearse: internal error: " + e + " (please report it)");
            return ExitCodes.SOFTWARE;
        }
    }
}
