package rehearse.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import rehearse.base.Printable;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;
import rehearse.plan.Hop;
import rehearse.plan.HopEstimate;
import rehearse.plan.Plan;
import rehearse.plan.Planner;
import rehearse.plan.Status;
import rehearse.plan.Targets;
import rehearse.sim.State;
import rehearse.text.Clock;
import rehearse.text.Steps;

/** Draws the UI's state; a pure function of {@link Ui} and the session onto a TextGraphics. */
public final class Render {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;
    static final int MIN_NODE_WIDTH = 26;

    private final Ui ui;
    private final TextGraphics g;
    private final int w;
    private final int h;
    private final Theme t;

    private Render(Ui ui, TextGraphics g, TerminalSize size) {
        this.ui = ui;
        this.g = g;
        this.w = size.getColumns();
        this.h = size.getRows();
        this.t = ui.theme;
    }

    /**
     * Draws the whole screen onto {@code g}, which must start blank (the caller clears the
     * screen's back buffer: far cheaper than filling it cell by cell through a TextGraphics).
     */
    public static void draw(Ui ui, TextGraphics g, TerminalSize size) {
        new Render(ui, g, size).all();
    }

    private void all() {
        reset();
        if (w < MIN_COLUMNS || h < MIN_ROWS) {
            tooSmall();
            return;
        }
        banner();
        int rest = h - 3;
        int nodesRows = Math.max(9, rest * 2 / 5);
        int planRows = Math.max(6, rest / 4);
        int logRows = rest - nodesRows - planRows;
        nodes(1, nodesRows);
        plan(1 + nodesRows, planRows);
        log(1 + nodesRows + planRows, logRows);
        status(h - 2);
        switch (ui.overlay) {
            case HELP -> help();
            case MATRIX -> matrix();
            case TARGET, MENU -> menu();
            case PROMPT -> prompt();
            case CONFIRM_QUIT -> box("Quit?", List.of("A rehearsal is under way; its journal is saved and can be resumed.", "",
                    "y  quit        n / Esc  stay"));
            case PREFLIGHT -> box("Pre-flight checklist", List.of(
                    "Before the first node is upgraded, confirm each of these:", "",
                    "[ ] backups of both nodes and of the cluster configuration are taken",
                    "[ ] the service pack will be re-applied after IIS is installed",
                    "[ ] the documentation of every clustered resource was consulted",
                    ui.session.state().mixedVersions() ? "[ ] failback is left as it is (the nodes run two versions: no changes now)"
                            : "[ ] failback is disabled for the run (done now for every group)", "",
                    "y  acknowledge all and go on        n / Esc  cancel"));
            default -> { }
        }
    }

    private void reset() {
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.clearModifiers();
    }

    private void tooSmall() {
        String[] lines = {"terminal too small: " + w + "x" + h, "rehearse needs at least " + MIN_COLUMNS + "x" + MIN_ROWS,
            "enlarge the window; q quits"};
        for (int i = 0; i < lines.length && i < h; i++) text(0, i, fit(lines[i], w));
    }

    private void banner() {
        g.enableModifiers(SGR.REVERSE, SGR.BOLD);
        if (t.color()) {
            g.clearModifiers();
            g.setBackgroundColor(TextColor.ANSI.RED);
            g.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
            g.enableModifiers(SGR.BOLD);
        }
        Cluster c = ui.session.state().cluster();
        String left = " SIMULATION  rehearse: cluster " + Printable.clean(c.name()) + "  (not a real cluster)";
        String right = "? help ";
        g.putString(0, 0, pad(fit(left, w - right.length()), w - right.length()) + right);
        reset();
    }

    // ------------------------------------------------------------------ nodes

    private void nodes(int top, int rows) {
        Cluster c = ui.session.state().cluster();
        int n = c.nodes().size();
        int visible = Math.max(1, Math.min(n, w / MIN_NODE_WIDTH));
        int first = Math.max(0, Math.min(ui.nodeColumn - visible + 1, n - visible));
        if (ui.nodeColumn < first) first = ui.nodeColumn;
        int colWidth = w / visible;
        paneTitle(top, "Nodes" + (n > visible ? " " + (first + 1) + "-" + (first + visible) + " of " + n + " (h/l scroll)" : ""),
                ui.pane == Ui.Pane.NODES);
        for (int i = 0; i < visible; i++) {
            int x = i * colWidth;
            int width = (i == visible - 1 ? w - x : colWidth) - 1;
            nodeColumn(c, first + i, x, top + 1, width, rows - 1);
            if (i > 0) for (int y = top + 1; y < top + rows; y++) g.setCharacter(x - 1, y, t.vertical());
        }
    }

