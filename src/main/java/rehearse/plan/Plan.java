package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.model.Node;
import rehearse.sim.State;

/**
 * A target's steps with where each stands, derived from the cluster's state whenever it is
 * asked for: steps whose postcondition holds are done (and skipped), whatever did them. Hops
 * are taken in order: the steps of a hop the cluster has gone past are done, those of a hop not
 * yet begun are to do. One step is next (or under way, or failed in its place).
 */
public record Plan(Target target, List<Entry> entries, boolean complete, Optional<NoGo> unfit) {

    public record Entry(Step step, Status status) {}

    /**
     * What the session knows beyond the cluster's state: the step it started last, the step of its
     * last no-go, and the furthest hop a step of the plan was started in. Once the next hop has
     * begun, the hop before it stays done even when the next hop undoes what it left (pausing a
     * node that hop resumed); a cluster loaded from a file has no marks, and its hops are judged
     * by the state alone.
     */
    public record Marks(Step active, Step failed, int reached) {
        public static final Marks NONE = new Marks(null, null, -1);

        /** The marks after starting {@code step}. */
        public Marks started(Step step) {
            return new Marks(step, failed, Math.max(reached, step.hop()));
        }

        boolean isFailed(Step step) {
            return failed != null && failed.equals(step);
        }
    }

    public Plan {
        entries = List.copyOf(entries);
    }

    public static Plan of(State s, Target t, Marks marks) {
        Facts[] facts = new Facts[t.hops() + 2];
        java.util.function.IntFunction<Facts> at = h -> {
            if (facts[h + 1] == null) facts[h + 1] = new Facts(s, t, h);
            return facts[h + 1];
        };
        List<Step> steps = t.steps(s);
        // The step started last, with the cluster still carrying it out, is under way even where its
        // postcondition already holds (groups moved but still coming online, as a rewind can leave them).
        Step settling = marks.active() != null && s.busy() ? marks.active() : null;
        int current = currentSection(s, t, steps, marks.reached(), settling, at);
        List<Entry> out = new ArrayList<>();
        boolean placed = false; // the one place for next (or under way, or failed) given out
        for (Step step : steps) {
            Status status;
            if (step.hop() == -1) {
                boolean done = step.action().done(at.apply(-1));
                status = done ? Status.DONE : marks.isFailed(step) ? Status.FAILED : Status.NEXT;
                placed |= !done;
            } else if (step.hop() < current) {
                status = Status.DONE;
            } else if (step.hop() > current) {
                status = Status.TODO;
            } else {
                Facts f = at.apply(step.hop());
                boolean carriedOut = settling != null && settling.equals(step);
                if (!carriedOut && step.action().done(f)) {
                    status = Status.DONE;
                } else if (marks.isFailed(step) && (carriedOut || step.action().underWay(f))) {
                    // The plan stopped at a no-go here, whatever the cluster is still carrying out of the step.
                    status = Status.FAILED;
                    placed = true;
                } else if (carriedOut || step.action().underWay(f)) {
                    status = Status.UNDER_WAY;
                    placed = true;
                } else if (!placed) {
                    status = marks.isFailed(step) ? Status.FAILED : Status.NEXT;
                    placed = true;
                } else {
                    status = Status.TODO;
                }
            }
            out.add(new Entry(step, status));
        }
        // Every step done is not enough: the cluster must also be whole (a node that failed since is not "complete").
        boolean stepsDone = current == t.hops() + 1 && s.preflightAcknowledged();
        Optional<NoGo> unfit = Optional.empty();
        if (stepsDone && !s.busy()) {
            Facts f = at.apply(t.hops());
            List<Problem> problems = new ArrayList<>(f.guard());
            for (Node n : f.cluster.nodes()) {
                if (n.state() == rehearse.model.NodeState.PAUSED) problems.add(new Problem.NodeNotResumed(n.name(), n.state()));
            }
            // The IIS that was online when the target was chosen is online again, whoever took it offline since.
            for (rehearse.model.Group g : f.iisGroups()) {
                List<String> off = f.iisNotBackOnline(g);
                Problem p = new Problem.ResourcesNotOnline(g.name(), g.owner(), off);
                if (!off.isEmpty() && f.member(g.owner()) && !problems.contains(p)) problems.add(p);
            }
            Step last = steps.get(steps.size() - 1);
            if (!problems.isEmpty()) unfit = Optional.of(new NoGo(last, NoGo.Cause.GUARD, problems, Runner.recovery(f, last, problems)));
        }
        return new Plan(t, out, stepsDone && !s.busy() && unfit.isEmpty(), unfit);
    }

    /**
     * The section under way: the first hop not gone past (a hop is gone past when a node has
     * begun the next one, or when all its steps are done), then the closing steps; one more
     * than the hops when those are done too.
     */
    static int currentSection(State s, Target t, List<Step> steps, int reached, Step settling, java.util.function.IntFunction<Facts> at) {
        Facts any = at.apply(-1);
        for (Node n : any.cluster.nodes()) {
            if (any.position(n.config()) < 0) return -2;
        }
        for (int h = Math.max(0, reached); h < t.hops(); h++) {
            if (h + 1 < t.hops() && any.anyBeyond(h + 1)) continue;
            if (!allDone(at.apply(h), Target.section(steps, h), settling)) return h;
        }
        Facts end = at.apply(t.hops());
        return allDone(end, Target.section(steps, t.hops()), settling) ? t.hops() + 1 : Math.max(t.hops(), reached);
    }

    private static boolean allDone(Facts f, List<Step> steps, Step settling) {
        for (Step st : steps) if ((settling != null && st.equals(settling)) || !st.action().done(f)) return false;
        return true;
    }

    /** The step {@code step} and {@code run} take next (possibly one under way or failed). */
    public Optional<Entry> next() {
        for (Entry e : entries) if (e.status() == Status.NEXT || e.status() == Status.FAILED || e.status() == Status.UNDER_WAY) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /** Every node is on the chosen path; otherwise the target must be chosen again. */
    public static Optional<PlanRefusal.OffPath> offPath(State s, Target t) {
        Facts f = new Facts(s, t, 0);
        for (Node n : f.cluster.nodes()) if (f.position(n.config()) < 0) return Optional.of(new PlanRefusal.OffPath(n.name(), n.config()));
        return Optional.empty();
    }
}
