package rehearse.tui;

import java.util.Optional;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.Step;
import rehearse.session.Session;
import rehearse.session.Timeline;
import rehearse.sim.State;

/**
 * The session as the UI last saw it: the cluster's state (a value), the plan with its
 * statuses, the last no-go, whether leaving now needs a confirmation, and the timeline while it is shown.
 */
public record Snapshot(State state, Optional<Plan> plan, Optional<NoGo> noGo, boolean underWay, Optional<Step> active,
        Optional<Timeline> timeline) {
    public static Snapshot of(Session s) {
        return of(s, false);
    }

    /** With the timeline folded from every event so far only when it is shown (it costs a pass over them). */
    public static Snapshot of(Session s, boolean timeline) {
        return new Snapshot(s.state(), s.plan(), s.lastNoGo(), s.underWay(), s.activeStep(),
                timeline ? Optional.of(Timeline.of(s)) : Optional.empty());
    }

    public boolean complete() {
        return plan.map(Plan::complete).orElse(false);
    }
}
