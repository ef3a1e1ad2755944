package rehearse.tui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rehearse.matrix.Configuration;

/**
 * Everything on the screen, as a value: the session as last seen, the panes and selection, the
 * log as data, the overlay, playback. {@link Update} makes the next one; {@link Frame} draws it.
 */
public record Model(Snapshot world, Size size, Pane pane, Selection selection, Set<String> expanded, LogPane log, int planTop,
        Overlay overlay, Optional<LogEntry> message, Playback playback, List<String> history, Settings settings,
        Map<Configuration, Estimate> estimates, Optional<Configuration> choosing) {

    /** The panes Tab goes through; the log and the timeline share the lower part of the screen. */
    public enum Pane { NODES, PLAN, LOG, TIMELINE }

    public record Size(int columns, int rows) {}

    /** The selected node column and, within it, the selected group (null: the node itself). */
    public record Selection(int column, String group) {}

    /** The log's entries, the selected one (-1: the newest, following), and the last search. */
    public record LogPane(List<LogEntry> entries, int cursor, String search) {
        public LogPane {
            entries = List.copyOf(entries);
        }
    }

    /** Simulated seconds per real second ({@link Update#SPEEDS}); a run of the whole plan; real ms since the clock was journaled. */
    public record Playback(int speed, boolean paused, boolean runAll, long sinceClockMark) {
        Playback paused(boolean p) {
            return new Playback(speed, p, runAll, sinceClockMark);
        }

        Playback running(boolean r) {
            return new Playback(speed, paused, r, sinceClockMark);
        }
    }

    /** The maintenance window (0: none given), the journal's place once known, and the file the export key offers first. */
    public record Settings(long windowMs, Optional<Path> journal, String launcher, Optional<Path> export) {}

    /** A target's estimated wall-clock IIS outage for the whole plan, or why there is none ({@code refusal} non-null). */
    public record Estimate(long outageMs, String refusal) {}

    public Model {
        expanded = Set.copyOf(expanded);
        history = List.copyOf(history);
        estimates = Map.copyOf(estimates);
    }

    Model with(Snapshot w) {
        return new Model(w, size, pane, selection, expanded, log, planTop, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model with(Size s) {
        return new Model(world, s, pane, selection, expanded, log, planTop, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model with(Pane p) {
        return new Model(world, size, p, selection, expanded, log, planTop, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model with(Selection s) {
        return new Model(world, size, pane, s, expanded, log, planTop, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model withExpanded(Set<String> e) {
        return new Model(world, size, pane, selection, e, log, planTop, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model with(LogPane l) {
        return new Model(world, size, pane, selection, expanded, l, planTop, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model withPlanTop(int top) {
        return new Model(world, size, pane, selection, expanded, log, top, overlay, message, playback, history, settings, estimates, choosing);
    }

    Model with(Overlay o) {
        return new Model(world, size, pane, selection, expanded, log, planTop, o, message, playback, history, settings, estimates, choosing);
    }

    Model withMessage(Optional<LogEntry> m) {
        return new Model(world, size, pane, selection, expanded, log, planTop, overlay, m, playback, history, settings, estimates, choosing);
    }

    Model with(Playback p) {
        return new Model(world, size, pane, selection, expanded, log, planTop, overlay, message, p, history, settings, estimates, choosing);
    }

    Model withHistory(List<String> h) {
        return new Model(world, size, pane, selection, expanded, log, planTop, overlay, message, playback, h, settings, estimates, choosing);
    }

    Model with(Settings s) {
        return new Model(world, size, pane, selection, expanded, log, planTop, overlay, message, playback, history, s, estimates, choosing);
    }

    Model withEstimates(Map<Configuration, Estimate> e) {
        return new Model(world, size, pane, selection, expanded, log, planTop, overlay, message, playback, history, settings, e, choosing);
    }

    /** While a chosen target is worked out in the background. */
    Model choosing(Optional<Configuration> c) {
        return new Model(world, size, pane, selection, expanded, log, planTop, overlay, message, playback, history, settings, estimates, c);
    }

    public boolean overlayOpen() {
        return !(overlay instanceof Overlay.None);
    }
}
