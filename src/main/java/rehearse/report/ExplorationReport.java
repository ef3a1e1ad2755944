package rehearse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rehearse.base.Printable;
import rehearse.explore.Exploration;
import rehearse.explore.RecoveryPolicy;
import rehearse.explore.Scenario;
import rehearse.plan.NoGo;
import rehearse.plan.Recovery;
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
        b.append(x.baseline().completes()
                ? "A SIMULATION made with rehearse: every fault the command language knows, injected at every point of the plan's"
                        + " run where its outcome can differ, each followed by the recovery policy below. Nothing was done to a real"
                        + " cluster.\n\n"
                : "A SIMULATION made with rehearse. The plan stops with no fault, so no fault was injected: what stops it is"
                        + " below. Nothing was done to a real cluster.\n\n");
        StringBuilder head = new StringBuilder();
        ExplorationText.header(head, x);
        b.append("```\n").append(head).append("```\n\n");
        if (!x.baseline().completes()) return b.toString();
        b.append("## Matrix\n\n```\n");
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
        // Each distinct need once, with the scenarios (by number) that come to it: what a person decides or does by hand.
        Map<String, List<Scenario>> needs = new LinkedHashMap<>();
        for (Scenario s : x.scenarios()) if (s.stuck()) needs.computeIfAbsent(need(s, x.policy()), k -> new ArrayList<>()).add(s);
        if (needs.isEmpty()) b.append("Nothing: after every fault, the policy's own recovery completes the plan.\n\n");
        for (Map.Entry<String, List<Scenario>> e : needs.entrySet()) {
            List<Scenario> alike = e.getValue();
            int points = alike.stream().mapToInt(Scenario::points).sum();
            List<String> numbers = new ArrayList<>();
            for (Scenario s : alike.subList(0, Math.min(5, alike.size()))) numbers.add("#" + ids.get(s));
            b.append("- ").append(md(e.getKey())).append(" (").append(alike.size()).append(alike.size() == 1 ? " scenario" : " scenarios")
                    .append(points == alike.size() ? "" : ", " + points + " points").append(": ").append(String.join(", ", numbers))
                    .append(alike.size() > 5 ? ", ..." : "").append(")\n");
        }
        if (!needs.isEmpty()) b.append('\n');
        b.append("## Recovery policy\n\n").append(md(PolicyText.procedure(x.policy()))).append("\n\n");
        for (String rule : PolicyText.rules(x.policy())) b.append("- ").append(md(rule)).append('\n');
        return b.toString();
    }

    /**
     * What a stuck scenario leaves to a person, in a line that scenarios alike share: rolling a hop back by
     * hand; a decision where the policy's retry did not clear the no-go (what still fails, without the
     * recovery already tried); a recovery the cluster refused by then; or a broken invariant (a bug).
     */
    static String need(Scenario s, RecoveryPolicy policy) {
        if (!s.invariantsHeld()) return "A bug in rehearse: " + s.invariantViolated().orElse("");
        if (s.stop().isEmpty()) return "The plan stopped";
        rehearse.sim.Refusal r = s.stop().get();
        if (!(r instanceof NoGo n)) return "The policy's recovery was refused, the cluster having changed under it: " + Refusals.of(r);
        String at = "at '" + rehearse.text.Steps.label(n.step().action()) + "'";
        if (s.ending() == Scenario.Ending.ROLL_BACK) {
            for (Recovery rec : n.recovery()) {
                if (rec instanceof Recovery.RollBack back) {
                    return "Roll the hop " + back.hop().from().label() + " -> " + back.hop().to().label() + " back, " + at + ": "
                            + rehearse.text.Problems.rollBack(back);
                }
            }
        }
        List<String> still = new ArrayList<>();
        for (rehearse.plan.Problem p : n.problems()) still.add(rehearse.text.Problems.of(p));
        List<String> human = new ArrayList<>();
        for (Recovery rec : n.recovery()) {
            if (policy.response(RecoveryPolicy.Kind.of(rec)) == RecoveryPolicy.Response.HUMAN
                    && !(rec instanceof Recovery.RollBack)) {
                human.add(rehearse.text.Problems.recovery(List.of(rec)).replaceFirst("^Recovery: ", ""));
            }
        }
        return "Decide " + at + (human.isEmpty() ? ", the policy's retry spent" : "") + ": " + String.join("; ", still)
                + (human.isEmpty() ? "" : "; " + String.join("; ", human));
    }

    private static String md(String s) {
        return Printable.clean(s).replace("|", "\\|").replace("`", "'");
    }
}
