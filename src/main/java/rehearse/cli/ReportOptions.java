package rehearse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import rehearse.command.CommandParser;
import rehearse.report.RehearsalReport;
import rehearse.sim.Session;

/** {@code --report FILE [--window 2h]}: the Markdown report written at the end of a rehearsal. */
public final class ReportOptions {
    @Option(names = "--report", paramLabel = "FILE", description = "At the end, write the rehearsal report (Markdown) to FILE.")
    Path file;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "2h",
            description = "The maintenance window the downtime is judged against (default: ${DEFAULT-VALUE}).")
    String window = "2h";

    long windowMs() {
        Long ms = CommandParser.parseDuration(window);
        if (ms == null || ms <= 0) throw new Failure(ExitCodes.USAGE, "rehearse: --window wants a duration such as 2h or 90m, got '" + window + "'");
        return ms;
    }

    void write(Session session) {
        if (file == null) return;
        try {
            Files.writeString(file, RehearsalReport.markdown(session, windowMs()));
        } catch (IOException e) {
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the report " + file + ": " + e.getMessage());
        }
    }
}
