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

    private HeatMap() {}

    /** A cell's mark: nothing within the window, '+' beyond it, '!' stuck or an invariant broken. */
    static char mark(Scenario s) {
        if (s == null || s.stuck() || !s.invariantsHeld()) return s == null ? ' ' : '!';
        return s.windowHeld() ? ' ' : '+';
    }

    static void draw(Canvas c, Model m, Overlay.WhatIf w) {
        int inner = Math.max(20, c.w - 4);
        int height = Math.max(3, c.h - 2);
        int room = height - 2;
        Optional<Exploration> x = w.exploration();
        String title = "What if: every fault at every step";
        if (x.isPresent() && !x.get().matrix().isEmpty()) {
            int cols = columns(inner);
            int left = left(w.column(), cols, x.get().faults().size());
            title += "  faults " + (left + 1) + "-" + Math.min(x.get().faults().size(), left + cols) + " of " + x.get().faults().size();
        }
        Overlays.box(c, title, Collections.nCopies(room, ""), -1, null, inner);
        int x0 = (c.w - inner - 2) / 2 + 1;
        int y0 = Math.max(1, (c.h - height) / 2) + 1;
        if (x.isEmpty()) {
            List<String> lines = new ArrayList<>();
            if (w.failure() != null) {
                lines.addAll(Cells.wrap(w.failure(), inner));
            } else {
                lines.addAll(Cells.wrap("Exploring every fault at every point of the rest of the plan, from the cluster at "
                        + Clock.format(w.on().clock()) + " (on copies: the rehearsal is untouched)...", inner));
                lines.add("");
                lines.add(bar(w.done(), w.total(), Math.min(40, inner - 24)) + "  " + w.done() + " of " + (w.total() == 0 ? "?" : w.total())
                        + " scenarios");
            }
            lines.add("");
            lines.add("Esc closes");
            for (int i = 0; i < lines.size() && i < room; i++) c.text(x0, y0 + i, lines.get(i), inner);
            return;
        }
        grid(c, w, x.get(), x0, y0, inner, room);
    }

    private static String bar(int done, int total, int width) {
        int full = total == 0 ? 0 : (int) ((long) done * width / total);
        return "[" + "#".repeat(full) + ".".repeat(Math.max(0, width - full)) + "]";
    }

    private static int columns(int inner) {
        return Math.max(1, (inner - label(inner)) / CELL);
    }

    private static int label(int inner) {
        return Math.min(26, Math.max(12, inner / 3));
    }

    /** The first fault shown: the cursor's column stays in view. */
    private static int left(int column, int shown, int faults) {
        return Math.max(0, Math.min(column - shown + 1 > 0 ? column - shown + 1 : 0, faults - shown));
    }

    private static void grid(Canvas c, Overlay.WhatIf w, Exploration x, int x0, int y0, int inner, int room) {
        List<String> head = new ArrayList<>(Cells.wrap("IIS outage if the fault strikes during the step (the worst of its points), against the "
                + Clock.duration(x.windowMs()) + " window" + (x.windowGiven() ? "" : " (the plan's own outage; --window sets one)") + ":", inner));
        if (x.matrix().isEmpty()) {
            head.add("");
            head.add("Nothing to explore: no step of the plan is left to run.");
            for (int i = 0; i < head.size() && i < room; i++) c.text(x0, y0 + i, head.get(i), inner);
            return;
        }
        int labelWidth = label(inner);
        int shown = columns(inner);
        int faults = x.faults().size();
        int left = left(w.column(), shown, faults);
        int right = Math.min(faults, left + shown);
        List<String> faultNames = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (int f = left; f < right; f++) names.append(f == left ? "" : ", ").append("F").append(f + 1).append(' ').append(x.faults().get(f).text());
        faultNames.addAll(Cells.wrap(names.toString(), inner));
        List<String> detail = detail(w, x, inner);
        String legend = "5s within the window  5s+ beyond it  stuck! needs a human  - cannot act";
        int fixed = head.size() + 1 + 1 + faultNames.size() + 1 + detail.size();
        int rows = Math.max(3, room - fixed);
        int y = y0;
        for (String l : head) c.text(x0, y++, l, inner);
        int first = Math.max(0, Math.min(w.row() - rows + 1, x.matrix().size() - rows));
        first = Math.max(0, Math.min(first, w.row()));
        int last = Math.min(x.matrix().size(), first + rows);
        // Where the rows are cut, which of them show.
        String steps = last - first < x.matrix().size() ? "step " + (first + 1) + "-" + last + " of " + x.matrix().size() : "step";
        StringBuilder top = new StringBuilder(Cells.pad(steps, labelWidth));
        for (int f = left; f < right; f++) top.append(lpad("F" + (f + 1), CELL));
        c.text(x0, y++, top.toString(), inner);
        for (int r = first; r < last; r++) {
            c.text(x0, y, ExplorationWords.middleCut(ExplorationWords.row(x, r), labelWidth - 1), labelWidth - 1);
            for (int f = left; f < right; f++) {
                Scenario s = x.matrix().get(r).get(f);
                String cell = lpad(ExplorationWords.cell(s) + mark(s), CELL);
                c.color(colour(c, s));
                if (s != null && (s.stuck() || !s.invariantsHeld())) c.style(SGR.BOLD);
                if (r == w.row() && f == w.column()) c.style(SGR.REVERSE);
                c.text(x0 + labelWidth + (f - left) * CELL, y, cell, CELL);
                c.reset();
            }
            y++;
        }
        y = y0 + head.size() + 1 + rows;
        c.text(x0, y++, legend, inner);
        for (String l : faultNames) c.text(x0, y++, l, inner);
        y++;
        for (String l : detail) {
            if (y >= y0 + room) break;
            c.text(x0, y++, l, inner);
        }
    }

    private static TextColor colour(Canvas c, Scenario s) {
        if (s == null) return TextColor.ANSI.DEFAULT;
        if (s.stuck() || !s.invariantsHeld()) return c.t.warning();
        return s.windowHeld() ? c.good() : c.caution();
    }

    /** The cell under the cursor in words: the fault and its moment, why it ends as it does, what Enter does. */
    private static List<String> detail(Overlay.WhatIf w, Exploration x, int inner) {
        List<String> out = new ArrayList<>();
        Optional<Scenario> s = WhatIf.selected(w);
        String where = "F" + (w.column() + 1) + " at step " + ExplorationWords.row(x, w.row()).strip();
        if (s.isEmpty()) {
            out.addAll(Cells.wrap(where + ": the fault cannot act there.", inner));
            return out;
        }
        Scenario sc = s.get();
        out.addAll(Cells.wrap(ExplorationWords.injections(sc) + (sc.points() == 1 ? "" : " (and " + (sc.points() - 1) + " other points alike)"),
                inner));
        out.addAll(Cells.wrap(ExplorationWords.reason(sc, x), inner));
        out.add("Enter: rehearse it live (b goes back after)   Esc: close");
        return out;
    }

    private static String lpad(String s, int width) {
        int w = Cells.width(s);
        return w >= width ? s : " ".repeat(width - w) + s;
    }
}
