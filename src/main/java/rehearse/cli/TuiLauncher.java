package rehearse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.journal.Journal;
import rehearse.journal.JournalWriter;
import rehearse.journal.StateDir;
import rehearse.sim.Rehearsal;
import rehearse.sim.Session;
import rehearse.tui.App;
import rehearse.tui.Theme;
import rehearse.tui.Ui;

/** Checks the terminal, loads the cluster or journal, opens the journal, then hands over to the UI. */
final class TuiLauncher {
    private final Inputs inputs;
    private final PrintWriter err;

    TuiLauncher(Inputs inputs, PrintWriter err) {
        this.inputs = inputs;
        this.err = err;
    }

    int launch(Path clusterFile, Path resumeFile, Path journalFile, boolean ascii, boolean noColor, ReportOptions report) {
        if (System.console() == null) {
            throw new Failure(ExitCodes.USAGE, "rehearse: the full-screen UI needs a terminal on standard input and output;"
                    + " use 'rehearse run SCRIPT' (or 'rehearse show') instead");
        }
        Map<String, String> env = System.getenv();
        long window = report.windowMs();
        Session session;
        JournalWriter journal;
        Path journalPath;
        try {
            if (resumeFile != null) {
                session = Journal.read(resumeFile).replay(resumeFile.toString());
                journal = JournalWriter.append(resumeFile);
                journalPath = resumeFile;
            } else {
                byte[] source = clusterFile == null ? ClusterLoader.sampleBytes() : ClusterLoader.read(clusterFile);
                session = new Session(new Rehearsal(inputs.matrix(), inputs.cluster(clusterFile)));
                Path file = journalFile != null ? journalFile : StateDir.of(env).resolve("journal-"
                        + safe(session.engine().cluster().name()) + "-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jsonl");
                journal = JournalWriter.create(file, session.engine().cluster().name(),
                        new String(source, StandardCharsets.UTF_8), inputs.matrixSource());
                journalPath = file;
            }
        } catch (InputException e) {
            throw Inputs.dataError(e);
        } catch (IOException e) {
            // Found now, at start, not as a lost rehearsal later.
            throw new Failure(ExitCodes.CANT_CREATE, "rehearse: cannot write the journal: " + e.getMessage()
                    + " (choose another place with --journal FILE)");
        }
        session.record(journal);
        Theme theme = new Theme(!ascii && Theme.localeIsUtf8(env), !noColor && Theme.colorAllowed(env));
        Ui ui = new Ui(session, theme);
        Path reportPath = report.file != null ? report.file
                : journalPath.resolveSibling(journalPath.getFileName().toString().replaceFirst("\\.jsonl$", "") + "-report.md");
        ui.reportTo(reportPath, window);
        int code = new App(ui, journal).run(err);
        if (report.file != null) report.write(session);
        return code;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
