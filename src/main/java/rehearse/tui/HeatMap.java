package rehearse.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import rehearse.explore.Exploration;
import rehearse.explore.Scenario;
import rehearse.report.ExplorationWords;
import rehearse.text.Clock;

/**
 * The what-if heat map: the rest of the plan's steps down, the faults across, each cell the IIS
 * outage (wall clock) if that fault strikes at that step, coloured and marked by what it means
 * for the window: within, beyond ({@code +}), stuck ({@code !}, the recovery policy needs a
 * human), or {@code -} where the fault cannot act. The marks carry the meaning without colour.
 */
final class HeatMap {
    private static final int CELL = 8;
    private static final String LEGEND = "5s within the window  5s+ beyond it  stuck! needs a human  - cannot act";

    private HeatMap() {}

    /** A line of the box: text, or the grid's row of step {@code row} (-1: text). */
    private record Line(String text, int row) {
        static Line of(String text) {
            return new Line(text, -1);
        }
    }

    /** The legend's line: its samples drawn as the cells they stand for. */
    private static final int LEGEND_ROW = -2;

    /** Which part of the grid shows: the label's width, the faults {@code left} to {@code right}, the steps {@code first} to {@code last}. */
    private record View(int label, int left, int right, int first, int last) {}

    /** A cell's mark: nothing within the window, '+' beyond it, '!' stuck or an invariant broken. */
    static char mark(Scenario s) {
        if (s == null) return ' ';
        if (s.stuck() || !s.invariantsHeld()) return '!';
        return s.windowHeld() ? ' ' : '+';
    }

    static void draw(Canvas c, Model m, Overlay.WhatIf w) {
        int inner = Math.max(20, c.w - 4);
        int room = Math.max(1, c.h - 4);
        String title = "What if: every fault at every step";
        List<Line> lines = new ArrayList<>();
        View v = null;
        if (w.exploration().isEmpty()) {
            waiting(lines, w, inner);
        } else if (w.exploration().get().matrix().isEmpty()) {
            lines.add(Line.of("Nothing to explore: no step of the plan is left to run."));
            lines.add(Line.of(""));
            lines.add(Line.of("Esc closes"));
        } else {
            Exploration x = w.exploration().get();
            v = grid(lines, w, x, inner, room);
            title += "  faults " + (v.left() + 1) + "-" + v.right() + " of " + x.faults().size();
        }
        int shown = Math.min(room, lines.size());
        Overlays.box(c, title, Collections.nCopies(shown, ""), -1, null, inner);
        int x0 = (c.w - inner - 2) / 2 + 1;
        int y0 = Math.max(1, (c.h - shown - 2) / 2) + 1;
        for (int i = 0; i < shown; i++) {
            Line l = lines.get(i);
            if (l.row() == LEGEND_ROW) legend(c, x0, y0 + i, inner);
            else if (l.row() < 0) c.text(x0, y0 + i, l.text(), inner);
            else row(c, w, w.exploration().get(), v, l.row(), x0, y0 + i);
        }
    }

    private static void waiting(List<Line> lines, Overlay.WhatIf w, int inner) {
        if (w.failure() != null) {
            for (String s : Cells.wrap(w.failure(), inner)) lines.add(Line.of(s));
        } else {
            for (String s : Cells.wrap("Exploring every fault at every point of the rest of the plan, from the cluster at "
                    + Clock.format(w.on().clock()) + " (on copies: the rehearsal is untouched)...", inner)) {
                lines.add(Line.of(s));
            }
            lines.add(Line.of(""));
            lines.add(Line.of(bar(w.done(), w.total(), Math.max(10, Math.min(40, inner - 24))) + "  " + w.done() + " of "
                    + (w.total() == 0 ? "?" : w.total()) + " scenarios"));
        }
        lines.add(Line.of(""));
        lines.add(Line.of("Esc closes"));
    }

    private static String bar(int done, int total, int width) {
        int full = total == 0 ? 0 : (int) Math.min(width, (long) done * width / total);
        return "[" + "#".repeat(full) + ".".repeat(Math.max(0, width - full)) + "]";
    }

