package rehearse.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.plan.Hop;
import rehearse.plan.Planner;
import rehearse.plan.Targets;
import rehearse.text.Clock;

/** The overlays: text windows, the tables, menus, questions and the prompt line. */
final class Overlays {
    private Overlays() {}

    static void draw(Canvas c, Model m, Layout l) {
        Overlay o = m.overlay();
        if (o instanceof Overlay.Pager p) pager(c, p, l);
        else if (o instanceof Overlay.Tables t) tables(c, m, t, l);
        else if (o instanceof Overlay.Menu menu) menu(c, m, menu);
        else if (o instanceof Overlay.Prompt p) prompt(c, p);
        else if (o instanceof Overlay.ConfirmQuit) confirmQuit(c, m);
        else if (o instanceof Overlay.Preflight) preflight(c, m);
        else if (o instanceof Overlay.WhatIf w) HeatMap.draw(c, m, w);
    }

    private static void pager(Canvas c, Overlay.Pager p, Layout l) {
        int inner = l.boxWidth() - 2;
        List<String> lines = Cells.wrapAll(p.lines(), inner);
        int rows = l.boxLines();
        int top = Math.max(0, Math.min(p.top(), lines.size() - rows));
        String where = lines.size() > rows ? "  " + (top + 1) + "-" + Math.min(lines.size(), top + rows) + " of " + lines.size()
                + "  j/k PgUp/PgDn" : "";
        box(c, p.title() + where, lines.subList(top, Math.min(lines.size(), top + rows)), -1, null, inner);
    }

    /** The journal's path and the resume line are shown whole, each on lines of its own, however long. */
    private static void confirmQuit(Canvas c, Model m) {
        int inner = c.w - 4;
        List<String> lines = new ArrayList<>();
        lines.add("A rehearsal is under way.");
        m.settings().journal().ifPresentOrElse(j -> {
            lines.add("Its journal is saved:");
            lines.addAll(Cells.wrap("  " + j.toAbsolutePath(), inner));
            lines.add("Go on later with:");
            lines.addAll(Cells.wrap("  " + rehearse.text.ResumeCommand.line(m.settings().launcher(), j, rehearse.text.ResumeCommand.FrontEnd.UI), inner));
        }, () -> lines.add("Its journal is saved and can be resumed."));
        lines.add("");
        lines.add("y  quit        n / Esc  stay");
        box(c, "Quit?", lines, -1, null, 0);
    }

    private static void preflight(Canvas c, Model m) {
        // The service pack comes back only where a hop installs IIS over it (the plan's first step says).
        boolean servicePack = m.world().plan().flatMap(p -> p.entries().stream().map(e -> e.step().action())
                .filter(a -> a instanceof rehearse.plan.RunActions.Preflight).findFirst())
                .map(a -> ((rehearse.plan.RunActions.Preflight) a).servicePackAfterIis()).orElse(false);
        List<String> lines = new ArrayList<>(List.of("Before the first node is upgraded, confirm each of these:", "",
                "[ ] backups of every node and of the cluster configuration are taken"));
        if (servicePack) lines.add("[ ] the service pack will be re-applied after IIS is installed");
        lines.add("[ ] the documentation of every clustered resource was consulted");
        lines.add(m.world().state().mixedVersions() ? "[ ] failback is left as it is (the nodes run two versions: no changes now)"
                : "[ ] failback is disabled for the run (done now for every group)");
        lines.add("");
        lines.add("y  acknowledge all and go on        n / Esc  cancel");
        box(c, "Pre-flight checklist", lines, -1, null, 0);
    }

    /** The export prompt says what the extensions write (Exports.kind decides). */
    static final String EXPORT_LEAD = "export to (.md .html report, .runbook.md .cmd runbook): ";

    private static void prompt(Canvas c, Overlay.Prompt p) {
        int y = c.h - 3;
        c.color(c.t.accent());
        String lead = switch (p.kind()) {
            case SEARCH -> "/";
            case COMMAND -> ":";
            case EXPORT -> EXPORT_LEAD;
        };
        String text = p.text();
        int room = c.w - 2 - Cells.width(lead);
        // The end of a long line stays in view, where the typing is.
        while (Cells.width(text) > room) text = text.substring(text.offsetByCodePoints(0, 1));
        c.padded(0, y, lead + text + "_", c.w);
        c.reset();
    }

    private static void menu(Canvas c, Model m, Overlay.Menu menu) {
        List<String> lines = new ArrayList<>();
        List<Boolean> dim = new ArrayList<>();
        int reachable = 0;
        for (Overlay.MenuItem item : menu.items()) {
            String label = item.label();
            if (item.choice() instanceof Overlay.Choice.ChooseTarget t) {
                reachable++;
                Model.Estimate e = m.estimates().get(t.target());
                long window = m.settings().windowMs();
                label += e == null ? ", estimating..." : e.refusal() != null ? ", no estimate: " + e.refusal()
                        : ", est. IIS outage " + Clock.duration(e.outageMs())
                                + (window > 0 && e.outageMs() > window ? ", beyond the " + Clock.duration(window) + " window" : "");
            }
            lines.add(label);
            dim.add(!item.selectable());
        }
        String title = menu.title();
        if (menu.purpose() == Overlay.Purpose.TARGET && reachable > 0 && m.estimates().size() < reachable) {
            title += "  estimating " + m.estimates().size() + "/" + reachable + " " + "|/-\\".charAt(m.estimates().size() % 4);
        }
        box(c, title, lines, menu.index(), dim, 0);
    }

