package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;

/** The steps around the hops: the pre-flight checklist first; the restore of failback and of group placement last. */
public final class RunActions {
    private RunActions() {}

    /**
     * The pre-flight checklist: an operator's acknowledgement, which no command of the plan can give.
     * {@code servicePackAfterIis}: a hop installs IIS over a Windows NT 4.0 service pack (IIS 3.0 to
     * 4.0, from the Option Pack), so the checklist asks for the service pack to be re-applied after it.
     */
    public record Preflight(boolean servicePackAfterIis) implements Action {
        @Override
        public boolean done(Facts f) {
            return f.state.preflightAcknowledged();
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.PreflightPending());
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return done(f) ? List.of() : missing(f);
        }

        @Override
        public List<Command> commands(Facts f) {
            return List.of();
        }
    }

    /** Failback back on where the pre-flight checklist turned it off for the run. */
    public record RestoreFailback() implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof RestoreFailback;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public boolean done(Facts f) {
            return wrong(f).isEmpty();
        }

        private List<Group> wrong(Facts f) {
            List<Group> out = new ArrayList<>();
            for (Group g : f.cluster.groups()) if (g.failback() != f.state.failbackBefore(g.name())) out.add(g);
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.FailbackNotRestored(Facts.groupNames(wrong(f))));
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Group g : wrong(f)) out.add(Commands.failback(g.name(), f.state.failbackBefore(g.name())));
            return out;
        }
    }

    /** Every group back on its first preferred owner that is in the cluster and can own it. */
    public record ReturnToPreferredOwners() implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof ReturnToPreferredOwners;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public boolean done(Facts f) {
            return away(f).isEmpty();
        }

        /** Groups not on their first preferred owner that could take them. */
        private List<Group> away(Facts f) {
            List<Group> out = new ArrayList<>();
            for (Group g : f.cluster.groups()) {
                String home = home(f, g);
                if (home != null && !home.equals(g.owner())) out.add(g);
            }
            return out;
        }

        /**
         * The first preferred owner in the cluster that can own the group. A paused one is still its
         * home: the group waits for it to be resumed rather than going further down the list.
         */
        private static String home(Facts f, Group g) {
            for (String p : g.preferredOwners()) {
                Node n = f.cluster.node(p).orElse(null);
                if (n != null && f.member(n.name()) && g.resources().stream()
                        .allMatch(r -> f.state.removed(r.name()) || r.possibleOwners().contains(n.name()))) {
                    return n.name();
                }
            }
            return null;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.GroupsNotWithPreferredOwner(Facts.groupNames(away(f))));
        }

        /** A group's home that is paused must be resumed first. */
        @Override
        public List<Problem> blockers(Facts f) {
            List<Problem> out = new ArrayList<>();
            for (Group g : away(f)) {
                Problem p = new Problem.NodeNotResumed(home(f, g), NodeState.PAUSED);
                if (f.node(home(f, g)).state() == NodeState.PAUSED && !out.contains(p)) out.add(p);
            }
            return out;
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Group g : away(f)) out.add(Commands.move(g.name(), home(f, g)));
            return out;
        }

        @Override
        public boolean underWay(Facts f) {
            for (Group g : f.cluster.groups()) if (f.moving(g)) return true;
            return false;
        }
    }
}
