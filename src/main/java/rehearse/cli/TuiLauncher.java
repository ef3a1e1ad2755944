package rehearse.cli;

import rehearse.base.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import rehearse.base.Failure;
import rehearse.base.TerminalType;
import rehearse.base.Tty;
import rehearse.journal.JournalWriter;
import rehearse.text.ResumeCommand;
import rehearse.tui.App;
import rehearse.tui.Theme;
import rehearse.tui.Program;

/** Checks the terminal, loads the cluster or journal, opens the journal, then hands over to the UI. */
final class TuiLauncher {
    private final Inputs inputs;
    private final PrintWriter err;

    TuiLauncher(Inputs inputs, PrintWriter err) {
        this.inputs = inputs;
        this.err = err;
    }

    int launch(SessionOptions options, boolean ascii, boolean noColor, ReportOptions report) {
        if (!Tty.interactive()) {
            throw new Failure(ExitCodes.USAGE, "rehearse: the full-screen UI needs a terminal on standard input and output;"
                    + " use 'rehearse run SCRIPT' (or 'rehearse shell', 'rehearse show') instead");
        }
        Map<String, String> env = System.getenv();
        java.util.Optional<String> dumb = TerminalType.cannotAddressCursor(env);
        if (dumb.isPresent()) {
            throw new Failure(ExitCodes.USAGE, "rehearse: the full-screen UI needs a terminal that can place the cursor, and this one"
                    + " cannot (" + dumb.get() + "); use 'rehearse shell', the line-mode shell over the same rehearsal");
        }
        List<Path> files = new ArrayList<>(options.files());
        files.add(inputs.matrixFile());
        report.validate(files);
        long window = report.windowMs();
        Theme theme = new Theme(!ascii && Theme.localeIsUtf8(env), TerminalType.color(noColor, env));
        String launcher = LauncherName.of(env, System.getProperty(LauncherName.PROPERTY));
        // Loading the cluster overlaps the terminal's start-up; the journal is opened while the
        // first frame is drawn, and the UI takes no key before it is there.
        CompletableFuture<App.Start> starting = CompletableFuture.supplyAsync(() -> {
            SessionOptions.Loaded loaded = options.load(inputs);
            Program ui = new Program(loaded.session(), report.windowGiven() ? window : 0);
            CompletableFuture<JournalWriter> journal = CompletableFuture.supplyAsync(() -> {
                SessionOptions.Opened opened = options.journal(inputs, loaded, true);
                Path journalPath = opened.journalPath();
                ui.journalAt(journalPath, launcher);
                ui.reportTo(report.file() != null ? report.file() : journalPath.resolveSibling(
                        journalPath.getFileName().toString().replaceFirst("\\.jsonl$", "") + "-report.md"), window, inputsAnd(files, journalPath));
                return opened.journal();
            });
            return new App.Start(ui, theme, journal);
        });
        int code;
        try {
            code = new App(starting).run(err);
        } catch (Failure f) {
            throw f;
        } catch (RuntimeException | Error e) {
            JournalWriter journal = closed(starting);
            return CrashReport.report(err, e, journal != null && journal.kept()
                    ? "the rehearsal is saved: " + ResumeCommand.line(launcher, journal.file(), ResumeCommand.FrontEnd.UI) : null);
        }
        // The terminal is restored: where the rehearsal is kept, and how to go on with it.
        JournalWriter journal = closed(starting);
        if (journal != null && journal.kept()) {
            err.println(ResumeCommand.saved(launcher, journal.file(), ResumeCommand.FrontEnd.UI));
            err.flush();
        }
        if (report.file() != null) report.write(starting.join().program().session(), files);
        return code;
    }

    /** The command's inputs and the journal: a report never overwrites them. */
    private static List<Path> inputsAnd(List<Path> files, Path journal) {
        List<Path> all = new ArrayList<>(files);
        all.add(journal);
        return all;
    }

    /**
     * The session's journal if it was opened, closed (the UI closes it as it restores the terminal;
     * a start cut short had not handed it over yet): kept if it holds a command, else gone. Null if
     * it was never opened.
     */
    private static JournalWriter closed(CompletableFuture<App.Start> starting) {
        if (!starting.isDone() || starting.isCompletedExceptionally()) return null;
        CompletableFuture<JournalWriter> future = starting.join().journal();
        JournalWriter journal = future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
        if (journal == null) return null;
        try {
            journal.close();
        } catch (java.io.IOException ignored) {
            // a write failure: the UI said so as it happened (exit 74)
        }
        return journal;
    }
}