    /**
     * The upgrade tables: only the rows and columns the screen shows are worked out (one search
     * per row shown), so a table of hundreds of configurations opens at once.
     */
    private static void tables(Canvas c, Model m, Overlay.Tables t, Layout l) {
        UpgradeMatrix mx = m.world().state().matrix();
        Planner planner = new Planner(mx);
        Configuration present = Targets.present(m.world().state());
        List<Hop> path = m.world().plan().map(p -> p.target().path().hops()).orElse(List.of());
        List<Configuration> all = mx.configurations();
        int colCount = Math.max(1, (l.boxWidth() - 2 - 18) / 10);
        int rowCount = Math.max(1, l.boxLines() - 5);
        int left = Math.min(t.left(), Math.max(0, all.size() - colCount));
        int top = Math.min(t.top(), Math.max(0, all.size() - rowCount));
        List<Configuration> cols = all.subList(left, Math.min(all.size(), left + colCount));
        List<Configuration> rows = all.subList(top, Math.min(all.size(), top + rowCount));
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder(Cells.pad("present \\ to", 18));
        for (Configuration col : cols) head.append(Cells.pad(col.id(), 10));
        lines.add(head.toString());
        for (Configuration from : rows) {
            StringBuilder row = new StringBuilder(Cells.pad((from.equals(present) ? "*" : " ") + from.label(), 18));
            java.util.Set<Configuration> reachable = planner.reachableSet(from);
            for (Configuration to : cols) {
                String cell;
                if (from.equals(to)) cell = "=";
                else {
                    Upgrade u = mx.direct(from, to).orElse(null);
                    cell = u == null ? (reachable.contains(to) ? "+" : ".") : u.kind() == UpgradeKind.ROLLING ? "R" : "S";
                }
                boolean onPath = path.stream().anyMatch(hp -> hp.from().equals(from) && hp.to().equals(to));
                row.append(Cells.pad(onPath ? "<" + cell + ">" : " " + cell, 10));
            }
            lines.add(row.toString());
        }
        lines.add("");
        lines.add("R rolling  S standard  + several hops  . unsupported  = same");
        lines.add("* present configuration   <R> <S> the chosen path");
        String where = all.size() > rowCount || all.size() > colCount ? String.format(Locale.ROOT, "  rows %d-%d, columns %d-%d of %d; arrows scroll",
                top + 1, top + rows.size(), left + 1, left + cols.size(), all.size()) : "";
        box(c, "Upgrade tables (present x upgraded)" + where, lines, -1, null, 0);
    }

    /**
     * A framed box in the middle of the screen; {@code width} 0: as wide as its lines. With a
     * selected line, the box scrolls to keep it in view.
     */
    static void box(Canvas c, String title, List<String> lines, int selected, List<Boolean> dim, int width) {
        int widest = 10;
        for (String s : lines) widest = Math.max(widest, Cells.width(Cells.safe(s, c.t.unicode())));
        int inner = width > 0 ? width : Math.min(c.w - 4, Math.max(Math.min(c.w - 4, Cells.width(title) + 4), widest));
        int height = Math.min(c.h - 2, lines.size() + 2);
        int x = (c.w - inner - 2) / 2;
        int y = Math.max(1, (c.h - height) / 2);
        int room = height - 2;
        int first = selected < 0 ? 0 : Math.max(0, Math.min(selected - room + 1, lines.size() - room));
        c.g.setCharacter(x, y, c.t.corner(0));
        int after = c.text(x + 1, y, " " + title + " ", inner);
        c.repeat(after, y, c.t.horizontal(), x + 1 + inner - after);
        c.g.setCharacter(x + 1 + inner, y, c.t.corner(1));
        for (int i = 0; i < room; i++) {
            int idx = first + i;
            String line = idx < lines.size() ? lines.get(idx) : "";
            c.g.setCharacter(x, y + 1 + i, c.t.vertical());
            if (idx == selected) c.style(SGR.REVERSE);
            if (dim != null && idx < dim.size() && dim.get(idx)) {
                c.style(SGR.ITALIC); // not selectable: dimmed (grey where there is colour)
                if (c.t.color()) c.color(TextColor.ANSI.BLACK_BRIGHT);
            }
            c.padded(x + 1, y + 1 + i, line, inner);
            c.reset();
            c.g.setCharacter(x + 1 + inner, y + 1 + i, c.t.vertical());
        }
        c.g.setCharacter(x, y + height - 1, c.t.corner(2));
        c.repeat(x + 1, y + height - 1, c.t.horizontal(), inner);
        c.g.setCharacter(x + 1 + inner, y + height - 1, c.t.corner(3));
    }
}