    private void nodeColumn(Cluster c, int index, int x, int y, int width, int rows) {
        Node node = c.nodes().get(index);
        State e = ui.session.state();
        boolean selectedColumn = ui.pane == Ui.Pane.NODES && ui.nodeColumn == index;
        int[] selectedLine = {0};
        String state = node.state().label().toUpperCase(java.util.Locale.ROOT);
        String name = fit(Printable.clean(node.name()), width - state.length() - 1);
        List<Group> owned = c.groupsOwnedBy(node.name());
        int yy = y;
        // Header: name and state; configuration; OS or upgrade progress.
        if (selectedColumn && ui.row == 0) g.enableModifiers(SGR.REVERSE);
        g.enableModifiers(SGR.BOLD);
        text(x, yy, pad(name, width - state.length()));
        g.setForegroundColor(t.nodeColor(node.state()));
        text(x + width - state.length(), yy, state);
        reset();
        yy++;
        OptionalDouble progress = e.upgradeProgress(node.name());
        text(x, yy++, fit(node.config().label() + (e.upgradingTo(node.name()).isPresent() ? " (upgrading)" : "")
                + (e.paused(node.name()) && node.state() != rehearse.model.NodeState.PAUSED ? " (paused)" : ""), width));
        if (progress.isPresent()) {
            int barWidth = Math.max(4, width - 6);
            int filled = (int) Math.round(progress.getAsDouble() * barWidth);
            StringBuilder bar = new StringBuilder();
            for (int i = 0; i < barWidth; i++) bar.append(i < filled ? t.bar() : t.barEmpty());
            g.setForegroundColor(t.accent());
            text(x, yy++, bar + String.format(java.util.Locale.ROOT, " %3d%%", (int) Math.round(progress.getAsDouble() * 100)));
            reset();
        } else {
            text(x, yy++, fit(node.os(), width));
        }
        int listTop = yy;
        int listRows = y + rows - listTop;
        // Group lines (and resources of expanded groups), scrolled to keep the selection visible.
        // {"g", group index}, or for an expanded group {"r", "group:resource"} and its details {"d", ...}
        List<String[]> entries = new ArrayList<>();
        for (int gi = 0; gi < owned.size(); gi++) {
            Group gr = owned.get(gi);
            if (selectedColumn && ui.row == gi + 1) selectedLine[0] = entries.size();
            entries.add(new String[] {"g", Integer.toString(gi)});
            if (ui.expanded.contains(gr.name())) {
                for (int ri = 0; ri < gr.resources().size(); ri++) {
                    entries.add(new String[] {"r", gi + ":" + ri});
                    entries.add(new String[] {"d", gi + ":" + ri});
                }
            }
        }
        if (owned.isEmpty() && listRows > 0) text(x, listTop, fit("  (no groups)", width));
        int offset = Math.max(0, Math.min(selectedLine[0] - listRows + 1, entries.size() - listRows));
        if (selectedLine[0] < offset) offset = selectedLine[0];
        for (int i = 0; i < listRows && offset + i < entries.size(); i++) {
            String[] en = entries.get(offset + i);
            int ly = listTop + i;
            if (en[0].equals("g")) {
                int gi = Integer.parseInt(en[1]);
                Group gr = owned.get(gi);
                boolean sel = selectedColumn && ui.row == gi + 1;
                String moving = e.movingTo(gr.name()).map(to -> " -> " + Printable.clean(to)).orElse("");
                String sym = t.groupSymbol(gr.state());
                String label = gr.state().label() + moving;
                if (sel) g.enableModifiers(SGR.REVERSE);
                text(x, ly, pad((sel ? ">" : " ") + sym + " " + fit(Printable.clean(gr.name()), width - 6 - label.length()), width - label.length()));
                g.setForegroundColor(t.groupColor(gr.state()));
                text(x + width - label.length(), ly, label);
                reset();
            } else if (en[0].equals("d")) {
                String[] p = en[1].split(":");
                Resource r = owned.get(Integer.parseInt(p[0])).resources().get(Integer.parseInt(p[1]));
                String detail = "       owners " + String.join(",", r.possibleOwners())
                        + (r.dependsOn().isEmpty() ? "" : "; needs " + String.join(", ", r.dependsOn()));
                text(x, ly, fit(detail, width));
            } else {
                String[] p = en[1].split(":");
                Group gr = owned.get(Integer.parseInt(p[0]));
                Resource r = gr.resources().get(Integer.parseInt(p[1]));
                String type = r.isIis() ? node.config().iisResourceType() : r.type().label();
                String detail = "   " + t.resourceSymbol(r.state()) + " " + Printable.clean(r.name()) + " (" + type + ")";
                String st = r.state().label();
                text(x, ly, pad(fit(detail, width - st.length() - 1), width - st.length()));
                g.setForegroundColor(t.resourceColor(r.state()));
                text(x + width - st.length(), ly, st);
                reset();
            }
        }
        if (offset > 0) text(x + width - 1, listTop, "^");
        if (offset + listRows < entries.size()) text(x + width - 1, y + rows - 1, "v");
    }