    /** The lines around the grid and which part of it shows: the cursor's step and fault stay in view. */
    private static View grid(List<Line> lines, Overlay.WhatIf w, Exploration x, int inner, int room) {
        int faults = x.faults().size();
        int steps = x.matrix().size();
        int widest = 0;
        for (int k = 0; k < steps; k++) widest = Math.max(widest, Cells.width(ExplorationWords.row(x, k)));
        // The label takes what the cells leave, at least a third of the line where they would take it all.
        int label = Math.max(12, Math.min(widest + 2, Math.max(Math.min(26, inner / 3), inner - faults * CELL)));
        int shown = Math.max(1, (inner - label) / CELL);
        int left = Math.max(0, Math.min(w.column() - shown + 1, faults - shown));
        int right = Math.min(faults, left + shown);
        List<String> head = Cells.wrap("IIS outage if the fault strikes during the step (the worst of its points), against the "
                + Clock.duration(x.windowMs()) + " window" + (x.windowGiven() ? "" : " (the plan's own outage; --window sets one)") + ":", inner);
        StringBuilder names = new StringBuilder();
        for (int f = left; f < right; f++) names.append(f == left ? "" : ", ").append('F').append(f + 1).append(' ').append(x.faults().get(f).text());
        List<String> faultNames = Cells.wrap(names.toString(), inner);
        List<String> detail = detail(w, x, inner);
        int rows = Math.min(steps, Math.max(3, room - head.size() - 1 - 1 - faultNames.size() - 1 - detail.size()));
        int first = Math.max(0, Math.min(w.row() - rows + 1, steps - rows));
        int last = Math.min(steps, first + rows);
        for (String s : head) lines.add(Line.of(s));
        String stepWord = last - first < steps ? "step " + (first + 1) + "-" + last + " of " + steps : "step";
        StringBuilder top = new StringBuilder(Cells.pad(stepWord, label));
        for (int f = left; f < right; f++) top.append(lpad("F" + (f + 1), CELL));
        lines.add(Line.of(top.toString()));
        for (int r = first; r < last; r++) lines.add(new Line("", r));
        lines.add(new Line(LEGEND, LEGEND_ROW));
        for (String s : faultNames) lines.add(Line.of(s));
        lines.add(Line.of(""));
        for (String s : detail) lines.add(Line.of(s));
        return new View(label, left, right, first, last);
    }

    private static void row(Canvas c, Overlay.WhatIf w, Exploration x, View v, int r, int x0, int y) {
        c.text(x0, y, ExplorationWords.row(x, r, v.label() - 1), v.label() - 1);
        for (int f = v.left(); f < v.right(); f++) {
            Scenario s = x.matrix().get(r).get(f);
            c.color(colour(c, s));
            if (s != null && mark(s) == '!') c.style(SGR.BOLD);
            if (r == w.row() && f == w.column()) c.style(SGR.REVERSE);
            c.text(x0 + v.label() + (f - v.left()) * CELL, y, lpad(ExplorationWords.cell(s) + mark(s), CELL), CELL);
            c.reset();
        }
    }

    /** The legend, each sample in its cells' colour (the marks say the same without colour). */
    private static void legend(Canvas c, int x0, int y, int inner) {
        c.text(x0, y, LEGEND, inner);
        sample(c, x0, y, inner, "5s ", c.good(), false);
        sample(c, x0, y, inner, "5s+", c.caution(), false);
        sample(c, x0, y, inner, "stuck!", c.t.warning(), true);
    }

    private static void sample(Canvas c, int x0, int y, int inner, String sample, TextColor colour, boolean bold) {
        int at = LEGEND.indexOf(sample);
        if (at < 0 || at + sample.length() > inner) return;
        c.color(colour);
        if (bold) c.style(SGR.BOLD);
        c.text(x0 + at, y, sample.strip(), sample.strip().length());
        c.reset();
    }

    private static TextColor colour(Canvas c, Scenario s) {
        if (s == null) return TextColor.ANSI.DEFAULT;
        if (mark(s) == '!') return c.t.warning();
        return s.windowHeld() ? c.good() : c.caution();
    }

    /** The cell under the cursor in words: the fault and its moment, why it ends as it does, what Enter does. */
    private static List<String> detail(Overlay.WhatIf w, Exploration x, int inner) {
        List<String> out = new ArrayList<>();
        Optional<Scenario> s = WhatIf.selected(w);
        if (s.isEmpty()) {
            out.addAll(Cells.wrap("F" + (w.column() + 1) + " at step " + ExplorationWords.row(x, w.row()).strip()
                    + ": the fault cannot act there.", inner));
            out.add("Esc: close");
            return out;
        }
        Scenario sc = s.get();
        out.addAll(Cells.wrap(ExplorationWords.injections(sc) + (sc.points() == 1 ? "" : " (and " + (sc.points() - 1) + " other points alike)"),
                inner));
        out.addAll(Cells.wrap(ExplorationWords.reason(sc, x), inner));
        out.add(enter(w, sc) + "   Esc: close");
        return out;
    }

    /** What Enter does on the cell: rehearse it live (once the checklist is signed), and how to come back. */
    private static String enter(Overlay.WhatIf w, Scenario sc) {
        List<rehearse.command.Command> submits = WhatIfWork.toSubmit(sc);
        if (WhatIfWork.signsPreflight(w.on(), submits)) {
            return "Enter: rehearse it live once the checklist is signed (n)";
        }
        return "Enter: rehearse it live (':rewind to " + Clock.format(w.on().clock()) + "' comes back)";
    }

    private static String lpad(String s, int width) {
        int w = Cells.width(s);
        return w >= width ? s : " ".repeat(width - w) + s;
    }
}
