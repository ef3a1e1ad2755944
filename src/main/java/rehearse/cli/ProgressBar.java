package rehearse.cli;

import java.io.PrintWriter;
import java.util.Locale;
import rehearse.explore.Explorer;

/** A one-line progress bar on standard error (a terminal), redrawn at most once a thousandth of the way. */
final class ProgressBar implements Explorer.Progress {
    private static final int WIDTH = 40;
    private final PrintWriter err;
    private int shown = -1;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void done(int finished, int total) {
        int permille = total <= 0 ? 1000 : (int) Math.min(1000, 1000L * finished / total);
        if (permille == shown && finished < total) return;
        shown = permille;
        int filled = permille * WIDTH / 1000;
        err.print(String.format(Locale.ROOT, "\rexploring [%s%s] %3d%% %d/%d", "#".repeat(filled), ".".repeat(WIDTH - filled), permille / 10, finished,
                total));
        err.flush();
    }

    /** Takes the bar off the line. */
    synchronized void clear() {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
    }
}
