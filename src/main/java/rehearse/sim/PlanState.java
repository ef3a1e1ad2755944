package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import rehearse.plan.Hop;
import rehearse.plan.HopSteps;
import rehearse.plan.PlanStep;
import rehearse.plan.UpgradePath;

/** The chosen target's path, the steps of every hop, and how far the rehearsal has got. */
public final class PlanState {
    private final UpgradePath path;
    private final List<List<PlanStep>> steps = new ArrayList<>();
    private final List<Estimate.HopEstimate> estimates;
    private int hop;
    private int step;

    PlanState(UpgradePath path, List<String> nodes, List<String> iisResources, List<Estimate.HopEstimate> estimates) {
        this.path = path;
        this.estimates = List.copyOf(estimates);
        for (Hop h : path.hops()) steps.add(HopSteps.of(h, nodes, iisResources));
    }

    public UpgradePath path() {
        return path;
    }

    /** Downtime per hop, estimated when the target was chosen. */
    public List<Estimate.HopEstimate> estimates() {
        return estimates;
    }

    public List<PlanStep> steps(int hopIndex) {
        return steps.get(hopIndex);
    }

    /** Index of the hop under way (== hop count when done). */
    public int hop() {
        return hop;
    }

    /** Index of the next step within the current hop. */
    public int step() {
        return step;
    }

    public boolean done() {
        return hop >= steps.size();
    }

    public PlanStep next() {
        return done() ? null : steps.get(hop).get(step);
    }

    void advance() {
        step++;
        if (step >= steps.get(hop).size()) {
            hop++;
            step = 0;
        }
    }

    /** "hop 1/1 step 2/4", or "done". */
    public String position() {
        if (done()) return "plan done";
        return "hop " + (hop + 1) + "/" + steps.size() + " step " + (step + 1) + "/" + steps.get(hop).size();
    }
}
