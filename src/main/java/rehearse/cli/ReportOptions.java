package rehearse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import rehearse.command.CommandParser;
import rehearse.report.RehearsalReport;
import rehearse.session.Session;

/** {@code --report FILE [--window 2h]}: the Markdown report written at the end of a rehearsal. */
public final class ReportOptions {
    private static final String DEFAULT_WINDOW = "2h";
    private final Value<Path> file;
    private final Value<String> window;

    /** No report; downtime judged against the default window. */
    ReportOptions() {
        file = new Value<>();
        window = new Value<>(DEFAULT_WINDOW);
    }

    /** Adds --report and --window to a command. */
    ReportOptions(CommandSpec spec) {
        file = Specs.option(spec, "--report", "FILE", Path.class, "At the end, write the rehearsal report (Markdown) to FILE.");
        window = Specs.withDefault(spec, "--window", "DURATION", String.class, DEFAULT_WINDOW,
                "The maintenance window the downtime is judged against (default: ${DEFAULT-VALUE}).");
    }

    /** The report file, or null for none. */
    Path file() {
        return file.value();
    }

    long windowMs() {
        String window = this.window.value();
        Long ms = CommandParser.parseDuration(window);
        if (ms == null || ms <= 0) throw new Failure(ExitCodes.USAGE, "rehearse: --window wants a duration such as 2h or 90m, got '" + window + "'");
        return ms;
    }

    void write(Session session) {
        Path file = file();
        if (file == null) return;
        try {
            Files.writeString(file, RehearsalReport.markdown(session, windowMs()));
        } catch (IOException e) {
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the report " + file + ": " + e.getMessage());
        }
    }
}
