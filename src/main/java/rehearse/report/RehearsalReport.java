package rehearse.report;

import java.util.Locale;
import java.util.Optional;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.plan.Plan;
import rehearse.session.Session;
import rehearse.sim.State;
import rehearse.text.Clock;
import rehearse.text.PlanText;
import rehearse.text.Positions;

/**
 * What an administrator attaches to a change request, in Markdown: the verdict, the cluster, the
 * target and plan, a timeline (a Mermaid gantt chart), the runbook steps the rehearsal exercised,
 * every command and refusal with its simulated time, the branches a rewind made ({@link BranchReport}),
 * each fault with its own consequences and how
 * the rehearsal recovered, downtime per group and the wall-clock outage against the maintenance
 * window, the final state and the invariants checked. {@link ReportHtml} lays out the same sections.
 * Each section is one method, in the order the report shows them.
 */
public final class RehearsalReport {
    private RehearsalReport() {}

    public static String markdown(Session s, long windowMs) {
        Rehearsal r = Rehearsal.of(s, windowMs);
        StringBuilder b = new StringBuilder();
        b.append("# Rehearsal report: ").append(Markdown.cell(s.state().cluster().name())).append("\n\n");
        b.append("A SIMULATION made with rehearse; nothing was done to a real cluster.\n\n");
        verdict(b, r);
        cluster(b, s.state());
        plan(b, s);
        timeline(b, r);
        runbook(b, r);
        commands(b, r);
        b.append(BranchReport.markdown(s));
        faults(b, r);
        downtime(b, s.state(), windowMs);
        finalState(b, s.state());
        b.append("\n## Invariants\n\n").append(r.invariants()).append('\n');
        return b.toString();
    }

    /** Text from input for a code span in a table cell (what BranchReport writes with). */
    static String md(String s) {
        return Markdown.codeInCell(s);
    }

    private static void verdict(StringBuilder b, Rehearsal r) {
        b.append("## Verdict\n\n**").append(Markdown.cell(r.verdict().summary())).append(".**\n");
    }

    private static void cluster(StringBuilder b, State e) {
        b.append("\n## Cluster\n\n");
        for (Node n : e.cluster().nodes()) {
            b.append("- node ").append(Markdown.cell(n.name())).append(": ").append(n.state().label()).append(", ").append(n.config().label())
                    .append(" (").append(n.os()).append(")\n");
        }
    }

    private static void plan(StringBuilder b, Session s) {
        b.append("\n## Target and plan\n\n");
        Optional<Plan> plan = s.plan();
        if (plan.isEmpty()) {
            b.append("No target was chosen.\n");
        } else {
            b.append("Where it stands: ").append(Positions.of(plan.get())).append(".\n\n```\n");
            b.append(Markdown.block(PlanText.render(plan.get(), s.lastNoGo(), PlanText.Style.CLUSTER))).append("```\n");
        }
    }

    private static void timeline(StringBuilder b, Rehearsal r) {
        b.append("\n## Timeline\n\n");
        b.append("Simulated time from the start of the rehearsal (00:00). Per group holding IIS, when it was online and when down"
                + " (pending counts as down); per node, its upgrades and when it was down, paused or joining.\n\n");
        b.append(Gantt.of(r.session().state().cluster().name() + " rehearsal", r.timeline()));
    }

    private static void runbook(StringBuilder b, Rehearsal r) {
        b.append("\n## Runbook commands the rehearsal exercised\n\n");
        var steps = r.runbookSteps();
        if (steps.isEmpty()) {
            b.append("No runbook: no target was chosen, or the rehearsal began off its path.\n");
            return;
        }
        b.append("| section | step | commands | in the rehearsal |\n|---|---|---|---|\n");
        for (Rehearsal.ExercisedStep st : steps) {
            b.append("| ").append(Markdown.cell(st.section())).append(" | ").append(Markdown.cell(st.text())).append(" | ")
                    .append(String.join("<br>", st.commands().stream().map(c -> "`" + Markdown.codeInCell(c) + "`").toList()))
                    .append(" | ").append(st.status()).append(" |\n");
        }
    }

    private static void commands(StringBuilder b, Rehearsal r) {
        b.append("\n## Commands\n\n| time | command | outcome |\n|---|---|---|\n");
        int refusals = 0;
        for (Rehearsal.CommandRow row : r.commands()) {
            if (row.refused()) refusals++;
            b.append("| ").append(row.time()).append(" | `").append(Markdown.codeInCell(row.command())).append("` | ")
                    .append(Markdown.cell(row.outcome())).append(" |\n");
        }
        b.append("\n").append(r.commands().size()).append(" commands, ").append(refusals).append(" refused.\n");
    }

    private static void faults(StringBuilder b, Rehearsal r) {
        b.append("\n## Faults and how they were handled\n\n");
        if (r.faultWords().isEmpty()) b.append(r.noFault()).append('\n');
        for (Rehearsal.FaultWords f : r.faultWords()) {
            b.append("- `").append(Markdown.code(f.command())).append("`: ").append(Markdown.cell(f.landed())).append("; ").append(Markdown.cell(f.recovery()))
                    .append("; ").append(f.outage()).append(".\n");
            for (String c : f.consequences()) b.append("  - ").append(Markdown.cell(c)).append('\n');
            for (String o : f.operator()) b.append("  - operator: `").append(Markdown.code(o)).append("`\n");
        }
    }

    private static void downtime(StringBuilder b, State e, long windowMs) {
        b.append("\n## Downtime against the maintenance window (").append(Clock.duration(windowMs)).append(")\n\n");
        b.append("| group | downtime | interruptions | within the window |\n|---|---|---|---|\n");
        for (String g : e.iisGroups()) {
            long d = e.downtimeMs(g);
            b.append("| ").append(Markdown.cell(g)).append(" | ").append(Clock.duration(d)).append(" | ").append(e.interruptions(g))
                    .append(" | ").append(d <= windowMs ? "yes" : "**NO**").append(" |\n");
        }
        long outage = e.outageMs();
        b.append("\nService outage (wall-clock time during which at least one group holding IIS was down): ")
                .append(Clock.duration(outage)).append(outage <= windowMs ? ", within" : ", **beyond**").append(" the window.\n");
        b.append(String.format(Locale.ROOT, "Availability of the IIS groups: %.3f%% over %s of simulated time.%n",
                100 * e.availability(), Clock.duration(e.clock())));
    }

    private static void finalState(StringBuilder b, State e) {
        b.append("\n## Final state\n\n");
        for (Group g : e.cluster().groups()) {
            b.append("- group ").append(Markdown.cell(g.name())).append(": ").append(g.state().label()).append(" on ")
                    .append(Markdown.cell(g.owner())).append('\n');
        }
    }
}
