package rehearse.report;

import java.util.List;
import rehearse.session.Session;
import rehearse.text.Clock;
import rehearse.text.Positions;
import rehearse.text.Steps;

/**
 * The report's account of rewinds: each branch the rehearsal tried, where it left the one before
 * and how it ended (where the plan stood, the no-go it stopped at, the IIS outage by then). Empty
 * for a rehearsal that never went back.
 */
final class BranchReport {
    private BranchReport() {}

    /** How a format writes text from input: as a code span, and as plain text. */
    private record Format(java.util.function.UnaryOperator<String> code, java.util.function.UnaryOperator<String> text) {}

    private static final Format MARKDOWN = new Format(t -> '`' + RehearsalReport.md(t) + '`', RehearsalReport::md);
    private static final Format HTML = new Format(t -> "<code>" + Html.text(t) + "</code>", Html::text);

    /** One branch as the report shows it: its number (marked when current), where it began, how it ended. */
    private record Row(String branch, String began, String ended) {}

    private static String intro(int branches, Format f) {
        return "The rehearsal went back " + (branches - 1) + (branches == 2 ? " time" : " times")
                + " with " + f.code().apply("rewind") + ", each time going on from there as a new branch. The commands are every branch's, in the order"
                + " they were typed; the plan, downtime and final state are the current branch's.";
    }

    private static List<Row> rows(Session s, Format f) {
        List<Row> out = new java.util.ArrayList<>();
        for (Session.Branch br : s.branches()) {
            boolean current = br.end().by().isEmpty();
            out.add(new Row(br.number() + (current ? " (current)" : ""), began(br, f), ended(br.end(), f)));
        }
        return out;
    }

    static String markdown(Session s) {
        List<Session.Branch> branches = s.branches();
        if (branches.size() < 2) return "";
        StringBuilder b = new StringBuilder("\n## Branches\n\n").append(intro(branches.size(), MARKDOWN)).append("\n\n");
        b.append("| branch | began | ended |\n|---|---|---|\n");
        for (Row r : rows(s, MARKDOWN)) b.append("| ").append(r.branch()).append(" | ").append(r.began()).append(" | ").append(r.ended()).append(" |\n");
        return b.toString();
    }

    static String html(Session s) {
        List<Session.Branch> branches = s.branches();
        if (branches.size() < 2) return "";
        StringBuilder b = new StringBuilder("<h2>Branches</h2>\n<p>").append(intro(branches.size(), HTML)).append("</p>\n");
        b.append("<table>\n<tr><th>branch</th><th>began</th><th>ended</th></tr>\n");
        for (Row r : rows(s, HTML)) b.append("<tr><td>").append(r.branch()).append("</td><td>").append(r.began()).append("</td><td>").append(r.ended()).append("</td></tr>\n");
        return b.append("</table>\n").toString();
    }

    private static String began(Session.Branch br, Format f) {
        if (br.left() == 0) return "at the start, " + Clock.format(br.startMs());
        StringBuilder b = new StringBuilder("from branch ").append(br.left()).append(" at ").append(Clock.format(br.leftAtMs()))
                .append(", back to ").append(Clock.format(br.startMs())).append(" (");
        if (br.undone() > 0 || br.cut().isEmpty()) b.append(br.undone()).append(br.undone() == 1 ? " command" : " commands").append(" undone");
        if (br.undone() > 0 && br.cut().isPresent()) b.append("; ");
        br.cut().ifPresent(c -> b.append(f.code().apply(c.text())).append(" stopped part-way"));
        return b.append(')').toString();
    }

    private static String ended(Session.End e, Format f) {
        StringBuilder b = new StringBuilder();
        if (e.by().isPresent()) b.append("left at ").append(Clock.format(e.clockMs())).append(" by ").append(f.code().apply(e.by().get().text()))
                .append(": ");
        else b.append("stands at ").append(Clock.format(e.clockMs())).append(": ");
        b.append(f.text().apply(e.plan().map(Positions::of).orElse("no target chosen")));
        e.noGo().ifPresent(n -> b.append(", no-go at '").append(f.text().apply(Steps.label(n.step().action()))).append('\''));
        return b.append("; IIS outage ").append(Clock.duration(e.outageMs())).toString();
    }
}
