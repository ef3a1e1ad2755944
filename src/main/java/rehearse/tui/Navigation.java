package rehearse.tui;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;

/** Moving about: the selection (which follows a group when it moves), the plan's and the log's scroll, search, overlays' scroll. */
final class Navigation {
    private Navigation() {}

    static Node selectedNode(Model m) {
        Cluster c = m.world().state().cluster();
        return c.nodes().get(Math.max(0, Math.min(m.selection().column(), c.nodes().size() - 1)));
    }

    static Optional<Group> selectedGroup(Model m) {
        String g = m.selection().group();
        return g == null ? Optional.empty() : m.world().state().cluster().group(g);
    }

    /** The selection after the cluster changed: on the node that now owns the selected group; on a real column. */
    static Model follow(Model m) {
        Cluster c = m.world().state().cluster();
        Model.Selection s = m.selection();
        int column = Math.max(0, Math.min(c.nodes().size() - 1, s.column()));
        String group = s.group();
        if (group != null) {
            Optional<Group> g = c.group(group);
            if (g.isEmpty()) group = null;
            else {
                int owner = c.nodeNames().indexOf(g.get().owner());
                if (owner >= 0) column = owner;
                group = g.get().name();
            }
        }
        Model.Selection next = new Model.Selection(column, group);
        return next.equals(s) ? m : m.with(next);
    }

    private static List<Group> owned(Model m, int column) {
        Cluster c = m.world().state().cluster();
        return c.groupsOwnedBy(c.nodes().get(column).name());
    }

    /** 0 for the node's own line, then one per group it owns. */
    private static int row(Model m) {
        String g = m.selection().group();
        if (g == null) return 0;
        List<Group> owned = owned(m, m.selection().column());
        for (int i = 0; i < owned.size(); i++) if (owned.get(i).name().equals(g)) return i + 1;
        return 0;
    }

    private static Model atRow(Model m, int column, int row) {
        List<Group> owned = owned(m, column);
        int r = Math.max(0, Math.min(owned.size(), row));
        return m.with(new Model.Selection(column, r == 0 ? null : owned.get(r - 1).name()));
    }

    static Model column(Model m, int d) {
        if (m.pane() != Model.Pane.NODES) return m;
        int n = m.world().state().cluster().nodes().size();
        int column = Math.max(0, Math.min(n - 1, m.selection().column() + d));
        return atRow(m, column, row(m));
    }

    static Model toggle(Model m, String group) {
        Set<String> e = new HashSet<>(m.expanded());
        if (!e.remove(group)) e.add(group);
        return m.withExpanded(e);
    }

    static Model scroll(Model m, UiAction a) {
        Layout l = Layout.of(m.size());
        return switch (m.pane()) {
            case TIMELINE -> m;
            case NODES -> {
                int rows = owned(m, m.selection().column()).size();
                int r = row(m);
                int next = switch (a) {
                    case UP -> r - 1;
                    case DOWN -> r + 1;
                    case PAGE_UP, TOP -> 0;
                    default -> rows;
                };
                yield atRow(m, m.selection().column(), next);
            }
            case PLAN -> {
                int top = PlanLines.top(m);
                int page = Math.max(1, l.planLines() - 1);
                yield switch (a) {
                    case UP -> m.withPlanTop(Math.max(0, top - 1));
                    case DOWN -> m.withPlanTop(top + 1);
                    case PAGE_UP -> m.withPlanTop(Math.max(0, top - page));
                    case PAGE_DOWN -> m.withPlanTop(top + page);
                    case TOP -> m.withPlanTop(0);
                    // The last lines of the plan; the pane follows the current step again when the next step starts.
                    default -> m.withPlanTop(Math.max(0, PlanLines.of(m.world(), m.size().columns() - 2).lines().size() - l.planLines()));
                };
            }
            case LOG -> {
                int size = m.log().entries().size();
                int at = m.log().cursor() < 0 ? size - 1 : m.log().cursor();
                yield cursor(m, moved(a, at, Math.max(1, l.logLines() - 1), size));
            }
        };
    }

    /** The log's cursor on entry {@code at}; past the newest it follows the end again. */
    private static Model cursor(Model m, int at) {
        int size = m.log().entries().size();
        int c = at >= size - 1 ? -1 : Math.max(0, at);
        return m.with(new Model.LogPane(m.log().entries(), c, m.log().search()));
    }

    /** The selected log line (the newest when none is), whole and wrapped, in a window. */
    static Model detail(Model m) {
        List<LogEntry> entries = m.log().entries();
        if (entries.isEmpty()) return m;
        int at = m.log().cursor() < 0 ? entries.size() - 1 : m.log().cursor();
        return m.with(new Overlay.Pager("Log line " + (at + 1) + " of " + entries.size(), List.of(LogText.of(entries.get(at)).text()), 0));
    }

    /**
     * The next log line holding {@code term} (any case) in direction {@code dir} from the cursor,
     * wrapping; the first search from the end finds the newest.
     */
    static Model search(Model m, String term, int dir) {
        long now = m.world().state().clock();
        if (term.isEmpty()) return m;
        List<LogEntry> entries = m.log().entries();
        int size = entries.size();
        int start = m.log().cursor() < 0 ? (dir < 0 ? size : size - 1) : m.log().cursor();
        String t = term.toLowerCase(Locale.ROOT);
        for (int i = 1; i <= size; i++) {
            int idx = Math.floorMod(start + dir * i, size);
            if (LogText.of(entries.get(idx)).text().toLowerCase(Locale.ROOT).contains(t)) {
                return m.with(Model.Pane.LOG).with(new Model.LogPane(entries, idx, term));
            }
        }
        // Said on the bottom line only, as an editor does: in the log, the next search would find it.
        Model n = m.with(new Model.LogPane(entries, m.log().cursor(), term));
        return n.withMessage(java.util.Optional.of(new LogEntry.Remark(now, LogEntry.Say.NO_MATCH, term)));
    }

    /** Scrolling a text window or the tables; closing it. */
    static Model pager(Model m, UiAction a) {
        Layout l = Layout.of(m.size());
        int page = Math.max(1, l.boxLines() - 3);
        if (a == UiAction.CLOSE) return m.with(new Overlay.None());
        if (m.overlay() instanceof Overlay.Tables t) {
            int rows = m.world().state().matrix().configurations().size();
            int top = moved(a, t.top(), page, rows);
            int left = a == UiAction.LEFT ? t.left() - 1 : a == UiAction.RIGHT ? t.left() + 1 : t.left();
            return m.with(new Overlay.Tables(Math.max(0, Math.min(rows - 1, top)), Math.max(0, Math.min(rows - 1, left))));
        }
        Overlay.Pager p = (Overlay.Pager) m.overlay();
        int lines = Cells.wrapAll(p.lines(), l.boxWidth() - 2).size();
        int max = Math.max(0, lines - l.boxLines());
        return m.with(p.at(Math.max(0, Math.min(max, moved(a, p.top(), page, max)))));
    }

    /** A line position after a scroll key: a line, a page, the top or {@code last}; unclamped. */
    private static int moved(UiAction a, int at, int page, int last) {
        return switch (a) {
            case UP -> at - 1;
            case DOWN -> at + 1;
            case PAGE_UP -> at - page;
            case PAGE_DOWN -> at + page;
            case TOP -> 0;
            case BOTTOM -> last;
            default -> at;
        };
    }
}
