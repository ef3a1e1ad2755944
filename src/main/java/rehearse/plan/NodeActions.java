package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.matrix.Configuration;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;

/** The per-node steps of Microsoft's procedure: pause, drain, upgrade, resume, and the go/no-go before the last node. */
public final class NodeActions {
    private NodeActions() {}

    private static List<Problem> notInCluster(Facts f, String node) {
        return f.member(node) ? List.of() : List.of(f.notInCluster(node));
    }

    /** Pause the node, so no group moves or fails over to it while it is worked on. */
    public record Pause(String node) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof Pause x && Objects.equals(node, x.node);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(node);
        }

        @Override
        public boolean done(Facts f) {
            return f.state.paused(node) || f.beyond(node);
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.NodeNotPaused(node, f.node(node).state()));
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return notInCluster(f, node);
        }

        @Override
        public List<Command> commands(Facts f) {
            return List.of(Commands.pause(node));
        }
    }

    /**
     * Move every group the node owns to {@code onto}; with {@code iisStays}, only the groups that
     * hold no IIS (the last node of a standard hop keeps its IIS groups, restricted to it and taken
     * offline only after this, so they wait for it instead of moving twice).
     */
    public record Drain(String node, String onto, boolean iisStays) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof Drain x && Objects.equals(node, x.node) && Objects.equals(onto, x.onto) && iisStays == x.iisStays;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(node) + Objects.hashCode(onto)) + Boolean.hashCode(iisStays);
        }

        @Override
        public boolean done(Facts f) {
            return leaving(f, node, iisStays).isEmpty() || f.beyond(node);
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.GroupsStillOn(node, Facts.groupNames(leaving(f, node, iisStays))));
        }

        @Override
        public List<Problem> blockers(Facts f) {
            Node target = f.node(onto);
            if (target.state() == NodeState.PAUSED) return List.of(new Problem.NodeNotResumed(onto, target.state()));
            List<Problem> out = new ArrayList<>(notInCluster(f, onto));
            out.addAll(f.cannotMove(leaving(f, node, iisStays), onto));
            return out;
        }

        @Override
        public List<Command> commands(Facts f) {
            if (!iisStays) return List.of(Commands.moveAll(node, onto));
            List<Command> out = new ArrayList<>();
            for (Group g : leaving(f, node, true)) if (!f.moving(g)) out.add(Commands.move(g.name(), onto));
            return out;
        }

        @Override
        public boolean underWay(Facts f) {
            for (Group g : f.ownedBy(node)) if (f.moving(g)) return true;
            return false;
        }
    }

    /** The groups a drain of {@code node} moves. */
    private static List<Group> leaving(Facts f, String node, boolean iisStays) {
        if (!iisStays) return f.ownedBy(node);
        List<Group> out = new ArrayList<>();
        for (Group g : f.ownedBy(node)) if (!g.hasIis()) out.add(g);
        return out;
    }

    /**
     * Upgrade the node to the hop's configuration; done when it is at that configuration and back
     * in the cluster (paused, as it rejoins). An upgraded node that is down (its join refused, or
     * failed since) is brought back with {@code restore}, never upgraded again.
     */
    public record Upgrade(String node, Configuration to) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof Upgrade x && Objects.equals(node, x.node) && Objects.equals(to, x.to);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(node) + Objects.hashCode(to);
        }

        @Override
        public boolean done(Facts f) {
            return f.beyond(node) && f.member(node);
        }

        @Override
        public List<Problem> missing(Facts f) {
            Node n = f.node(node);
            if (f.beyond(node)) return List.of(f.notInCluster(node));
            return List.of(new Problem.NodeNotUpgraded(node, n.config(), to, n.state(), f.state.downCause(node).orElse(null)));
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return underWay(f) || f.beyond(node) ? List.of() : notInCluster(f, node);
        }

        @Override
        public List<Command> commands(Facts f) {
            if (!f.beyond(node)) return List.of(Commands.upgrade(node, to.label()));
            return f.node(node).state() == NodeState.DOWN ? List.of(Commands.restore(node)) : List.of();
        }

        @Override
        public boolean underWay(Facts f) {
            return f.state.upgradingTo(node).isPresent() || f.node(node).state() == NodeState.JOINING;
        }
    }

    /** Resume the node once it is back at the new configuration. */
    public record Resume(String node) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof Resume x && Objects.equals(node, x.node);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(node);
        }

        @Override
        public boolean done(Facts f) {
            return f.beyond(node) && f.node(node).state() == NodeState.UP;
        }

        @Override
        public List<Problem> missing(Facts f) {
            return List.of(new Problem.NodeNotResumed(node, f.node(node).state()));
        }

        @Override
        public List<Problem> blockers(Facts f) {
            Node n = f.node(node);
            if (!f.beyond(node)) {
                return List.of(new Problem.NodeNotUpgraded(node, n.config(), f.to(), n.state(), f.state.downCause(node).orElse(null)));
            }
            return notInCluster(f, node);
        }

        @Override
        public List<Command> commands(Facts f) {
            return f.node(node).state() == NodeState.PAUSED ? List.of(Commands.resume(node)) : List.of();
        }
    }

    /**
     * Go/no-go before the last node at the old configuration is upgraded, the last point at which
     * the old version still runs: every other node is upgraded and up, every resource that should
     * be online is, and (when {@code drained}) every group runs on the upgraded nodes.
     */
    public record GoNoGo(String node, boolean drained, boolean iisStays) implements Action {
        // equals and hashCode written out, as the generated ones would be: see Step.
        @Override
        public boolean equals(Object o) {
            return o instanceof GoNoGo x && Objects.equals(node, x.node) && drained == x.drained && iisStays == x.iisStays;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(node) + Boolean.hashCode(drained)) + Boolean.hashCode(iisStays);
        }

        @Override
        public boolean done(Facts f) {
            return f.started(node) || go(f).isEmpty();
        }

        @Override
        public List<Problem> missing(Facts f) {
            return go(f);
        }

        @Override
        public List<Problem> blockers(Facts f) {
            return f.started(node) ? List.of() : go(f);
        }

        @Override
        public List<Command> commands(Facts f) {
            return List.of();
        }

        private List<Problem> go(Facts f) {
            List<Problem> out = new ArrayList<>();
            List<String> behind = new ArrayList<>();
            for (Node n : f.cluster.nodes()) {
                if (n.name().equals(node)) continue;
                if (!f.beyond(n.name())) behind.add(n.name());
                else if (n.state() != NodeState.UP) out.add(new Problem.NodeNotResumed(n.name(), n.state()));
            }
            if (!behind.isEmpty()) out.add(0, new Problem.NodesBehind(behind, f.to()));
            List<Group> left = leaving(f, node, iisStays);
            if (drained && !left.isEmpty()) out.add(new Problem.GroupsStillOn(node, Facts.groupNames(left)));
            // Rolling: the guard also holds the IIS that was online to running on the upgraded nodes.
            out.addAll(f.guard());
            f.quorumLostWithout(node).ifPresent(out::add);
            return out;
        }
    }
}
