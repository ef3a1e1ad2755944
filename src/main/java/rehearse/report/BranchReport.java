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

    static String markdown(Session s) {
        List<Session.Branch> branches = s.branches();
        if (branches.size() < 2) return "";
        StringBuilder b = new StringBuilder("\n## Branches\n\n");
        b.append("The rehearsal went back ").append(branches.size() - 1).append(branches.size() == 2 ? " time" : " times")
                .append(" with `rewind`, each time going on from there as a new branch. The commands above are every branch's, in the order"
                        + " they were typed; the plan, downtime and final state are the current branch's.\n\n");
        b.append("| branch | began | ended |\n|---|---|---|\n");
        for (Session.Branch br : branches) {
            boolean current = br.end().by().isEmpty();
            b.append("| ").append(br.number()).append(current ? " (current)" : "").append(" | ").append(began(br)).append(" | ")
                    .append(ended(br.end())).append(" |\n");
        }
        return b.toString();
    }

    private static String began(Session.Branch br) {
        if (br.left() == 0) return "at the start, " + Clock.format(br.startMs());
        StringBuilder b = new StringBuilder("from branch ").append(br.left()).append(" at ").append(Clock.format(br.leftAtMs()))
                .append(", back to ").append(Clock.format(br.startMs())).append(" (");
        if (br.undone() > 0 || br.cut().isEmpty()) b.append(br.undone()).append(br.undone() == 1 ? " command" : " commands").append(" undone");
        if (br.undone() > 0 && br.cut().isPresent()) b.append("; ");
        br.cut().ifPresent(c -> b.append('`').append(RehearsalReport.md(c.text())).append("` stopped part-way"));
        return b.append(')').toString();
    }

    private static String ended(Session.End e) {
        StringBuilder b = new StringBuilder();
        if (e.by().isPresent()) b.append("left at ").append(Clock.format(e.clockMs())).append(" by `").append(RehearsalReport.md(e.by().get().text()))
                .append("`: ");
        else b.append("stands at ").append(Clock.format(e.clockMs())).append(": ");
        b.append(e.plan().map(Positions::of).orElse("no target chosen"));
        e.noGo().ifPresent(n -> b.append(", no-go at '").append(RehearsalReport.md(Steps.label(n.step().action()))).append('\''));
        return b.append("; IIS outage ").append(Clock.duration(e.outageMs())).toString();
    }
}
