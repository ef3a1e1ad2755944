package rehearse.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** The view: draws a {@link Model} onto a blank TextGraphics; nothing else reaches the screen. */
public final class Frame {
    public static final int MIN_COLUMNS = Layout.MIN_COLUMNS;
    public static final int MIN_ROWS = Layout.MIN_ROWS;

    private Frame() {}

    /**
     * Draws the whole screen onto {@code g}, which must start blank (the caller clears the
     * screen's back buffer: far cheaper than filling it cell by cell through a TextGraphics).
     */
    public static void draw(Model m, Theme theme, TextGraphics g, TerminalSize size) {
        Canvas c = new Canvas(g, theme, size.getColumns(), size.getRows());
        c.reset();
        Layout l = Layout.of(size.getColumns(), size.getRows());
        if (l.tooSmall()) {
            String[] lines = {"terminal too small: " + c.w + "x" + c.h, "rehearse needs at least " + MIN_COLUMNS + "x" + MIN_ROWS,
                "enlarge the window; q quits"};
            for (int i = 0; i < lines.length; i++) c.text(0, i, lines[i]);
            return;
        }
        banner(c, m);
        NodesPane.draw(c, m, l);
        plan(c, m, l);
        if (m.pane() == Model.Pane.TIMELINE) TimelinePane.draw(c, m, l);
        else log(c, m, l);
        StatusLine.draw(c, m, c.h - 2);
        Overlays.draw(c, m, l);
    }

    private static void banner(Canvas c, Model m) {
        c.style(SGR.REVERSE, SGR.BOLD);
        if (c.t.color()) {
            c.g.clearModifiers();
            c.g.setBackgroundColor(TextColor.ANSI.RED);
            c.color(TextColor.ANSI.WHITE_BRIGHT).style(SGR.BOLD);
        }
        String right = "? help ";
        c.padded(0, 0, " SIMULATION  rehearse: cluster " + m.world().state().cluster().name() + "  (not a real cluster)",
                c.w - right.length());
        c.text(c.w - right.length(), 0, right);
        c.reset();
    }

    /** A pane's title line: focused ones marked with '>' and underlined; {@code where}: its scroll position, if any. */
    static void title(Canvas c, int y, String title, String where, boolean focused) {
        if (focused) c.style(SGR.BOLD, SGR.UNDERLINE);
        c.color(c.t.accent());
        c.g.setCharacter(0, y, focused ? '>' : c.t.horizontal());
        int x = c.text(1, y, " " + title + " ", c.w - 2 - (where.isEmpty() ? 0 : Cells.width(where) + 2));
        c.reset();
        int end = c.w;
        if (!where.isEmpty()) {
            end = c.w - Cells.width(where) - 2;
            c.color(c.t.accent());
            c.text(end + 1, y, where);
            c.reset();
        }
        c.repeat(x, y, c.t.horizontal(), end - x);
    }

    private static void plan(Canvas c, Model m, Layout l) {
        PlanLines.Lines lines = PlanLines.of(m.world(), c.w - 2);
        int top = PlanLines.top(m);
        int rows = l.planLines();
        List<PlanLines.Line> all = lines.lines();
        String name = m.world().plan().map(p -> "Plan: " + p.target().path().from().label() + " -> " + p.target().path().to().label()
                + ", " + rehearse.text.PlanText.hops(p.target().path())).orElse("Plan");
        title(c, l.planTop(), name, scrollWords(top, rows, all.size(), m.planTop() < 0), m.pane() == Model.Pane.PLAN);
        for (int i = 0; i < rows && top + i < all.size(); i++) {
            PlanLines.Line line = all.get(top + i);
            switch (line.tone()) {
                case HEADING -> c.style(SGR.BOLD);
                case ESTIMATE -> c.color(c.t.accent());
                case CURRENT -> c.style(SGR.BOLD);
                case FAILED -> c.color(c.t.warning()).style(SGR.BOLD);
                case COMPLETE -> c.color(c.good()).style(SGR.BOLD);
                default -> { }
            }
            c.text(1, l.planTop() + 1 + i, line.text(), c.w - 2);
            c.reset();
        }
    }

    /** "lines 3-7 of 20": only when not everything fits; never drawn over text. */
    static String scrollWords(int top, int rows, int total, boolean following) {
        if (total <= rows) return "";
        return (top > 0 ? "^ " : "") + "lines " + (top + 1) + "-" + Math.min(total, top + rows) + " of " + total
                + (top + rows < total ? " v" : "") + (following ? "" : " (G follows)");
    }

    private static void log(Canvas c, Model m, Layout l) {
        List<LogEntry> entries = m.log().entries();
        int rows = l.logLines();
        int cursor = m.log().cursor();
        int end = cursor < 0 ? entries.size() : Math.min(entries.size(), Math.max(cursor + 1, rows));
        int start = Math.max(0, end - rows);
        boolean focused = m.pane() == Model.Pane.LOG;
        String where = cursor < 0 ? "" : "line " + (cursor + 1) + " of " + entries.size() + " (G follows)";
        String search = m.log().search().isEmpty() ? "" : "  /" + m.log().search() + " n N";
        title(c, l.logTop(), "Log" + (focused ? "  Enter: line whole" + search : ""), where, focused);
        for (int i = start; i < end; i++) {
            LogText.Line line = LogText.of(entries.get(i));
            int y = l.logTop() + 1 + i - start;
            if (line.bad()) c.color(c.t.warning());
            if (focused && (i == cursor || (cursor < 0 && i == entries.size() - 1))) {
                c.style(SGR.REVERSE);
                c.padded(0, y, line.text(), c.w);
            } else {
                c.text(0, y, line.text());
            }
            c.reset();
        }
    }
}