    // ------------------------------------------------------------------ plan

    private void plan(int top, int rows) {
        var planOpt = ui.session.plan();
        if (planOpt.isEmpty()) {
            paneTitle(top, "Plan", ui.pane == Ui.Pane.PLAN);
            text(1, top + 1, fit("No target chosen. Press t to pick one (present: "
                    + Targets.present(ui.session.state()).label() + "); m shows the tables.", w - 2));
            return;
        }
        Plan p = planOpt.get();
        var path = p.target().path();
        String title = "Plan: " + path.from().label() + " -> " + path.to().label() + ", " + rehearse.text.PlanText.hops(path);
        paneTitle(top, title, ui.pane == Ui.Pane.PLAN);
        int y = top + 1;
        int end = top + rows;
        if (path.hops().isEmpty()) {
            text(1, y, "already at " + path.to().label() + ": nothing to do");
            return;
        }
        int hops = path.hops().size();
        int section = p.next().map(n -> n.step().hop()).orElse(hops);
        int hopIndex = Math.max(0, Math.min(section, hops - 1));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < hops; i++) {
            Hop hh = path.hops().get(i);
            if (i > 0) line.append("  ");
            line.append(i == section ? "*" : "").append(hh.from().label()).append(" -> ").append(hh.to().label())
                    .append(' ').append(hh.kind() == UpgradeKind.ROLLING ? "[rolling]" : "[STANDARD]");
        }
        text(1, y++, fit(line.toString(), w - 2));
        HopEstimate est = p.target().estimates().get(hopIndex);
        String estimate = "est. IIS outage of hop " + (hopIndex + 1) + ": " + Clock.duration(est.planned().wallClockMs())
                + est.alternative().map(a -> " (as a standard upgrade: " + Clock.duration(a.wallClockMs()) + ")").orElse("");
        g.setForegroundColor(t.accent());
        text(1, y++, fit(estimate, w - 2));
        reset();
        // The steps of the section under way: the pre-flight step with the first hop, the closing steps after the last.
        int shown = section < 0 ? 0 : section;
        List<Plan.Entry> steps = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int n = 0;
        for (Plan.Entry e : p.entries()) {
            int h = e.step().hop();
            if (h < 0 && shown == 0) {
                steps.add(e);
                labels.add(Steps.mark(e.status()) + " pre-flight checklist" + (e.status() == Status.DONE ? " acknowledged" : ""));
            } else if (h == shown) {
                steps.add(e);
                labels.add(Steps.mark(e.status()) + " " + (++n) + ". " + Steps.text(e.step().action()));
            }
        }
        int current = 0;
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).status() != Status.DONE) {
            current = i;
            break;
        }
        int room = end - y - (p.complete() ? 1 : 0);
        int first = Math.max(0, Math.min(current - 1, steps.size() - room));
        for (int i = first; i < steps.size() && y < end; i++) {
            Plan.Entry e = steps.get(i);
            boolean next = e.status() == Status.NEXT || e.status() == Status.FAILED || e.status() == Status.UNDER_WAY;
            if (next) g.enableModifiers(SGR.BOLD);
            if (e.status() == Status.FAILED) g.setForegroundColor(t.warning());
            text(1, y++, fit(labels.get(i), w - 2));
            reset();
        }
        if (p.complete() && y < end) text(1, y, "plan complete: every node is at " + path.to().label());
    }

    // ------------------------------------------------------------------ log and status

    private void log(int top, int rows) {
        int total = ui.log.size();
        paneTitle(top, "Log" + (ui.logScroll > 0 ? " (scrolled back " + ui.logScroll + "; j/k, PgUp/PgDn)" : ""),
                ui.pane == Ui.Pane.LOG);
        int lines = rows - 1;
        int endIndex = Math.max(0, total - ui.logScroll);
        int start = Math.max(0, endIndex - lines);
        for (int i = start; i < endIndex; i++) text(0, top + 1 + i - start, fit(ui.log.get(i), w));
    }

    private void status(int y) {
        State e = ui.session.state();
        StringBuilder s = new StringBuilder();
        s.append("clock ").append(Clock.format(e.clock()));
        s.append("  speed ").append(ui.speed() == 0 ? "instant" : ui.speed() + "x");
        if (ui.paused) s.append(" PAUSED");
        else if (ui.animating()) s.append(" playing");
        if (!e.formed()) s.append("  CLUSTER DOWN");
        s.append("  outage ").append(Clock.duration(e.outageMs()));
        for (String gname : e.iisGroups()) {
            s.append("  ").append(Printable.clean(gname)).append(' ').append(Clock.duration(e.downtimeMs(gname)));
        }
        s.append(String.format(java.util.Locale.ROOT, "  avail %.2f%%", 100 * e.availability()));
        g.enableModifiers(SGR.REVERSE);
        text(0, y, pad(fit(s.toString(), w), w));
        reset();
        String keys;
        if (!ui.message.isEmpty()) {
            keys = ui.message;
            if (ui.messageIsError) {
                g.setForegroundColor(t.warning());
                g.enableModifiers(SGR.BOLD);
            }
        } else if (ui.session.plan().isEmpty()) {
            keys = "t target  m matrix  Enter actions  f faults  : command  Tab panes  ? help  q quit";
        } else {
            keys = "n step  r run  p pause  +/- speed  t target  m matrix  f faults  : command  ? help  q quit";
        }
        text(0, y + 1, fit(keys, w));
        reset();
    }

    // ------------------------------------------------------------------ overlays

    private void help() {
        box("Keys", List.of(
                "?          this help                 Esc      close any overlay",
                "q          quit (asks while a rehearsal is under way; Ctrl-C too)",
                "Tab        next pane (nodes, plan, log)   Shift-Tab  previous",
                "arrows, h j k l   move: nodes left/right, groups up/down; log scroll",
                "Enter      actions of the selected node or group (move, online, ...)",
                "e          show or hide the selected group's resources",
                "t          target picker         m        the upgrade tables",
                "n, Space   run the next plan step, live   r   run the rest of the plan",
                "p          pause / resume playback        + -   playback speed",
                "f          fault menu: fail a node, an upgrade, a join, a resource",
                "x          export the rehearsal report (Markdown)",
                ":          command prompt (the language of scripts; 'help' lists it)",
                "Ctrl-L     redraw the screen",
                "",
                "States: [+] online  [~] pending  [/] partially online  [ ] offline  [X] failed"));
    }

    private void matrix() {
        UpgradeMatrix m = ui.session.state().matrix();
        Planner planner = new Planner(m);
        Configuration present = Targets.present(ui.session.state());
        List<Hop> path = ui.session.plan().map(p -> p.target().path().hops()).orElse(List.of());
        List<String> lines = new ArrayList<>();
        // Only what the screen can show is worked out: a site's table of hundreds of configurations
        // costs one search per row shown, not a path per cell.
        List<Configuration> all = m.configurations();
        List<Configuration> cols = all.subList(0, Math.max(1, Math.min(all.size(), (w - 21) / 10)));
        List<Configuration> rows = all.subList(0, Math.max(1, Math.min(all.size(), h - 9)));
        StringBuilder head = new StringBuilder(String.format(java.util.Locale.ROOT, "%-17s", "present \\ to"));
        for (Configuration c : cols) head.append(String.format(java.util.Locale.ROOT, "%-10s", fit(c.id(), 9)));
        if (cols.size() < all.size()) head.append("... ").append(all.size() - cols.size()).append(" more");
        lines.add(head.toString());
        for (Configuration from : rows) {
            StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "%-17s", (from.equals(present) ? "*" : " ") + fit(from.label(), 15)));
            java.util.Set<Configuration> reachable = planner.reachableSet(from);
            for (Configuration to : cols) {
                String cell;
                if (from.equals(to)) cell = "=";
                else {
                    Upgrade u = m.direct(from, to).orElse(null);
                    cell = u == null ? (reachable.contains(to) ? "+" : ".") : u.kind() == UpgradeKind.ROLLING ? "R" : "S";
                }
                boolean onPath = path.stream().anyMatch(hp -> hp.from().equals(from) && hp.to().equals(to));
                row.append(String.format(java.util.Locale.ROOT, "%-10s", onPath ? "<" + cell + ">" : " " + cell));
            }
            lines.add(row.toString());
        }
        if (rows.size() < all.size()) lines.add("... " + (all.size() - rows.size()) + " more configurations: 'rehearse matrix' prints them all");
        lines.add("");
        lines.add("R rolling  S standard  + several hops  . unsupported  = same");
        lines.add("* present configuration   <R> <S> the chosen path");
        box("Upgrade tables (present x upgraded)", lines);
    }

    private void menu() {
        List<String> lines = new ArrayList<>();
        for (Ui.MenuItem item : ui.menu) lines.add(item.label());
        int[] sel = {ui.menuIndex};
        boxWith(ui.menuTitle, lines, sel[0], ui.menu.stream().map(i -> !i.selectable()).toList());
    }

    private void prompt() {
        int y = h - 3;
        g.setForegroundColor(t.accent());
        text(0, y, pad(":" + fit(ui.prompt.toString(), w - 3) + "_", w));
        reset();
    }

    private void box(String title, List<String> lines) {
        boxWith(title, lines, -1, null);
    }

    private void boxWith(String title, List<String> lines, int selected, List<Boolean> dim) {
        int inner = Math.min(w - 4, Math.max(title.length() + 4, lines.stream().mapToInt(String::length).max().orElse(10)));
        int height = Math.min(h - 2, lines.size() + 2);
        int x = (w - inner - 2) / 2;
        int y = Math.max(1, (h - height) / 2);
        int room = height - 2;
        int first = selected < 0 ? 0 : Math.max(0, Math.min(selected - room + 1, lines.size() - room));
        String hl = String.valueOf(t.horizontal()).repeat(inner);
        String head = " " + fit(title, inner - 2) + " ";
        text(x, y, t.corner(0) + head + hl.substring(0, inner - head.length()) + t.corner(1));
        for (int i = 0; i < room; i++) {
            int idx = first + i;
            String line = idx < lines.size() ? lines.get(idx) : "";
            text(x, y + 1 + i, String.valueOf(t.vertical()));
            if (idx == selected) g.enableModifiers(SGR.REVERSE);
            if (dim != null && idx < dim.size() && dim.get(idx)) {
                g.enableModifiers(SGR.ITALIC); // not selectable: dimmed (grey where there is colour)
                if (t.color()) g.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
            }
            text(x + 1, y + 1 + i, pad(fit(line, inner), inner));
            reset();
            text(x + 1 + inner, y + 1 + i, String.valueOf(t.vertical()));
        }
        text(x, y + height - 1, t.corner(2) + hl + t.corner(3));
    }

    private void paneTitle(int y, String title, boolean focused) {
        String line = " " + title + " ";
        if (focused) g.enableModifiers(SGR.BOLD, SGR.UNDERLINE);
        g.setForegroundColor(t.accent());
        text(0, y, fit((focused ? ">" : String.valueOf(t.horizontal())) + line, w));
        reset();
        int x = line.length() + 1;
        if (x < w) text(x, y, String.valueOf(t.horizontal()).repeat(w - x));
    }

    // ------------------------------------------------------------------ text helpers

    /** Writes only printable text; in the ASCII theme only ASCII. */
    private void text(int x, int y, String s) {
        if (y < 0 || y >= h || x >= w) return;
        String safe = t.unicode() ? Printable.clean(s) : Printable.ascii(s);
        if (!t.unicode()) safe = safe.replace('\u2500', '-');
        g.putString(x, y, safe.length() > w - x ? safe.substring(0, w - x) : safe);
    }

    static String fit(String s, int width) {
        if (width <= 0) return "";
        if (s.length() <= width) return s;
        return width <= 3 ? s.substring(0, width) : s.substring(0, width - 3) + "...";
    }

    static String pad(String s, int width) {
        if (s.length() >= width) return s;
        return s + " ".repeat(width - s.length());
    }

}
