package rehearse.tui;

import com.googlecode.lanterna.SGR;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.sim.State;

/** The nodes side by side, each with its state, configuration, progress and groups (resources of expanded ones). */
final class NodesPane {
    static final int MIN_NODE_WIDTH = 26;

    private NodesPane() {}

    /** One line of a node's list: a group, or one of its resources, or that resource's details. */
    private record Entry(Group group, Resource resource, boolean details) {}

    static void draw(Canvas c, Model m, Layout l) {
        Cluster cl = m.world().state().cluster();
        int n = cl.nodes().size();
        int column = m.selection().column();
        int visible = Math.max(1, Math.min(n, c.w / MIN_NODE_WIDTH));
        int first = Math.max(0, Math.min(column - visible + 1, n - visible));
        if (column < first) first = column;
        int colWidth = c.w / visible;
        Frame.title(c, l.nodesTop(), "Nodes", n > visible ? (first + 1) + "-" + (first + visible) + " of " + n + " (h/l scroll)" : "",
                m.pane() == Model.Pane.NODES);
        for (int i = 0; i < visible; i++) {
            int x = i * colWidth;
            int width = (i == visible - 1 ? c.w - x : colWidth) - 1;
            node(c, m, first + i, x, l.nodesTop() + 1, width, l.nodesRows() - 1);
            if (i > 0) for (int y = l.nodesTop() + 1; y < l.nodesTop() + l.nodesRows(); y++) c.g.setCharacter(x - 1, y, c.t.vertical());
        }
    }

    private static void node(Canvas c, Model m, int index, int x, int y, int width, int rows) {
        State st = m.world().state();
        Node node = st.cluster().nodes().get(index);
        boolean selectedColumn = m.pane() == Model.Pane.NODES && m.selection().column() == index;
        String state = node.state().label().toUpperCase(Locale.ROOT);
        int yy = y;
        if (selectedColumn && m.selection().group() == null) c.style(SGR.REVERSE);
        c.style(SGR.BOLD);
        c.padded(x, yy, node.name(), width - state.length());
        c.color(c.t.nodeColor(node.state()));
        c.text(x + width - state.length(), yy, state, state.length());
        c.reset();
        yy++;
        c.text(x, yy++, node.config().label() + (st.upgradingTo(node.name()).isPresent() ? " (upgrading)" : "")
                + (st.paused(node.name()) && node.state() != NodeState.PAUSED ? " (paused)" : ""), width);
        OptionalDouble progress = st.upgradeProgress(node.name());
        if (progress.isPresent()) {
            int barWidth = Math.max(4, width - 6);
            int filled = (int) Math.round(progress.getAsDouble() * barWidth);
            c.color(c.t.accent());
            c.repeat(x, yy, c.t.bar(), filled);
            c.repeat(x + filled, yy, c.t.barEmpty(), barWidth - filled);
            c.text(x + barWidth, yy++, String.format(Locale.ROOT, " %3d%%", (int) Math.round(progress.getAsDouble() * 100)), 5);
            c.reset();
        } else {
            c.text(x, yy++, node.os(), width);
        }
        list(c, m, node, x, yy, width, y + rows - yy, selectedColumn);
    }

    /** The groups, scrolled to keep the selection in view; the last column holds the scroll marks, never text. */
    private static void list(Canvas c, Model m, Node node, int x, int top, int width, int rows, boolean selectedColumn) {
        State st = m.world().state();
        List<Group> owned = st.cluster().groupsOwnedBy(node.name());
        List<Entry> entries = new ArrayList<>();
        int selectedLine = 0;
        for (Group g : owned) {
            if (selectedColumn && g.name().equals(m.selection().group())) selectedLine = entries.size();
            entries.add(new Entry(g, null, false));
            if (m.expanded().contains(g.name())) {
                for (Resource r : g.resources()) {
                    entries.add(new Entry(g, r, false));
                    entries.add(new Entry(g, r, true));
                }
            }
        }
        if (owned.isEmpty() && rows > 0) c.text(x, top, "  (no groups)", width);
        int offset = Math.max(0, Math.min(selectedLine - rows + 1, entries.size() - rows));
        if (selectedLine < offset) offset = selectedLine;
        int inner = width - 1;
        for (int i = 0; i < rows && offset + i < entries.size(); i++) {
            Entry e = entries.get(offset + i);
            int ly = top + i;
            if (e.resource() == null) {
                Group g = e.group();
                boolean sel = selectedColumn && g.name().equals(m.selection().group());
                String label = g.state().label() + st.movingTo(g.name()).map(to -> " -> " + to).orElse("");
                int lw = Math.min(Cells.width(Cells.safe(label, c.t.unicode())), inner / 2);
                if (sel) c.style(SGR.REVERSE);
                c.padded(x, ly, (sel ? ">" : " ") + c.t.groupSymbol(g.state()) + " " + g.name(), inner - lw);
                c.color(c.t.groupColor(g.state()));
                c.padded(x + inner - lw, ly, label, lw);
                c.reset();
            } else if (e.details()) {
                Resource r = e.resource();
                c.text(x, ly, "       owners " + String.join(",", r.possibleOwners())
                        + (r.dependsOn().isEmpty() ? "" : "; needs " + String.join(", ", r.dependsOn())), inner);
            } else {
                Resource r = e.resource();
                String type = r.isIis() ? node.config().iisResourceType() : r.type().label();
                String rs = r.state().label();
                c.padded(x, ly, "   " + c.t.resourceSymbol(r.state()) + " " + r.name() + " (" + type + ")", inner - rs.length());
                c.color(c.t.resourceColor(r.state()));
                c.text(x + inner - rs.length(), ly, rs, rs.length());
                c.reset();
            }
        }
        if (offset > 0) c.text(x + width - 1, top, "^", 1);
        if (offset + rows < entries.size()) c.text(x + width - 1, top + rows - 1, "v", 1);
    }
}
