package rehearse.text;

import java.util.Locale;
import rehearse.base.Printable;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.session.Session;
import rehearse.sim.State;

/** Plain-text status of a rehearsal, for {@code status} and the end of a script: nodes, groups, downtime. */
public final class StatusText {
    private StatusText() {}

    public static String of(Session s) {
        State st = s.state();
        Cluster c = st.cluster();
        StringBuilder b = new StringBuilder();
        b.append("SIMULATION  cluster ").append(Printable.clean(c.name())).append("  clock ").append(Clock.format(st.clock()));
        s.plan().ifPresent(p -> b.append("  ").append(Positions.of(p)));
        if (!st.formed()) b.append("  CLUSTER DOWN");
        b.append('\n');
        for (Node n : c.nodes()) {
            b.append(String.format(Locale.ROOT, "  node %-12s %-8s %s%s%n", Printable.clean(n.name()), n.state().label(), n.config().label(),
                    nodeNote(st, n)));
            for (Group g : c.groupsOwnedBy(n.name())) {
                b.append(String.format(Locale.ROOT, "    group %-24s %s%s%n", Printable.clean(g.name()), g.state().label(),
                        st.movingTo(g.name()).map(t -> " (moving to " + t + ")").orElse("")));
            }
        }
        b.append(downtime(st));
        return b.toString();
    }

    private static String nodeNote(State st, Node n) {
        StringBuilder b = new StringBuilder();
        st.upgradingTo(n.name()).ifPresent(to -> b.append(" (upgrading to ").append(to.label()).append(", ")
                .append(Math.round(100 * st.upgradeProgress(n.name()).orElse(0))).append("%)"));
        if (st.paused(n.name()) && n.state() != rehearse.model.NodeState.PAUSED) b.append(" (paused: rejoins paused)");
        return b.toString();
    }

    /** Downtime per group holding IIS, the wall-clock outage, and availability. */
    public static String downtime(State st) {
        StringBuilder b = new StringBuilder();
        for (String g : st.iisGroups()) {
            int i = st.interruptions(g);
            b.append(String.format(Locale.ROOT, "  downtime %-24s %s, %d interruption%s%n", Printable.clean(g),
                    Clock.duration(st.downtimeMs(g)), i, i == 1 ? "" : "s"));
        }
        b.append("  IIS outage (wall clock) ").append(Clock.duration(st.outageMs())).append('\n');
        b.append(String.format(Locale.ROOT, "  availability %.3f%%%n", 100 * st.availability()));
        return b.toString();
    }

    /** The end-of-rehearsal summary: configuration per node, state per group, downtime, outage, availability. */
    public static String summary(State st) {
        StringBuilder b = new StringBuilder("summary at " + Clock.format(st.clock()) + "\n");
        for (Node n : st.cluster().nodes()) {
            b.append(String.format(Locale.ROOT, "  node %-12s %-8s %s%n", Printable.clean(n.name()), n.state().label(), n.config().label()));
        }
        for (Group g : st.cluster().groups()) {
            b.append(String.format(Locale.ROOT, "  group %-24s %s on %s%n", Printable.clean(g.name()), g.state().label(),
                    Printable.clean(g.owner())));
        }
        b.append(downtime(st));
        return b.toString();
    }
}
