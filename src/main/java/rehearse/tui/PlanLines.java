package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import rehearse.matrix.UpgradeKind;
import rehearse.plan.Hop;
import rehearse.plan.HopEstimate;
import rehearse.plan.Plan;
import rehearse.plan.Status;
import rehearse.plan.Targets;
import rehearse.text.Clock;
import rehearse.text.Refusals;
import rehearse.text.Steps;

/**
 * The plan pane's lines, every step of every hop with the mark of its status, the reason under
 * a failed step, and which line is the current one (the pane follows it).
 */
final class PlanLines {
    private PlanLines() {}

    enum Tone { PLAIN, HEADING, ESTIMATE, CURRENT, FAILED, COMPLETE }

    record Line(String text, Tone tone) {}

    record Lines(List<Line> lines, int current) {}

    static Lines of(Snapshot w, int width) {
        List<Line> out = new ArrayList<>();
        if (w.plan().isEmpty()) {
            out.add(new Line("No target chosen. Press t to pick one (present: " + Targets.present(w.state()).label()
                    + "); m shows the tables.", Tone.PLAIN));
            return new Lines(out, 0);
        }
        Plan p = w.plan().get();
        var path = p.target().path();
        if (path.hops().isEmpty()) {
            out.add(new Line("already at " + path.to().label() + ": nothing to do", Tone.PLAIN));
            return new Lines(out, 0);
        }
        int current = -1;
        boolean stoppedHere = false;
        int section = Integer.MIN_VALUE;
        int number = 0;
        for (Plan.Entry e : p.entries()) {
            int hop = e.step().hop();
            if (hop != section) {
                section = hop;
                number = 0;
                if (hop >= 0) heading(out, p, hop);
            }
            String label = hop < 0 ? "pre-flight checklist" + (e.status() == Status.DONE ? " acknowledged" : "")
                    : (++number) + ". " + Steps.text(e.step().action());
            boolean here = e.status() == Status.NEXT || e.status() == Status.UNDER_WAY || e.status() == Status.FAILED;
            // The step a no-go stopped is the one to show, even below a step that is next again (a node that failed
            // since undid an earlier step, which its recovery puts right).
            if (here && (current < 0 || (e.status() == Status.FAILED && !stoppedHere))) {
                current = out.size();
                stoppedHere = e.status() == Status.FAILED;
            }
            out.add(new Line("  " + Steps.mark(e.status()) + " " + label, e.status() == Status.FAILED ? Tone.FAILED
                    : here ? Tone.CURRENT : Tone.PLAIN));
            if (e.status() == Status.FAILED && w.noGo().isPresent()) reason(out, Refusals.noGo(w.noGo().get()), width);
        }
        if (p.complete()) {
            current = out.size();
            out.add(new Line("plan complete: every node is at " + path.to().label(), Tone.COMPLETE));
        } else if (p.unfit().isPresent()) {
            current = out.size();
            reason(out, Refusals.noGo(p.unfit().get()), width);
        } else if (current < 0 && w.noGo().isPresent()) {
            current = out.size();
            reason(out, Refusals.noGo(w.noGo().get()), width);
        }
        return new Lines(out, Math.max(0, current));
    }

    private static void heading(List<Line> out, Plan p, int hop) {
        int hops = p.target().path().hops().size();
        if (hop >= hops) {
            out.add(new Line("Closing steps", Tone.HEADING));
            return;
        }
        Hop h = p.target().path().hops().get(hop);
        out.add(new Line("Hop " + (hop + 1) + " of " + hops + ": " + h.from().label() + " -> " + h.to().label() + " "
                + (h.kind() == UpgradeKind.ROLLING ? "[rolling]" : "[STANDARD]"), Tone.HEADING));
        if (hop < p.target().estimates().size()) {
            HopEstimate est = p.target().estimates().get(hop);
            out.add(new Line("  est. IIS outage of hop " + (hop + 1) + ": " + Clock.duration(est.planned().wallClockMs())
                    + est.alternative().map(a -> " (as a standard upgrade: " + Clock.duration(a.wallClockMs()) + ")").orElse(""),
                    Tone.ESTIMATE));
        }
    }

    /** A no-go's words in full under its step, wrapped, then how to get the recovery actions. */
    private static void reason(List<Line> out, String words, int width) {
        for (String l : Cells.wrap("      ! " + words, Math.max(20, width))) out.add(new Line(l, Tone.FAILED));
        out.add(new Line("      Enter on the plan pane: the recovery actions", Tone.FAILED));
    }

    /** The first line shown: the operator's scroll, or following the current step (one line of context above it). */
    static int top(Model m) {
        Layout l = Layout.of(m.size());
        Lines lines = of(m.world(), m.size().columns() - 2);
        int max = Math.max(0, lines.lines().size() - l.planLines());
        // A failed step is followed from its own line, so the reason under it shows whole.
        boolean failed = lines.current() < lines.lines().size() && lines.lines().get(lines.current()).tone() == Tone.FAILED;
        int top = m.planTop() < 0 ? lines.current() - (failed ? 0 : 1) : m.planTop();
        return Math.max(0, Math.min(max, top));
    }
}
