package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rehearse.command.Command;
import rehearse.io.Printable;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.sim.Clock;
import rehearse.sim.Event;
import rehearse.sim.Rehearsal;
import rehearse.sim.Session;

/**
 * What an administrator attaches to a change request: the cluster, the target and path, every
 * command and refusal with its simulated time, the faults and what followed them, downtime per
 * group against the maintenance window, and the invariants the simulator checked.
 */
public final class RehearsalReport {
    private RehearsalReport() {}

    public static String markdown(Session s, long windowMs) {
        Rehearsal e = s.engine();
        StringBuilder b = new StringBuilder();
        b.append("# Rehearsal report: ").append(md(e.cluster().name())).append("\n\n");
        b.append("A SIMULATION made with rehearse; nothing was done to a real cluster.\n\n");
        b.append("## Cluster\n\n");
        for (Node n : e.cluster().nodes()) {
            b.append("- node ").append(md(n.name())).append(": ").append(n.state().label()).append(", ").append(n.config().label())
                    .append(" (").append(n.os()).append(")\n");
        }
        b.append("\n## Target and path\n\n");
        if (s.plan().isEmpty()) {
            b.append("No target was chosen.\n");
        } else {
            var p = s.plan().get();
            b.append("Target ").append(p.path().to().label()).append(" from ").append(p.path().from().label()).append(": ");
            b.append(String.join(", ", p.path().hops().stream()
                    .map(h -> h.from().label() + " -> " + h.to().label() + " (" + h.kind().word() + ")").toList()));
            b.append(". Reached: ").append(p.position()).append(".\n");
        }
        b.append("\n## Commands\n\n| time | command | outcome |\n|---|---|---|\n");
        List<Integer> faults = new ArrayList<>();
        int refusals = 0;
        List<Session.Result> history = s.history();
        for (int i = 0; i < history.size(); i++) {
            Session.Result r = history.get(i);
            String outcome = switch (r.outcome().kind()) {
                case REFUSED -> "REFUSED: " + r.outcome().message();
                case FAILED -> "expectation FAILED: " + r.outcome().message();
                case PASSED -> "expectation held";
                default -> r.outcome().message().isEmpty() ? "accepted" : r.outcome().message();
            };
            if (r.outcome().refused()) refusals++;
            b.append("| ").append(Clock.format(r.time())).append(" | `").append(md(r.command().text())).append("` | ")
                    .append(md(outcome)).append(" |\n");
            if (r.command() instanceof Command.FailNode || r.command() instanceof Command.FailUpgrade
                    || r.command() instanceof Command.FailJoin || r.command() instanceof Command.FailResource) {
                faults.add(i);
            }
        }
        b.append("\n").append(history.size()).append(" commands, ").append(refusals).append(" refused.\n");
        b.append("\n## Faults and how they were handled\n\n");
        if (faults.isEmpty()) b.append("No fault was injected.\n");
        for (int i : faults) {
            b.append("- `").append(md(history.get(i).command().text())).append("`, then:\n");
            for (int j = i; j < history.size() && j <= i + 3; j++) {
                for (Event ev : history.get(j).events()) {
                    String d = ev.describe();
                    if (ev instanceof Event.Notice || ev instanceof Event.OwnerChanged || ev instanceof Event.NodeChanged
                            || d.contains("Failed")) {
                        b.append("  - ").append(Clock.format(ev.time())).append(" ").append(md(d)).append('\n');
                    }
                }
                if (j > i) b.append("  - operator: `").append(md(history.get(j).command().text())).append("`\n");
            }
        }
        b.append("\n## Downtime against the maintenance window (").append(Clock.duration(windowMs)).append(")\n\n");
        b.append("| group | downtime | interruptions | within the window |\n|---|---|---|---|\n");
        for (String g : e.downtime().groups()) {
            long d = e.downtime().downtimeMs(g, e.now());
            b.append("| ").append(md(g)).append(" | ").append(Clock.duration(d)).append(" | ").append(e.downtime().interruptions(g))
                    .append(" | ").append(d <= windowMs ? "yes" : "**NO**").append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nAvailability of the IIS groups: %.3f%% over %s of simulated time.%n",
                100 * e.downtime().availability(e.now()), Clock.duration(e.now())));
        b.append("Whole rehearsal took ").append(Clock.duration(e.now())).append(e.now() <= windowMs ? ", within" : ", beyond")
                .append(" the window.\n");
        b.append("\n## Final state\n\n");
        for (Group g : e.cluster().groups()) {
            b.append("- group ").append(md(g.name())).append(": ").append(g.state().label()).append(" on ").append(md(g.owner())).append('\n');
        }
        b.append("\n## Invariants\n\n");
        b.append("Checked after each of the ").append(e.eventCount()).append(" events, and all held: every group is owned by one node;"
                + " no resource is online on a node that is down or not a possible owner; a resource is online only when its"
                + " dependencies are; the simulated clock never went back.\n");
        return b.toString();
    }

    private static String md(String s) {
        return Printable.clean(s).replace("|", "\\|").replace("`", "'");
    }
}
