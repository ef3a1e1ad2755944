package rehearse.tui;

import java.util.List;
import java.util.Optional;
import rehearse.explore.Exploration;
import rehearse.explore.Scenario;
import rehearse.tui.Update.Next;

/**
 * The what-if key: every fault at every step of the rest of the plan, explored off the UI thread
 * from the cluster as it stands (a value, so the live rehearsal is untouched), shown as a heat map;
 * Enter rehearses the scenario under the cursor live, from that same moment.
 */
final class WhatIf {
    private WhatIf() {}

    static Next open(Model m) {
        Snapshot w = m.world();
        long now = w.state().clock();
        if (w.plan().isEmpty()) return Next.of(Update.say(m, new LogEntry.Remark(now, LogEntry.Say.NO_TARGET, "")));
        // From a settled cluster: a step half played out is not a point a scenario can start from and be replayed.
        if (w.state().busy()) return Next.of(Update.say(m, new LogEntry.Remark(now, LogEntry.Say.WHAT_IF_BUSY, "")));
        Model n = m.with(m.playback().running(false)).with(new Overlay.WhatIf(w.state(), Optional.empty(), 0, 0, null, 0, 0));
        return Next.of(n, new Effect.Explore(w.state()));
    }

    /** Faults a page key moves across (a big cluster has a thousand). */
    static final int PAGE = 10;

    static Next key(Model m, Overlay.WhatIf w, UiAction a) {
        if (a == UiAction.CLOSE) return Next.of(m.with(new Overlay.None()));
        if (w.exploration().isEmpty()) return Next.of(m);
        Exploration x = w.exploration().get();
        int rows = x.matrix().size();
        int cols = x.faults().size();
        if (rows == 0 || cols == 0) return Next.of(m);
        return switch (a) {
            case UP -> Next.of(m.with(w.at(Math.max(0, w.row() - 1), w.column())));
            case DOWN -> Next.of(m.with(w.at(Math.min(rows - 1, w.row() + 1), w.column())));
            case LEFT -> Next.of(m.with(w.at(w.row(), Math.max(0, w.column() - 1))));
            case RIGHT -> Next.of(m.with(w.at(w.row(), Math.min(cols - 1, w.column() + 1))));
            case PAGE_UP -> Next.of(m.with(w.at(w.row(), Math.max(0, w.column() - PAGE))));
            case PAGE_DOWN -> Next.of(m.with(w.at(w.row(), Math.min(cols - 1, w.column() + PAGE))));
            case TOP -> Next.of(m.with(w.at(w.row(), 0)));
            case BOTTOM -> Next.of(m.with(w.at(w.row(), cols - 1)));
            case CHOOSE -> {
                Scenario s = x.matrix().get(w.row()).get(w.column());
                yield s == null ? Next.of(m) : Next.of(m.with(new Overlay.None()), new Effect.Rehearse(s, w.on()));
            }
            default -> Next.of(m);
        };
    }

    /** The scenario under the cursor, if the exploration is in and the fault can act at that step. */
    static Optional<Scenario> selected(Overlay.WhatIf w) {
        if (w.exploration().isEmpty()) return Optional.empty();
        List<List<Scenario>> matrix = w.exploration().get().matrix();
        if (w.row() >= matrix.size() || w.column() >= matrix.get(w.row()).size()) return Optional.empty();
        return Optional.ofNullable(matrix.get(w.row()).get(w.column()));
    }

    /** Only the heat map still open on the same moment takes the news; the cursor starts on the worst cell. */
    static Model progress(Model m, Msg.Exploring p) {
        if (!(m.overlay() instanceof Overlay.WhatIf w) || w.on() != p.on() || w.exploration().isPresent()) return m;
        return m.with(new Overlay.WhatIf(w.on(), Optional.empty(), p.done(), p.total(), null, 0, 0));
    }

    static Model explored(Model m, Msg.Explored e) {
        if (!(m.overlay() instanceof Overlay.WhatIf w) || w.on() != e.on()) return m;
        int row = 0;
        int col = 0;
        // The cursor starts on the first cell of the worst scenario: the case the change board asks about first.
        Optional<Scenario> worst = e.exploration().flatMap(x -> x.worst().stream().findFirst());
        if (worst.isPresent()) {
            List<List<Scenario>> matrix = e.exploration().get().matrix();
            search:
            for (int r = 0; r < matrix.size(); r++) {
                for (int c = 0; c < matrix.get(r).size(); c++) {
                    if (worst.get().equals(matrix.get(r).get(c))) {
                        row = r;
                        col = c;
                        break search;
                    }
                }
            }
        }
        return m.with(new Overlay.WhatIf(w.on(), e.exploration(), w.done(), w.total(), e.failure(), row, col));
    }

    /** The scenario's script is in up to its fault: the rest plays out on the screen, stopping at a no-go. */
    static Next rehearsing(Model m, Msg.Rehearsing r) {
        long now = m.world().state().clock();
        if (r.refusal().isPresent()) return Next.of(Update.say(m, new LogEntry.Remark(now, r.refusal().get(), "")));
        Model n = Update.say(m, new LogEntry.Remark(now, LogEntry.Say.WHAT_IF_REHEARSING, r.what()));
        return Update.run(n.with(n.playback().paused(false)));
    }
}
