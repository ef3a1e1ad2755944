package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;

/** The steps around the hops: the pre-flight checklist first; the restore of failback and of group placement last. */
public final class RunActions {
    private RunActions() {}

    /** The pre-flight checklist: an operator's acknowledgement, which no command of the plan can give. */
    public record Preflight() implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof Preflight;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        public boolean done(Facts f) {
            return f.state.preflightAcknowledged();
        }

        public List<Problem> missing(Facts f) {
            return List.of(new Problem.PreflightPending());
        }

        public List<Problem> blockers(Facts f) {
            return done(f) ? List.of() : missing(f);
        }

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

        public boolean done(Facts f) {
            return wrong(f).isEmpty();
        }

        private List<Group> wrong(Facts f) {
            List<Group> out = new ArrayList<>();
            for (Group g : f.cluster.groups()) if (g.failback() != f.state.failbackBefore(g.name())) out.add(g);
            return out;
        }

        public List<Problem> missing(Facts f) {
            return List.of(new Problem.FailbackNotRestored(Facts.groupNames(wrong(f))));
        }

        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Group g : wrong(f)) out.add(Commands.failback(g.name(), f.state.failbackBefore(g.name())));
            return out;
        }
    }

    /** Every group back on its first preferred owner that is up and can own it. */
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

        private static String home(Facts f, Group g) {
            for (String p : g.preferredOwners()) {
                Node n = f.cluster.node(p).orElse(null);
                if (n != null && n.state() == NodeState.UP && g.resources().stream()
                        .allMatch(r -> f.state.removed(r.name()) || r.possibleOwners().contains(n.name()))) {
                    return n.name();
                }
            }
            return null;
        }

        public List<Problem> missing(Facts f) {
            return List.of(new Problem.GroupsNotWithPreferredOwner(Facts.groupNames(away(f))));
        }

        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Group g : away(f)) out.add(Commands.move(g.name(), home(f, g)));
            return out;
        }

        public boolean underWay(Facts f) {
            for (Group g : f.cluster.groups()) if (f.moving(g)) return true;
            return false;
        }
    }
}
