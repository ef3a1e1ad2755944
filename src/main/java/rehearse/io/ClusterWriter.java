package rehearse.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;
import rehearse.model.Timings;

/** Writes a cluster in the cluster-file format; every string double-quoted, so any name survives. */
public final class ClusterWriter {
    private ClusterWriter() {}

    public static String write(Cluster c, List<String> comments) {
        StringBuilder b = new StringBuilder();
        for (String comment : comments) b.append("# ").append(comment.replace('\n', ' ')).append('\n');
        b.append("cluster: ").append(q(c.name())).append('\n');
        b.append("nodes:\n");
        for (Node n : c.nodes()) {
            b.append("  - name: ").append(q(n.name())).append('\n');
            b.append("    config: ").append(q(n.config().label())).append('\n');
            if (n.state() != NodeState.UP) b.append("    state: ").append(n.state().label().toLowerCase(Locale.ROOT)).append('\n');
        }
        b.append("groups:\n");
        for (Group g : c.groups()) {
            b.append("  - name: ").append(q(g.name())).append('\n');
            b.append("    owner: ").append(q(g.owner())).append('\n');
            if (!g.preferredOwners().isEmpty()) b.append("    preferredOwners: ").append(list(g.preferredOwners())).append('\n');
            b.append("    failback: ").append(g.failback()).append('\n');
            b.append("    resources:\n");
            for (Resource r : g.resources()) {
                b.append("      - {name: ").append(q(r.name())).append(", type: ").append(q(r.type().label()));
                if (!r.dependsOn().isEmpty()) b.append(", dependsOn: ").append(list(r.dependsOn()));
                if (!r.possibleOwners().equals(c.nodeNames())) b.append(", possibleOwners: ").append(list(r.possibleOwners()));
                if (r.state() != ResourceState.ONLINE) b.append(", state: ").append(r.state().label().toLowerCase(Locale.ROOT));
                for (Map.Entry<String, String> p : r.properties().entrySet()) {
                    b.append(", ").append(p.getKey()).append(": ").append(q(p.getValue()));
                }
                b.append("}\n");
            }
        }
        Timings d = Timings.defaults(), t = c.timings();
        StringBuilder timings = new StringBuilder();
        for (ResourceType type : ResourceType.values()) {
            if (t.online(type) != d.online(type) || t.offline(type) != d.offline(type)) {
                timings.append("  ").append(q(type.label())).append(": {online: ").append(seconds(t.online(type)))
                        .append(", offline: ").append(seconds(t.offline(type))).append("}\n");
            }
        }
        if (t.upgradeMs() != d.upgradeMs()) timings.append("  upgrade: ").append(seconds(t.upgradeMs())).append('\n');
        if (t.joinMs() != d.joinMs()) timings.append("  join: ").append(seconds(t.joinMs())).append('\n');
        if (timings.length() > 0) b.append("timings:\n").append(timings);
        return b.toString();
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    private static String list(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) b.append(i > 0 ? ", " : "").append(q(items.get(i)));
        return b.append(']').toString();
    }

    /** A YAML double-quoted scalar (JSON string syntax is a subset of it). */
    static String q(String s) {
        return Json.write(s);
    }
}
