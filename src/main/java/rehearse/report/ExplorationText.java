package rehearse.report;

import java.util.List;
import java.util.Locale;
import rehearse.base.Printable;
import rehearse.explore.Exploration;
import rehearse.explore.Fault;
import rehearse.explore.Scenario;
import rehearse.io.Text;
import rehearse.text.Clock;
import rehearse.text.PlanText;
import rehearse.text.Refusals;
import rehearse.text.Steps;

/** An exploration as plain text for 80 columns: the matrix of steps x faults, then the worst scenarios with their reasons. */
public final class ExplorationText {
    /** Faults per block of the matrix: a step's label and this many cells fit in 80 columns. */
    private static final int PER_BLOCK = 7;
    private static final int LABEL = 23;
    private static final int CELL = 8;

    private ExplorationText() {}

    public static String render(Exploration x) {
        StringBuilder b = new StringBuilder();
        header(b, x);
        if (!x.baseline().completes()) return b.toString();
        b.append('\n');
        matrix(b, x);
        b.append("\nWorst scenarios:\n");
        java.util.IdentityHashMap<Scenario, Integer> ids = ExplorationWords.ids(x);
        int n = 1;
        for (Scenario s : x.worst()) {
            wrap(b, String.format(Locale.ROOT, "%2d. #%d %s", n++, ids.get(s), ExplorationWords.injections(s)) + points(s), "    ");
            wrap(b, "    " + ExplorationWords.reason(s, x), "    ");
        }
        if (x.worst().isEmpty()) b.append("  none: no fault applies.\n");
        b.append("\nEach scenario's script replays it with 'rehearse run': see --json or --report.\n");
        return b.toString();
    }

    static void header(StringBuilder b, Exploration x) {
        Exploration.Baseline base = x.baseline();
        String cluster = Printable.clean(x.cluster());
        wrap(b, "SIMULATION: exploration of the plan to " + x.target().to().label() + " (" + PlanText.hops(x.target().path()) + ")"
                + (cluster.isEmpty() ? "" : " on " + cluster) + ".", "  ");
        int steps = base.steps().size();
        String at = base.completes() || steps == 0 ? "" : " at '" + Printable.clean(Steps.label(base.steps().get(steps - 1).action())) + "'";
        wrap(b, "Baseline, no fault: " + (base.completes() ? "the plan completes at " + Clock.format(base.clockMs()) + ", " + steps
                + (steps == 1 ? " step" : " steps") : "the plan stops at " + Clock.format(base.clockMs()) + at + ", before any fault")
                + ", IIS outage " + Clock.duration(base.outageMs()) + ".", "  ");
        if (base.stop().isPresent()) {
            wrap(b, "It stops: " + Refusals.of(base.stop().get()), "  ");
            wrap(b, "Nothing is explored: a fault on top of a plan that cannot run says nothing of the plan. Put right what stops it,"
                    + " then explore again.", "  ");
            return;
        }
        wrap(b, "Window: " + Clock.duration(x.windowMs()) + (x.windowGiven() ? " (--window)" : ", the baseline's outage (no --window: what the plan promises)")
                + "; the IIS outage of a scenario is judged against it"
                + (x.windowGiven() && base.outageMs() > x.windowMs() ? ". It is shorter than the plan's own outage with no fault ("
                        + Clock.duration(base.outageMs()) + "): every scenario is beyond it." : "."), "  ");
        wrap(b, "Outages assume each recovery of the policy is carried out the moment its no-go is met: the time a human takes"
                + " (to repair a failed node before it is restored) comes on top.", "  ");
        long stuck = x.scenarios().stream().filter(Scenario::stuck).count();
        long broken = x.scenarios().stream().filter(s -> !s.windowHeld()).count();
        int points = x.scenarios().stream().mapToInt(Scenario::points).sum();
        wrap(b, (x.doubleFaults() ? "Single faults and pairs" : "Single faults") + ": " + points + " points, " + x.scenarios().size()
                + " distinct outcomes; " + stuck + " stuck, " + broken + " beyond the window.", "  ");
    }

    static void matrix(StringBuilder b, Exploration x) {
        List<Fault> faults = x.faults();
        b.append("IIS outage by step and fault (the worst over the step's points; stuck: the plan\n"
                + "needs a human; -: the fault cannot act there). Steps are numbered as in\n"
                + "'rehearse plan' and the runbook; go/no-go checks take no time and have no row:\n");
        List<String> rows = new java.util.ArrayList<>();
        for (int k = 0; k < x.matrix().size(); k++) rows.add(ExplorationWords.row(x, k));
        // A label cut to fit its column is given whole once, before the grid.
        if (rows.stream().anyMatch(r -> Text.columns(r) > LABEL - 1)) {
            b.append("\nSteps:\n");
            for (String r : rows) wrap(b, "  " + r, "        ");
        }
        for (int from = 0; from < faults.size(); from += PER_BLOCK) {
            int to = Math.min(faults.size(), from + PER_BLOCK);
            b.append('\n');
            for (int f = from; f < to; f++) b.append(String.format(Locale.ROOT, "  F%-3d %s%n", f + 1, Printable.clean(faults.get(f).text())));
            StringBuilder head = new StringBuilder(pad("step", LABEL));
            for (int f = from; f < to; f++) head.append(lpad("F" + (f + 1), CELL));
            b.append(head).append('\n');
            for (int k = 0; k < x.matrix().size(); k++) {
                StringBuilder row = new StringBuilder(pad(ExplorationWords.row(x, k, LABEL - 1), LABEL));
                for (int f = from; f < to; f++) row.append(lpad(ExplorationWords.cell(x.matrix().get(k).get(f)), CELL));
                b.append(row.toString().stripTrailing()).append('\n');
            }
        }
    }

    private static String points(Scenario s) {
        return s.points() == 1 ? "" : " (" + s.points() + " points)";
    }

    /** Wrapped to 79 columns: the text's own leading spaces start every line, {@code indent} more after the first. */
    private static void wrap(StringBuilder b, String text, String indent) {
        String trimmed = text.stripLeading();
        String lead = text.substring(0, text.length() - trimmed.length());
        String more = indent.startsWith(lead) ? indent.substring(lead.length()) : indent;
        for (String line : Text.wrap(trimmed, 79 - lead.length(), more)) b.append(lead).append(line).append('\n');
    }

    /** Exactly {@code width} columns with a space at the end: a label too long loses its middle (see ExplorationWords.middleCut). */
    private static String pad(String s, int width) {
        s = ExplorationWords.middleCut(s, width - 1);
        return s + " ".repeat(Math.max(1, width - Text.columns(s)));
    }

    private static String lpad(String s, int width) {
        return " ".repeat(Math.max(1, width - Text.columns(s))) + s;
    }
}
