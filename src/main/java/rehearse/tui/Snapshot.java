package rehearse.tui;

import java.util.List;
import java.util.Optional;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.Step;
import rehearse.session.Session;
import rehearse.session.Timeline;
import rehearse.sim.State;

/**
 * The session as the UI last saw it: the cluster's state (a value), the plan with its
 * statuses, the last no-go, whether leaving now needs a confirmation, the timeline while it is shown,
 * the moments a rewind can go back to (for completion), and the start of the step before now
 * (-1: none began before now), where the rewind key goes.
 */
public record Snapshot(State state, Optional<Plan> plan, Optional<NoGo> noGo, boolean underWay, Optional<Step> active,
        Optional<Timeline> timeline, List<String> rewindTimes, long previousStepStart) {
    public Snapshot {
        rewindTimes = List.copyOf(rewindTimes);
    }

    public static Snapshot of(Session s) {
        return of(s, false);
    }

    /** With the timeline folded from every event so far only when it is shown (it costs a pass over them). */
    public static Snapshot of(Session s, boolean timeline) {
        return new Snapshot(s.state(), s.plan(), s.lastNoGo(), s.underWay(), s.activeStep(),
                timeline ? Optional.of(Timeline.of(s)) : Optional.empty(), s.rewindTimes(), s.previousStepStart().orElse(-1));
    }

    public boolean complete() {
        return plan.map(Plan::complete).orElse(false);
    }
}
