package rehearse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
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

    int launch(SessionOptions options, boolean ascii, boolean noColor, ReportOptions report) {
        if (System.console() == null) {
            throw new Failure(ExitCodes.USAGE, "rehearse: the full-screen UI needs a terminal on standard input and output;"
                    + " use 'rehearse run SCRIPT' (or 'rehearse shell', 'rehearse show') instead");
        }
        long window = report.windowMs();
        SessionOptions.Opened opened = options.open(inputs, true);
        Map<String, String> env = System.getenv();
        Theme theme = new Theme(!ascii && Theme.localeIsUtf8(env), !noColor && Theme.colorAllowed(env));
        Ui ui = new Ui(opened.session(), theme);
        Path journalPath = opened.journalPath();
        Path reportPath = report.file != null ? report.file
                : journalPath.resolveSibling(journalPath.getFileName().toString().replaceFirst("\\.jsonl$", "") + "-report.md");
        ui.reportTo(reportPath, window);
        int code = new App(ui, opened.journal()).run(err);
        if (report.file != null) report.write(opened.session());
        return code;
    }
}
