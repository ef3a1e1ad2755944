package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import rehearse.session.Timeline;
import rehearse.text.Clock;

/**
 * The timeline: a row of simulated time per group holding IIS, each cell online, pending or
 * down (the worst the group was in that cell's time, so a short outage still shows), the node
 * upgrades marked on a row of their own, and a time axis; the right edge follows the clock.
 */
final class TimelinePane {
    /** Simulated time per cell, the finest that fits the whole rehearsal; past the coarsest, the view scrolls with the clock. */
    static final long[] SCALES = {1_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
        7_200_000, 21_600_000, 43_200_000, 86_400_000};

    private TimelinePane() {}

    /** Which cells are shown: the first cell's time and the time per cell. */
    record Window(long start, long scale, int cells) {
        static Window of(long end, int cells) {
            long scale = SCALES[SCALES.length - 1];
            for (long s : SCALES) {
                if ((end + s - 1) / s <= cells) {
                    scale = s;
                    break;
                }
            }
            long used = (end + scale - 1) / scale;
            return new Window(Math.max(0, used - cells) * scale, scale, cells);
        }
    }

    static char mark(Timeline.Phase p, boolean unicode) {
        return switch (p) {
            case ONLINE -> unicode ? '\u2588' : '#';
            case PENDING -> unicode ? '\u2592' : '~';
            default -> unicode ? '\u2591' : '.';
        };
    }

    /** The worst phase of the row in {@code [from, to)}, or null where the row has no time there. */
    static Timeline.Phase worst(Timeline.Row row, long from, long to) {
        Timeline.Phase w = null;
        for (Timeline.Span s : row.spans()) {
            if (s.to() <= from || s.from() >= to) continue;
            if (s.phase() == Timeline.Phase.DOWN) return Timeline.Phase.DOWN;
            if (s.phase() == Timeline.Phase.PENDING || w == null) w = s.phase();
        }
        return w;
    }

    static void draw(Canvas c, Model m, Layout l) {
        int top = l.logTop();
        int lines = l.logLines();
        boolean u = c.t.unicode();
        if (m.world().timeline().isEmpty()) {
            Frame.title(c, top, "Timeline", "", true);
            return;
        }
        Timeline tl = m.world().timeline().get();
        int nameWidth = 14;
        int cells = Math.max(10, c.w - nameWidth - 1);
        // Room to the right of the time drawn for the upgrades' names (at most a third of the cells).
        int label = Math.min(cells / 3, Cells.width(names(tl.upgrades(), true)) + 1);
        Window scaled = Window.of(tl.end(), cells - label);
        Window win = new Window(scaled.start(), scaled.scale(), cells);
        String legend = mark(Timeline.Phase.ONLINE, u) + " online " + mark(Timeline.Phase.PENDING, u) + " pending "
                + mark(Timeline.Phase.DOWN, u) + " down  ^ node upgraded  one cell " + Clock.duration(win.scale());
        Frame.title(c, top, "Timeline  " + legend, win.start() > 0 ? "from " + Clock.format(win.start()) : "", true);
        List<Timeline.Row> groups = tl.groups();
        int room = Math.max(0, lines - 2); // the upgrades row and the axis
        int shown = Math.min(groups.size(), room);
        int y = top + 1;
        for (int i = 0; i < shown; i++) {
            Timeline.Row row = groups.get(i);
            String name = i == shown - 1 && shown < groups.size() ? "+" + (groups.size() - shown + 1) + " groups" : row.name();
            c.text(0, y, name, nameWidth - 1);
            if (!(i == shown - 1 && shown < groups.size())) cellsOf(c, row, win, nameWidth, y);
            y++;
        }
        upgrades(c, tl, win, nameWidth, y++);
        axis(c, win, tl.end(), nameWidth, y);
    }

    private static void cellsOf(Canvas c, Timeline.Row row, Window win, int x, int y) {
        for (int i = 0; i < win.cells(); i++) {
            long from = win.start() + i * win.scale();
            Timeline.Phase p = worst(row, from, from + win.scale());
            if (p == null) break;
            c.color(switch (p) {
                case ONLINE -> c.good();
                case PENDING -> c.caution();
                default -> c.t.warning();
            });
            c.g.setCharacter(x + i, y, mark(p, c.t.unicode()));
        }
        c.reset();
    }

    /** "NODEA 0:00:13, NODEB 0:25:40", or without the times. */
    private static String names(List<Timeline.Upgrade> ups, boolean times) {
        List<String> names = new ArrayList<>();
        for (Timeline.Upgrade up : ups) names.add(times ? up.node() + " " + Clock.format(up.at()) : up.node());
        return String.join(", ", names);
    }

    private static void upgrades(Canvas c, Timeline tl, Window win, int x, int y) {
        List<Timeline.Upgrade> shown = new ArrayList<>();
        c.text(0, y, "upgrades", x - 1);
        c.color(c.t.accent());
        for (Timeline.Upgrade up : tl.upgrades()) {
            long i = (up.at() - win.start()) / win.scale();
            if (up.at() < win.start() || i >= win.cells()) continue;
            c.g.setCharacter(x + (int) i, y, '^');
            shown.add(up);
        }
        c.reset();
        if (shown.isEmpty()) return;
        // Which node each mark is, after the last cell drawn: with the times, else the names, else how many; never cut.
        long used = Math.min(win.cells(), (tl.end() - win.start() + win.scale() - 1) / win.scale());
        int at = x + (int) used + 1;
        for (String words : List.of(names(shown, true), names(shown, false), shown.size() + (shown.size() == 1 ? " upgrade" : " upgrades"))) {
            if (Cells.width(words) <= c.w - at) {
                c.text(at, y, words);
                return;
            }
        }
    }

    private static void axis(Canvas c, Window win, long end, int x, int y) {
        c.text(0, y, "time", x - 1);
        for (int i = 0; i < win.cells(); i += 10) {
            long t = win.start() + i * win.scale();
            if (t > end) break;
            c.g.setCharacter(x + i, y, c.t.vertical());
            if (i + 9 <= win.cells()) c.text(x + i + 1, y, Clock.format(t), 8);
        }
    }
}
