package rehearse.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.io.Printable;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.plan.PlanStep;

/** Plain-text views of a session for transcripts and the shell: status, plan, summary. */
public final class Report {
    private Report() {}

    public static String status(Session s) {
        Rehearsal e = s.engine();
        Cluster c = e.cluster();
        StringBuilder b = new StringBuilder();
        b.append("SIMULATION  cluster ").append(Printable.clean(c.name())).append("  clock ").append(Clock.format(e.now()));
        s.plan().ifPresent(p -> b.append("  ").append(p.position()));
        b.append('\n');
        for (Node n : c.nodes()) {
            b.append(String.format("  node %-12s %-8s %s%s%n", Printable.clean(n.name()), n.state().label(), n.config().label(),
                    e.isUpgrading(n.name()) ? " (upgrading)" : ""));
            for (Group g : c.groupsOwnedBy(n.name())) {
                b.append(String.format("    group %-24s %s%s%n", Printable.clean(g.name()), g.state().label(),
                        e.movingTo(g.name()).map(t -> " (moving to " + t + ")").orElse("")));
            }
        }
        b.append(downtime(e));
        return b.toString();
    }

    public static String downtime(Rehearsal e) {
        StringBuilder b = new StringBuilder();
        for (String g : e.downtime().groups()) {
            b.append(String.format("  downtime %-24s %s, %d interruption%s%n", Printable.clean(g),
                    Clock.duration(e.downtime().downtimeMs(g, e.now())), e.downtime().interruptions(g),
                    e.downtime().interruptions(g) == 1 ? "" : "s"));
        }
        b.append(String.format("  availability %.3f%%%n", 100 * e.downtime().availability(e.now())));
        return b.toString();
    }

    public static String plan(Session s) {
        PlanState p = s.plan().orElseThrow();
        StringBuilder b = new StringBuilder();
        b.append("target ").append(p.path().to().label()).append(" from ").append(p.path().from().label()).append(": ")
                .append(p.path().hops().size()).append(" hop(s), ").append(p.path().offlineHops()).append(" offline\n");
        for (int h = 0; h < p.path().hops().size(); h++) {
            var hop = p.path().hops().get(h);
            b.append(String.format("hop %d: %s -> %s (%s)%n", h + 1, hop.from().label(), hop.to().label(), hop.kind().word()));
            List<PlanStep> steps = p.steps(h);
            for (int i = 0; i < steps.size(); i++) {
                String mark = h < p.hop() || (h == p.hop() && i < p.step()) ? "[x]" : h == p.hop() && i == p.step() ? "[>]" : "[ ]";
                b.append(String.format("  %s %d. %s%n", mark, i + 1, steps.get(i).text()));
            }
            Estimate.HopEstimate x = p.estimates().get(h);
            b.append("  estimated downtime: ").append(x.rolling().map(r -> "rolling " + perGroup(r) + "; ").orElse(""))
                    .append("standard ").append(perGroup(x.standard())).append('\n');
        }
        return b.toString();
    }

    private static String perGroup(Map<String, Long> m) {
        StringBuilder b = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : m.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(Printable.clean(e.getKey())).append(' ').append(Clock.duration(e.getValue()));
            total += e.getValue();
        }
        return b.append(" (total ").append(Clock.duration(total)).append(')').toString();
    }

    /** After a plan step settled: the go/no-go check an operator makes before the next one. */
    public static Optional<String> checkStep(Rehearsal e, PlanStep step) {
        for (Command c : CommandParser.parseGenerated(step.commands())) {
            if (c instanceof Command.Upgrade u) {
                Node n = e.node(u.node()).orElseThrow();
                if (n.state() != NodeState.UP || !n.config().equals(e.matrix().find(u.config()))) {
                    return Optional.of(n.name() + " is " + n.state().label().toLowerCase() + " at " + n.config().label()
                            + ", not up at " + u.config());
                }
            } else if (c instanceof Command.MoveAll m) {
                List<Group> left = e.cluster().groupsOwnedBy(m.fromNode());
                if (!left.isEmpty()) return Optional.of(m.fromNode() + " still owns " + Rehearsal.names(left.stream().map(Group::name).toList()));
            } else if (c instanceof Command.Online o) {
                Optional<Resource> r = e.cluster().groupOfResource(o.name()).flatMap(g -> g.resource(o.name()));
                if (r.isPresent() && r.get().state() != rehearse.model.ResourceState.ONLINE) {
                    return Optional.of("'" + o.name() + "' is " + r.get().state().label().toLowerCase());
                }
            }
        }
        return Optional.empty();
    }

    /** The end-of-rehearsal summary: configuration per node, downtime per group, availability. */
    public static String summary(Rehearsal e) {
        StringBuilder b = new StringBuilder("summary at " + Clock.format(e.now()) + "\n");
        for (Node n : e.cluster().nodes()) {
            b.append(String.format("  node %-12s %-8s %s%n", Printable.clean(n.name()), n.state().label(), n.config().label()));
        }
        for (Group g : e.cluster().groups()) {
            b.append(String.format("  group %-24s %s on %s%n", Printable.clean(g.name()), g.state().label(), Printable.clean(g.owner())));
        }
        b.append(downtime(e));
        return b.toString();
    }
}
