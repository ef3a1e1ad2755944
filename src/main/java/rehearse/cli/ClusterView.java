package rehearse.cli;

import java.util.List;
import rehearse.base.Printable;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;

/** A cluster as plain text: nodes, then each node's groups and resources. */
public final class ClusterView {
    private ClusterView() {}

    public static String render(Cluster c) {
        StringBuilder b = new StringBuilder();
        b.append("Cluster ").append(Printable.clean(c.name())).append(" (SIMULATION)\n");
        for (Node n : c.nodes()) {
            b.append(String.format(java.util.Locale.ROOT, "%nNode %s: %s, %s, %s%n", Printable.clean(n.name()), n.state().label(), n.config().label(), n.os()));
            List<Group> owned = c.groupsOwnedBy(n.name());
            if (owned.isEmpty()) b.append("  (no groups)\n");
            for (Group g : owned) {
                b.append(String.format(java.util.Locale.ROOT, "  %-24s %s%n", Printable.clean(g.name()), g.state().label()));
                for (Resource r : g.resources()) {
                    String type = r.isIis() ? n.config().iisResourceType() : r.type().label();
                    b.append(String.format(java.util.Locale.ROOT, "    %-22s %-20s %s%n", Printable.clean(r.name()), type, r.state().label()));
                }
            }
        }
        return b.toString();
    }

}
