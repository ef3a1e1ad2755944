package rehearse.tui;

import java.util.Optional;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.Step;
import rehearse.session.Session;
import rehearse.sim.State;

/**
 * The session as the UI last saw it: the cluster's state (a value), the plan with its
 * statuses, the last no-go, and whether leaving now needs a confirmation.
 */
public record Snapshot(State state, Optional<Plan> plan, Optional<NoGo> noGo, boolean underWay, Optional<Step> active) {
    public static Snapshot of(Session s) {
        return new Snapshot(s.state(), s.plan(), s.lastNoGo(), s.underWay(), s.activeStep());
    }

    public boolean complete() {
        return plan.map(Plan::complete).orElse(false);
    }
}
