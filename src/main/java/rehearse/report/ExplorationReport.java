package rehearse.report;

import java.util.LinkedHashSet;
import java.util.Set;
import rehearse.base.Printable;
import rehearse.explore.Exploration;
import rehearse.explore.Scenario;
import rehearse.text.Refusals;

/**
 * The report of an exploration for the change board: the matrix, the worst cases with the
 * scripts that replay them, what the recovery needs from a human, and the policy followed.
 */
public final class ExplorationReport {
    private ExplorationReport() {}

    public static String markdown(Exploration x) {
        StringBuilder b = new StringBuilder();
        b.append("# Exploration report: ").append(md(x.cluster())).append(", ").append(x.target().path().from().label()).append(" -> ")
                .append(x.target().to().label()).append("\n\n");
        b.append("A SIMULATION made with rehearse: every fault the command language knows, injected at every point of the plan's"
                + " run where its outcome can differ, each followed by the recovery policy below. Nothing was done to a real"
                + " cluster.\n\n");
        StringBuilder head = new StringBuilder();
        ExplorationText.header(head, x);
        b.append("```\n").append(head).append("```\n\n## Matrix\n\n```\n");
        StringBuilder matrix = new StringBuilder();
        ExplorationText.matrix(matrix, x);
        b.append(matrix).append("```\n\n## Worst cases\n\n");
        java.util.IdentityHashMap<Scenario, Integer> ids = ExplorationWords.ids(x);
        int n = 1;
        for (Scenario s : x.worst()) {
            b.append(n++).append(". **#").append(ids.get(s)).append("** ").append(md(ExplorationWords.injections(s)))
                    .append(s.points() > 1 ? " (" + s.points() + " points)" : "").append("\n\n   ").append(md(ExplorationWords.reason(s, x)))
                    .append("\n\n   Replay it with `rehearse run SCRIPT`:\n\n   ```\n");
            for (String line : s.script()) b.append("   ").append(Printable.clean(line)).append('\n');
            b.append("   ```\n\n");
        }
        if (x.worst().isEmpty()) b.append("None: no fault applies.\n\n");
        b.append("## What the recovery needs from a human\n\n");
        Set<String> needs = new LinkedHashSet<>();
        for (Scenario s : x.scenarios()) {
            if (!s.stuck()) continue;
            String what = s.stop().map(Refusals::of).orElse("the plan stopped");
            needs.add((s.ending() == Scenario.Ending.ROLL_BACK ? "Roll the hop back: " : "") + what);
        }
        if (needs.isEmpty()) b.append("Nothing: after every fault, the policy's own recovery completes the plan.\n\n");
        for (String need : needs) b.append("- ").append(md(need)).append('\n');
        if (!needs.isEmpty()) b.append('\n');
        b.append("## Recovery policy\n\n").append(md(PolicyText.procedure(x.policy()))).append("\n\n");
        for (String rule : PolicyText.rules(x.policy())) b.append("- ").append(md(rule)).append('\n');
        return b.toString();
    }

    private static String md(String s) {
        return Printable.clean(s).replace("|", "\\|").replace("`", "'");
    }
}
