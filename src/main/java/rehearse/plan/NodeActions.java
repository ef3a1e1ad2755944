package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
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
        Node n = f.node(node);
        return f.member(node) ? List.of() : List.of(new Problem.NodeNotInCluster(node, n.state(), n.config()));
    }

    /** Pause the node, so no group moves or fails over to it while it is worked on. */
    public record Pause(String node) implements Action {
        public boolean done(Facts f) {
            return f.state.paused(node) || f.beyond(node);
        }

        public List<Problem> missing(Facts f) {
            return List.of(new Problem.NodeNotPaused(node, f.node(node).state()));
        }

        public List<Problem> blockers(Facts f) {
            return notInCluster(f, node);
        }

        public List<Command> commands(Facts f) {
            return List.of(Commands.pause(node));
        }
    }

    /** Move every group the node owns to {@code onto}. */
    public record Drain(String node, String onto) implements Action {
        public boolean done(Facts f) {
            return f.ownedBy(node).isEmpty() || f.beyond(node);
        }

        public List<Problem> missing(Facts f) {
            return List.of(new Problem.GroupsStillOn(node, Facts.groupNames(f.ownedBy(node))));
        }

        public List<Problem> blockers(Facts f) {
            Node target = f.node(onto);
            if (target.state() != NodeState.UP) return List.of(new Problem.NodeNotInCluster(onto, target.state(), target.config()));
            return List.of();
        }

        public List<Command> commands(Facts f) {
            return List.of(Commands.moveAll(node, onto));
        }

        public boolean underWay(Facts f) {
            for (Group g : f.ownedBy(node)) if (f.moving(g)) return true;
            return false;
        }
    }

    /** Upgrade the node to the hop's configuration; done when it is back in the cluster there. */
    public record Upgrade(String node, Configuration to) implements Action {
        public boolean done(Facts f) {
            return f.beyond(node) && f.member(node);
        }

        public List<Problem> missing(Facts f) {
            Node n = f.node(node);
            if (f.beyond(node)) return List.of(new Problem.NodeNotInCluster(node, n.state(), n.config()));
            return List.of(new Problem.NodeNotUpgraded(node, n.config(), to, n.state()));
        }

        public List<Problem> blockers(Facts f) {
            return underWay(f) ? List.of() : notInCluster(f, node);
        }

        public List<Command> commands(Facts f) {
            return f.beyond(node) ? List.of() : List.of(Commands.upgrade(node, to.label()));
        }

        public boolean underWay(Facts f) {
            return f.state.upgradingTo(node).isPresent() || f.node(node).state() == NodeState.JOINING;
        }
    }

    /** Resume the node once it is back at the new configuration. */
    public record Resume(String node) implements Action {
        public boolean done(Facts f) {
            return f.beyond(node) && f.node(node).state() == NodeState.UP;
        }

        public List<Problem> missing(Facts f) {
            return List.of(new Problem.NodeNotResumed(node, f.node(node).state()));
        }

        public List<Problem> blockers(Facts f) {
            Node n = f.node(node);
            if (!f.beyond(node)) return List.of(new Problem.NodeNotUpgraded(node, n.config(), f.to(), n.state()));
            return notInCluster(f, node);
        }

        public List<Command> commands(Facts f) {
            return f.node(node).state() == NodeState.PAUSED ? List.of(Commands.resume(node)) : List.of();
        }
    }

    /**
     * Go/no-go before the last node at the old configuration is upgraded, the last point at which
     * the old version still runs: every other node is upgraded and up, every resource that should
     * be online is, and (when {@code drained}) every group runs on the upgraded nodes.
     */
    public record GoNoGo(String node, boolean drained) implements Action {
        public boolean done(Facts f) {
            return f.started(node) || go(f).isEmpty();
        }

        public List<Problem> missing(Facts f) {
            return go(f);
        }

        public List<Problem> blockers(Facts f) {
            return f.started(node) ? List.of() : go(f);
        }

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
            if (drained && !f.ownedBy(node).isEmpty()) out.add(new Problem.GroupsStillOn(node, Facts.groupNames(f.ownedBy(node))));
            out.addAll(f.guard());
            return out;
        }
    }
}
