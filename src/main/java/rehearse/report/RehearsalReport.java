package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.base.Printable;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.ResourceState;
import rehearse.plan.Plan;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Event;
import rehearse.sim.State;
import rehearse.text.Clock;
import rehearse.text.Events;
import rehearse.text.Outcomes;
import rehearse.text.PlanText;
import rehearse.text.Positions;

/**
 * What an administrator attaches to a change request: the cluster, the target and path, every
 * command and refusal with its simulated time, the faults and what followed them, downtime per
 * group and the wall-clock outage against the maintenance window, and the invariants checked.
 */
public final class RehearsalReport {
    private RehearsalReport() {}

    public static String markdown(Session s, long windowMs) {
        State e = s.state();
        StringBuilder b = new StringBuilder();
        b.append("# Rehearsal report: ").append(md(e.cluster().name())).append("\n\n");
        b.append("A SIMULATION made with rehearse; nothing was done to a real cluster.\n\n");
        b.append("## Cluster\n\n");
        for (Node n : e.cluster().nodes()) {
            b.append("- node ").append(md(n.name())).append(": ").append(n.state().label()).append(", ").append(n.config().label())
                    .append(" (").append(n.os()).append(")\n");
        }
        b.append("\n## Target and plan\n\n");
        Optional<Plan> plan = s.plan();
        if (plan.isEmpty()) {
            b.append("No target was chosen.\n");
        } else {
            b.append("Where it stands: ").append(Positions.of(plan.get())).append(".\n\n```\n");
            b.append(PlanText.render(plan.get(), s.lastNoGo(), PlanText.Style.CLUSTER)).append("```\n");
        }
        b.append("\n## Commands\n\n| time | command | outcome |\n|---|---|---|\n");
        List<Integer> faults = new ArrayList<>();
        int refusals = 0;
        List<Session.Result> history = s.history();
        for (int i = 0; i < history.size(); i++) {
            Session.Result r = history.get(i);
            String words = Outcomes.of(r.outcome());
            // A no-go says what stopped and why in its own words ("no-go at ..."); said once, not "REFUSED: no-go ... refused".
            String outcome = r.outcome() instanceof Outcome.Refused rf && rf.refusal() instanceof rehearse.plan.NoGo ? words
                    : r.outcome() instanceof Outcome.Refused ? "REFUSED: " + words
                    : r.outcome() instanceof Outcome.Failed ? "expectation FAILED: " + words
                    : r.outcome() instanceof Outcome.Passed ? "expectation held" : words.isEmpty() ? "accepted" : words;
            if (r.outcome().refused()) refusals++;
            b.append("| ").append(Clock.format(r.time())).append(" | `").append(md(r.command().text())).append("` | ")
                    .append(md(outcome)).append(" |\n");
            if (r.command() instanceof Command.FailNode || r.command() instanceof Command.FailUpgrade
                    || r.command() instanceof Command.FailJoin || r.command() instanceof Command.FailResource) {
                faults.add(i);
            }
        }
        b.append("\n").append(history.size()).append(" commands, ").append(refusals).append(" refused.\n");
        b.append(BranchReport.markdown(s));
        b.append("\n## Faults and how they were handled\n\n");
        if (faults.isEmpty()) b.append("No fault was injected.\n");
        for (int i : faults) {
            b.append("- `").append(md(history.get(i).command().text())).append("`, then:\n");
            for (int j = i; j < history.size() && j <= i + 3; j++) {
                for (Event ev : history.get(j).events()) {
                    boolean notable = !(ev instanceof Event.ResourceChanged rc) || rc.to() == ResourceState.FAILED;
                    if (notable) b.append("  - ").append(Clock.format(ev.time())).append(" ").append(md(Events.of(ev))).append('\n');
                }
                if (j > i) b.append("  - operator: `").append(md(history.get(j).command().text())).append("`\n");
            }
        }
        b.append("\n## Downtime against the maintenance window (").append(Clock.duration(windowMs)).append(")\n\n");
        b.append("| group | downtime | interruptions | within the window |\n|---|---|---|---|\n");
        for (String g : e.iisGroups()) {
            long d = e.downtimeMs(g);
            b.append("| ").append(md(g)).append(" | ").append(Clock.duration(d)).append(" | ").append(e.interruptions(g))
                    .append(" | ").append(d <= windowMs ? "yes" : "**NO**").append(" |\n");
        }
        long outage = e.outageMs();
        b.append("\nService outage (wall-clock time during which at least one group holding IIS was down): ")
                .append(Clock.duration(outage)).append(outage <= windowMs ? ", within" : ", **beyond**").append(" the window.\n");
        b.append(String.format(Locale.ROOT, "Availability of the IIS groups: %.3f%% over %s of simulated time.%n",
                100 * e.availability(), Clock.duration(e.clock())));
        b.append("\n## Final state\n\n");
        for (Group g : e.cluster().groups()) {
            b.append("- group ").append(md(g.name())).append(": ").append(g.state().label()).append(" on ").append(md(g.owner())).append('\n');
        }
        b.append("\n## Invariants\n\n");
        b.append("Checked after each of the ").append(e.eventCount()).append(" events, and all held: every group is owned by one node;"
                + " no resource is online on a node that is down or not a possible owner; a resource is online only when its"
                + " dependencies are; during a standard upgrade IIS runs only on nodes at the old configuration; the simulated"
                + " clock never went back.\n");
        return b.toString();
    }

    static String md(String s) {
        return Printable.clean(s).replace("|", "\\|").replace("`", "'");
    }
}
