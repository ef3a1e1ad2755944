package rehearse.text;

import java.util.List;
import java.util.Optional;
import rehearse.plan.Plan;
import rehearse.plan.Step;

/** Where a plan stands, in a few words: {@code hop 1/1 step 3/9}, {@code pre-flight}, {@code plan complete}, {@code no-go: not complete}. */
public final class Positions {
    private Positions() {}

    public static String of(Plan plan) {
        if (plan.complete()) return "plan complete";
        Optional<Plan.Entry> next = plan.next();
        if (next.isEmpty()) return plan.unfit().isPresent() ? "no-go: not complete" : "settling";
        Step step = next.get().step();
        int hops = plan.target().hops();
        if (step.hop() < 0) return "pre-flight";
        if (step.hop() >= hops) return "closing steps";
        List<Step> section = plan.entries().stream().map(Plan.Entry::step).filter(x -> x.hop() == step.hop()).toList();
        return "hop " + (step.hop() + 1) + "/" + hops + " step " + (section.indexOf(step) + 1) + "/" + section.size();
    }
}
