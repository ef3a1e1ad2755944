package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.model.Group;
import rehearse.model.Resource;
import rehearse.model.ResourceState;

/**
 * The steps of a standard hop that deal with IIS, after the source page: "IIS resources must be
 * removed, taken offline, or the list of possible owners must be changed so that the resource
 * can be brought online on only the supported node".
 */
public final class IisActions {
    private IisActions() {}

    /** Past the point where IIS had to be kept safe: the last old node's upgrade has begun (restrict), or all are done. */
    private static boolean pastLast(Facts f, String last) {
        return last != null ? f.started(last) : f.allBeyond();
    }

    /** Move every group holding IIS to the node IIS will be restricted to. */
    public record MoveIisGroups(String onto) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof MoveIisGroups x && Objects.equals(onto, x.onto);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(onto);
        }

        @Override
        public boolean done(Facts f) {
            return away(f).isEmpty() || f.iisOffline() || f.started(onto);
        }

        private List<Group> away(Facts f) {
            List<Group> out = new ArrayList<>();
            for (Group g : f.iisGroups()) if (!g.owner().equals(onto) || f.moving(g)) out.add(g);
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.GroupsNotOn(onto, Facts.groupNames(away(f))));
        }

        @Override
        public List<Problem> blockers(Facts f) {
            if (!f.member(onto)) return List.of(f.notInCluster(onto));
            List<Group> moving = new ArrayList<>();
            for (Group g : away(f)) if (!g.owner().equals(onto)) moving.add(g);
            return f.cannotMove(moving, onto);
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Group g : away(f)) if (!g.owner().equals(onto) && !f.moving(g)) out.add(Commands.move(g.name(), onto));
            return out;
        }

        @Override
        public boolean underWay(Facts f) {
            for (Group g : f.iisGroups()) if (f.moving(g)) return true;
            return false;
        }
    }

    /** Make the node where IIS runs its only possible owner, so IIS can come online nowhere else. */
    public record RestrictIis(String node) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof RestrictIis x && Objects.equals(node, x.node);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(node);
        }

        @Override
        public boolean done(Facts f) {
            return wide(f).isEmpty() || f.iisOffline() || f.started(node);
        }

        private List<Resource> wide(Facts f) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : f.iis()) if (!f.removed(r) && !r.possibleOwners().equals(List.of(node))) out.add(r);
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.OwnersNotRestricted(node, Facts.resourceNames(wide(f))));
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Resource r : wide(f)) out.add(Commands.owners(r.name(), List.of(node)));
            return out;
        }
    }

    /** Take every IIS resource offline (until {@code until}'s upgrade has begun, or until every node is upgraded). */
    public record TakeIisOffline(String until) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof TakeIisOffline x && Objects.equals(until, x.until);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(until);
        }

        @Override
        public boolean done(Facts f) {
            return f.iisOffline() || pastLast(f, until);
        }

        private List<Resource> online(Facts f) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : f.iis()) if (!f.removed(r) && (f.state.wantOnline(r.name()) || f.active(r))) out.add(r);
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.IisStillOnline(Facts.resourceNames(online(f))));
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Resource r : online(f)) out.add(Commands.offline(Command.Scope.RESOURCE, r.name()));
            return out;
        }

        @Override
        public boolean underWay(Facts f) {
            for (Resource r : f.iis()) if (r.state() == ResourceState.OFFLINE_PENDING) return true;
            return false;
        }
    }

    /** Give the IIS resources their possible owners back, once every node is upgraded (or while they are offline). */
    public record RestoreIisOwners(String last) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof RestoreIisOwners x && Objects.equals(last, x.last);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(last);
        }

        @Override
        public boolean done(Facts f) {
            return changed(f).isEmpty() && (f.iisOffline() || f.started(last));
        }

        private List<Resource> changed(Facts f) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : f.iis()) {
                List<String> was = f.target.iisOwners().get(r.name());
                if (was != null && !f.removed(r) && !r.possibleOwners().equals(was)) out.add(r);
            }
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            List<Problem> out = new ArrayList<>();
            if (!f.iisOffline() && !f.started(last)) out.add(stillOnline(f));
            if (!changed(f).isEmpty()) out.add(new Problem.OwnersNotRestored(Facts.resourceNames(changed(f))));
            return out;
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return f.iisOffline() || f.started(last) ? List.of() : List.of(stillOnline(f));
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Resource r : changed(f)) out.add(Commands.owners(r.name(), f.target.iisOwners().get(r.name())));
            return out;
        }
    }

    /** Remove every (offline) IIS resource from the cluster, keeping its definition. */
    public record RemoveIis() implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof RemoveIis;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public boolean done(Facts f) {
            return present(f).isEmpty() || f.allBeyond();
        }

        private List<Resource> present(Facts f) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : f.iis()) if (!f.removed(r)) out.add(r);
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.NotRemoved(Facts.resourceNames(present(f))));
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return f.iisOffline() ? List.of() : List.of(stillOnline(f));
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Resource r : present(f)) out.add(Commands.remove(r.name()));
            return out;
        }
    }

    /** Recreate the removed IIS resources, as the platform's IIS type, once every node is upgraded. */
    public record RecreateIis() implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof RecreateIis;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public boolean done(Facts f) {
            return f.allBeyond() && removed(f).isEmpty();
        }

        private List<Resource> removed(Facts f) {
            List<Resource> out = new ArrayList<>();
            for (Resource r : f.iis()) if (f.removed(r)) out.add(r);
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return f.allBeyond() ? List.of(new Problem.StillRemoved(Facts.resourceNames(removed(f)))) : behind(f);
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return f.allBeyond() ? List.of() : behind(f);
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Resource r : removed(f)) out.add(Commands.recreate(r.name()));
            return out;
        }
    }

    /** Bring the IIS resources that were online before the hop back online, once every node is upgraded. */
    public record BringIisOnline() implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof BringIisOnline;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public boolean done(Facts f) {
            return f.allBeyond() && offline(f).isEmpty();
        }

        /** The resources of groups holding IIS that were online when the target was chosen and are not now. */
        private List<Resource> offline(Facts f) {
            List<Resource> out = new ArrayList<>();
            for (Group g : f.iisGroups()) {
                for (Resource r : g.resources()) {
                    if (f.target.iisOnline().contains(r.name()) && r.state() != ResourceState.ONLINE) out.add(r);
                }
            }
            return out;
        }

        @Override
        public List<Problem> missing(Facts f) {
            if (!f.allBeyond()) return behind(f);
            List<Problem> out = new ArrayList<>();
            for (Group g : f.iisGroups()) {
                List<String> off = new ArrayList<>();
                for (Resource r : offline(f)) if (g.resource(r.name()).isPresent()) off.add(r.name());
                if (!off.isEmpty()) out.add(new Problem.ResourcesNotOnline(g.name(), g.owner(), off));
            }
            return out;
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return f.allBeyond() ? List.of() : behind(f);
        }

        @Override
        public List<Command> commands(Facts f) {
            List<Command> out = new ArrayList<>();
            for (Resource r : offline(f)) {
                if (!f.removed(r) && r.state() != ResourceState.ONLINE_PENDING) out.add(Commands.online(Command.Scope.RESOURCE, r.name()));
            }
            return out;
        }

        @Override
        public boolean underWay(Facts f) {
            for (Group g : f.iisGroups()) for (Resource r : g.resources()) if (r.state() == ResourceState.ONLINE_PENDING) return true;
            return false;
        }
    }

    private static List<Problem> behind(Facts f) {
        List<String> nodes = new ArrayList<>();
        for (var n : f.cluster.nodes()) if (!f.beyond(n.name())) nodes.add(n.name());
        return List.of(new Problem.NodesBehind(nodes, f.to()));
    }

    /** The IIS resources still online (or meant to be), as a problem. */
    private static Problem stillOnline(Facts f) {
        List<String> on = new ArrayList<>();
        for (Resource r : f.iis()) if (!f.removed(r) && (f.state.wantOnline(r.name()) || f.active(r))) on.add(r.name());
        return new Problem.IisStillOnline(on);
    }
}
