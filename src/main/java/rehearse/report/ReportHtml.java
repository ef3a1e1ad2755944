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
 * The rehearsal report as one self-contained HTML file: no script, no stylesheet, font or image
 * from elsewhere, the timeline an inline SVG picture; the sections of {@link RehearsalReport},
 * with the verdict and the maintenance window first; printable on A4 ({@code @page}, print rules
 * that keep tables and the picture whole). Each section is one method, in the order shown.
 */
public final class ReportHtml {
    private static final String STYLE = """
            @page { size: A4; margin: 15mm; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #000; background: #fff;
                   max-width: 190mm; margin: 1em auto; padding: 0 1em; }
            h1 { font-size: 18pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
            .simulation { color: #b71c1c; font-weight: bold; }
            .passed { border: 2px solid #2e7d32; padding: .5em; } .failed { border: 2px solid #c62828; padding: .5em; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 2px 4px;
                   text-align: left; vertical-align: top; }
            code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
            pre { white-space: pre-wrap; background: #f5f5f5; padding: .5em; }
            .no { color: #c62828; font-weight: bold; }
            svg.timeline text { font-family: Arial, sans-serif; font-size: 11px; } svg.timeline text.in { fill: #fff; font-size: 10px; }
            svg.timeline text.tick { font-size: 10px; }
            @media print { h2 { break-after: avoid; } tr, svg, pre, li { break-inside: avoid; } body { margin: 0; max-width: none; } }
            """;

    private ReportHtml() {}

    public static String of(Session s, long windowMs) {
        Rehearsal r = Rehearsal.of(s, windowMs);
        String name = Html.text(s.state().cluster().name());
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Rehearsal report: ").append(name)
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<h1>Rehearsal report: ").append(name).append("</h1>\n");
        b.append("<p class=\"simulation\">A SIMULATION made with rehearse; nothing was done to a real cluster.</p>\n");
        verdict(b, r);
        cluster(b, s.state());
        plan(b, s);
        timeline(b, r);
        runbook(b, r);
        commands(b, r);
        b.append(BranchReport.html(s));
        faults(b, r);
        downtime(b, s.state(), windowMs);
        finalState(b, s.state());
        b.append("<h2>Invariants</h2>\n<p>").append(Html.text(r.invariants())).append("</p>\n");
        return b.append("</body>\n</html>\n").toString();
    }

    private static void verdict(StringBuilder b, Rehearsal r) {
        b.append("<h2>Verdict</h2>\n<p class=\"").append(r.verdict().passed() ? "passed" : "failed").append("\"><strong>")
                .append(Html.text(r.verdict().summary())).append(".</strong></p>\n");
        b.append("<p>Maintenance window: ").append(Clock.duration(r.windowMs())).append("; service outage (wall clock): ")
                .append(Clock.duration(r.session().state().outageMs())).append(".</p>\n");
    }

    private static void cluster(StringBuilder b, State e) {
        b.append("<h2>Cluster</h2>\n<ul>\n");
        for (Node n : e.cluster().nodes()) {
            b.append("<li>node ").append(Html.text(n.name())).append(": ").append(Html.text(n.state().label())).append(", ")
                    .append(Html.text(n.config().label())).append(" (").append(Html.text(n.os())).append(")</li>\n");
        }
        b.append("</ul>\n");
    }

    private static void plan(StringBuilder b, Session s) {
        b.append("<h2>Target and plan</h2>\n");
        Optional<Plan> plan = s.plan();
        if (plan.isEmpty()) {
            b.append("<p>No target was chosen.</p>\n");
            return;
        }
        b.append("<p>Where it stands: ").append(Html.text(Positions.of(plan.get()))).append(".</p>\n<pre>")
                .append(Html.text(PlanText.render(plan.get(), s.lastNoGo(), PlanText.Style.CLUSTER))).append("</pre>\n");
    }

