package rehearse.cli;

import rehearse.base.ExitCodes;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.base.Failure;
import rehearse.command.CommandParser;
import rehearse.io.OutputFile;
import rehearse.report.Exports;
import rehearse.session.Session;

/** {@code --report FILE [--window 2h]}: the report (Markdown, or HTML for .html) written at the end of a rehearsal. */
public final class ReportOptions {
    private static final String DEFAULT_WINDOW = "2h";
    private final Value<Path> file;
    private final Value<String> window;
    private final CommandSpec spec;

    /** No report; downtime judged against the default window. */
    ReportOptions() {
        file = new Value<>();
        window = new Value<>(DEFAULT_WINDOW);
        spec = null;
    }

    /** Adds --report and --window to a command. */
    ReportOptions(CommandSpec spec) {
        this.spec = spec;
        file = Specs.option(spec, "--report", "FILE", Path.class, "At the end, write the rehearsal report to FILE: HTML for FILE.html or .htm, else Markdown.");
        window = Specs.withDefault(spec, "--window", "DURATION", String.class, DEFAULT_WINDOW,
                "The maintenance window the downtime is judged against (default: ${DEFAULT-VALUE}).");
    }

    /** The report file, or null for none. */
    Path file() {
        return file.value();
    }

    /** --window was given on the command line (the UI's status line then measures the outage against it). */
    boolean windowGiven() {
        return spec != null && spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--window");
    }

    long windowMs() {
        return windowMs(window.value());
    }

    /** A --window's duration, or a usage error that says what a window is. */
    static long windowMs(String window) {
        // A unit is required: a bare "5" could be meant as hours as well as the seconds a wait counts.
        if (!window.isBlank() && Character.isDigit(window.strip().charAt(window.strip().length() - 1))) {
            throw new Failure(ExitCodes.USAGE, "rehearse: --window wants a duration with its unit, such as 2h, 90m or 5h30m, got '"
                    + rehearse.base.Printable.clean(window) + "'");
        }
        Long ms = CommandParser.parseDuration(window);
        if (ms == null || ms <= 0) {
            throw new Failure(ExitCodes.USAGE, "rehearse: --window wants a duration from 1ms to " + CommandParser.MAX_DURATION_WORDS
                    + ", such as 2h or 90m, got '" + window + "'" + (CommandParser.overMaximum(window) ? ": it is longer than the maximum" : ""));
        }
        return ms;
    }

    /**
     * --window and --report checked before the rehearsal runs, so that a typo is not found
     * after an hour of rehearsal: the window parses, and the report's place can be written and
     * is none of the command's inputs.
     */
    void validate(Collection<Path> inputs) {
        windowMs();
        Path file = file();
        String problem = file == null ? null : OutputFile.problem(file, inputs);
        if (problem != null) throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the report " + file + ": " + problem);
    }

    /** Writes the report through a temporary file and a rename (see {@link OutputFile}). */
    void write(Session session, Collection<Path> inputs) {
        Path file = file();
        if (file == null) return;
        try {
            OutputFile.write(file, Exports.render(Exports.reportKind(file), session, windowMs(), null), inputs);
        } catch (OutputFile.Refused e) {
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the report " + file + ": " + e.getMessage());
        }
    }
}