    private static void timeline(StringBuilder b, Rehearsal r) {
        b.append("<h2>Timeline</h2>\n<p>Simulated time from the start of the rehearsal. Per group holding IIS, when it was online and"
                + " when down (pending counts as down); per node, when it was up, paused, upgrading, joining or down.</p>\n");
        b.append(TimelineSvg.of(r.timeline()));
    }

    private static void runbook(StringBuilder b, Rehearsal r) {
        b.append("<h2>Runbook commands the rehearsal exercised</h2>\n");
        var steps = r.runbookSteps();
        if (steps.isEmpty()) {
            b.append("<p>No runbook: no target was chosen, or the rehearsal began off its path.</p>\n");
            return;
        }
        b.append("<table>\n<tr><th>section</th><th>step</th><th>commands</th><th>in the rehearsal</th></tr>\n");
        for (Rehearsal.ExercisedStep st : steps) {
            b.append("<tr><td>").append(Html.text(st.section())).append("</td><td>").append(Html.text(st.text())).append("</td><td>");
            for (String c : st.commands()) b.append("<code>").append(Html.text(c)).append("</code><br>");
            b.append("</td><td>").append(Html.text(st.status())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void commands(StringBuilder b, Rehearsal r) {
        b.append("<h2>Commands</h2>\n<table>\n<tr><th>time</th><th>command</th><th>outcome</th></tr>\n");
        for (Rehearsal.CommandRow row : r.commands()) {
            b.append("<tr><td>").append(row.time()).append("</td><td><code>").append(Html.text(row.command())).append("</code></td><td")
                    .append(row.refused() ? " class=\"no\"" : "").append(">").append(Html.text(row.outcome())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void faults(StringBuilder b, Rehearsal r) {
        b.append("<h2>Faults and how they were handled</h2>\n");
        if (r.faultWords().isEmpty()) {
            b.append("<p>").append(Html.text(r.noFault())).append("</p>\n");
            return;
        }
        b.append("<ul>\n");
        for (Rehearsal.FaultWords f : r.faultWords()) {
            b.append("<li><code>").append(Html.text(f.command())).append("</code>: ").append(Html.text(f.landed())).append("; ")
                    .append(Html.text(f.recovery())).append("; ").append(Html.text(f.outage())).append(".\n<ul>\n");
            for (String c : f.consequences()) b.append("<li>").append(Html.text(c)).append("</li>\n");
            for (String o : f.operator()) b.append("<li>operator: <code>").append(Html.text(o)).append("</code></li>\n");
            b.append("</ul></li>\n");
        }
        b.append("</ul>\n");
    }

    private static void downtime(StringBuilder b, State e, long windowMs) {
        b.append("<h2>Downtime against the maintenance window (").append(Clock.duration(windowMs)).append(")</h2>\n");
        b.append("<table>\n<tr><th>group</th><th>downtime</th><th>interruptions</th><th>within the window</th></tr>\n");
        for (String g : e.iisGroups()) {
            long d = e.downtimeMs(g);
            b.append("<tr><td>").append(Html.text(g)).append("</td><td>").append(Clock.duration(d)).append("</td><td>")
                    .append(e.interruptions(g)).append("</td><td>").append(d <= windowMs ? "yes" : "<span class=\"no\">NO</span>")
                    .append("</td></tr>\n");
        }
        long outage = e.outageMs();
        b.append("</table>\n<p>Service outage (wall-clock time during which at least one group holding IIS was down): ")
                .append(Clock.duration(outage)).append(outage <= windowMs ? ", within" : ", <span class=\"no\">beyond</span>")
                .append(" the window. ").append(String.format(Locale.ROOT, "Availability of the IIS groups: %.3f%% over %s of simulated time.",
                        100 * e.availability(), Clock.duration(e.clock()))).append("</p>\n");
    }

    private static void finalState(StringBuilder b, State e) {
        b.append("<h2>Final state</h2>\n<ul>\n");
        for (Group g : e.cluster().groups()) {
            b.append("<li>group ").append(Html.text(g.name())).append(": ").append(Html.text(g.state().label())).append(" on ")
                    .append(Html.text(g.owner())).append("</li>\n");
        }
        b.append("</ul>\n");
    }
}
