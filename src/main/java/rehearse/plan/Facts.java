package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.sim.State;

/** The cluster's state as a plan step sees it: in the context of one hop of one target. */
public final class Facts {
    final State state;
    final Target target;
    final int hop;
    final Cluster cluster;

    Facts(State state, Target target, int hop) {
        this.state = state;
        this.target = target;
        this.hop = hop;
        this.cluster = state.cluster();
    }

    Hop currentHop() {
        return target.path().hops().get(hop);
    }

    Configuration to() {
        return currentHop().to();
    }

    Configuration from() {
        return currentHop().from();
    }

    /** Position of a configuration on the path: 0 its start, i after hop i-1; -1 off the path. */
    int position(Configuration c) {
        UpgradePath p = target.path();
        if (c.equals(p.from())) return 0;
        for (int i = 0; i < p.hops().size(); i++) if (p.hops().get(i).to().equals(c)) return i + 1;
        return -1;
    }

    /** The cluster's nodes by their names as written (the plan's own); another spelling goes through {@link Cluster#node}. */
    private java.util.Map<String, Node> nodesByName;

    Node node(String name) {
        if (nodesByName == null) {
            nodesByName = new java.util.HashMap<>();
            for (Node n : cluster.nodes()) nodesByName.put(n.name(), n);
        }
        Node n = nodesByName.get(name);
        return n != null ? n : cluster.node(name).orElseThrow();
    }

    /** The node has finished this hop: it is at (or past) the hop's configuration. */
    boolean beyond(String node) {
        return position(node(node).config()) >= hop + 1;
    }

    boolean allBeyond() {
        for (Node n : cluster.nodes()) if (!beyond(n.name())) return false;
        return true;
    }

    boolean anyBeyond(int h) {
        for (Node n : cluster.nodes()) if (position(n.config()) >= h + 1) return true;
        return false;
    }

    /** Its upgrade in this hop has begun (it is upgrading, done, or failed and the node is down for it). */
    boolean started(String node) {
        return beyond(node) || state.upgradingTo(node).isPresent()
                || (!member(node) && state.downCause(node).orElse(null) == rehearse.sim.Event.NodeCause.UPGRADE_FAILED);
    }

    /**
     * The resources of an IIS group that were online when the target was chosen and are not now (a
     * removed one counts as not online): a rolling hop keeps them available throughout.
     */
    List<String> iisNotBackOnline(Group g) {
        List<String> off = new ArrayList<>();
        for (Resource r : g.resources()) {
            if (r.state() != ResourceState.ONLINE && target.iisOnline().contains(r.name())) off.add(r.name());
        }
        return off;
    }

    /** The node is not in the cluster: down (and why) or joining. */
    Problem notInCluster(String node) {
        Node n = node(node);
        return new Problem.NodeNotInCluster(n.name(), n.state(), n.config(), state.downCause(node).orElse(null),
                state.joinRefusal(node).orElse(null));
    }

    boolean member(String node) {
        NodeState s = node(node).state();
        return s == NodeState.UP || s == NodeState.PAUSED;
    }

    List<Group> ownedBy(String node) {
        // The state knows its groups by owner (worked out once per state); the view's groups are in the same order.
        int[] on = state.groupsOn(node);
        List<Group> out = new ArrayList<>(on.length);
        for (int g : on) out.add(cluster.groups().get(g));
        return out;
    }

    boolean moving(Group g) {
        return state.movingTo(g.name()).isPresent();
    }

    private List<Group> iisGroups;

    List<Group> iisGroups() {
        if (iisGroups == null) iisGroups = cluster.groups().stream().filter(Group::hasIis).toList();
        return iisGroups;
    }

    private List<Resource> iis;

    /** Every IIS resource of the cluster (removed ones too). */
    List<Resource> iis() {
        if (iis == null) {
            List<Resource> out = new ArrayList<>();
            for (Group g : cluster.groups()) for (Resource r : g.resources()) if (r.isIis()) out.add(r);
            iis = out;
        }
        return iis;
    }

    boolean removed(Resource r) {
        return state.removed(r.name());
    }

    boolean active(Resource r) {
        return r.state() == ResourceState.ONLINE || r.state().pending();
    }

    /** Every IIS resource is removed, or offline and meant to stay so. */
    boolean iisOffline() {
        for (Resource r : iis()) if (!removed(r) && (state.wantOnline(r.name()) || active(r))) return false;
        return true;
    }

    static List<String> groupNames(List<Group> groups) {
        return groups.stream().map(Group::name).toList();
    }

    static List<String> resourceNames(List<Resource> resources) {
        return resources.stream().map(Resource::name).toList();
    }

    /** A node has begun this hop: from here on, the nodes may run two versions. */
    boolean begun() {
        for (Node n : cluster.nodes()) if (started(n.name())) return true;
        return false;
    }

    /**
     * Resources whose possible owners leave out nodes their group must be able to move to: in a
     * hop every group moves onto another node in turn, so every node (IIS of a standard hop aside,
     * which the hop's option deals with).
     */
    List<Problem> ownersTooNarrow() {
        boolean rolling = currentHop().kind() == rehearse.matrix.UpgradeKind.ROLLING;
        List<Problem> out = new ArrayList<>();
        for (Group g : cluster.groups()) {
            for (Resource r : g.resources()) {
                // The state's possible owners are distinct nodes of the cluster: as many as there are nodes is every node.
                if (r.possibleOwners().size() == cluster.nodes().size() || removed(r) || (r.isIis() && !rolling)) continue;
                List<String> missing = new ArrayList<>();
                for (Node n : cluster.nodes()) if (!r.possibleOwners().contains(n.name())) missing.add(n.name());
                if (!missing.isEmpty()) out.add(new Problem.OwnersTooNarrow(g.name(), r.name(), missing));
            }
        }
        return out;
    }

    /** The groups among {@code groups} that cannot move to {@code onto}: a resource of theirs does not have it as possible owner. */
    List<Problem> cannotMove(List<Group> groups, String onto) {
        List<Problem> out = new ArrayList<>();
        for (Group g : groups) {
            for (Resource r : g.resources()) {
                if (!r.possibleOwners().contains(onto) && !removed(r)) out.add(new Problem.OwnersTooNarrow(g.name(), r.name(), List.of(onto)));
            }
        }
        return out;
    }

    /**
     * Upgrading {@code node} takes it out of the cluster: some other node in it must be able to
     * take the quorum resource's whole group, or the cluster stops.
     */
    java.util.Optional<Problem> quorumLostWithout(String node) {
        java.util.Optional<Resource> q = cluster.quorumResource();
        if (q.isEmpty()) return java.util.Optional.empty();
        Group g = cluster.groupOfResource(q.get().name()).orElseThrow();
        String blocking = null;
        for (Node n : cluster.nodes()) {
            if (n.name().equals(node) || !member(n.name())) continue;
            String cannot = null;
            for (Resource r : g.resources()) if (!removed(r) && !r.possibleOwners().contains(n.name())) cannot = r.name();
            if (cannot == null) return java.util.Optional.empty();
            if (blocking == null) blocking = cannot;
        }
        if (blocking == null) return java.util.Optional.empty(); // no other member at all: the guard says so
        return java.util.Optional.of(new Problem.QuorumWouldBeLost(node, g.name(), q.get().name(), blocking));
    }

    /**
     * The IIS that was online when the target was chosen and is not online now, in groups on a
     * node of the cluster: a rolling hop keeps it available at every step (checked on a settled
     * cluster; a group moving or coming online is on its way).
     */
    List<Problem> iisAvailability() {
        List<Problem> out = new ArrayList<>();
        if (hop < 0 || hop >= target.hops() || currentHop().kind() != rehearse.matrix.UpgradeKind.ROLLING || state.busy()) return out;
        if (state.iisAllOnline()) return out; // nothing of IIS is off: no group to look at
        for (Group g : iisGroups()) {
            List<String> off = iisNotBackOnline(g);
            if (!off.isEmpty() && member(g.owner())) out.add(new Problem.ResourcesNotOnline(g.name(), g.owner(), off));
        }
        return out;
    }

    /**
     * The hop's guard: the cluster is formed, every node is in it, every resource that should be
     * online is, and in a rolling hop the IIS that was online when the target was chosen.
     */
    private List<Problem> guard;

    /** As {@link #guard}, worked out once: a plan asks it for every go/no-go check of the hop. */
    List<Problem> guard() {
        if (guard == null) guard = List.copyOf(judgeGuard());
        return guard;
    }

    private List<Problem> judgeGuard() {
        List<Problem> out = new ArrayList<>();
        if (!state.formed()) out.add(new Problem.ClusterDown());
        for (Node n : cluster.nodes()) {
            if (!member(n.name())) out.add(notInCluster(n.name()));
        }
        List<String> stranded = new ArrayList<>();
        for (java.util.Map.Entry<String, List<String>> e : state.wantedNotOnline().entrySet()) {
            Group g = cluster.group(e.getKey()).orElseThrow();
            // On a paused node nothing comes online: its groups wait for the resume (a step of the plan).
            if (node(g.owner()).state() == NodeState.UP) out.add(new Problem.ResourcesNotOnline(g.name(), g.owner(), e.getValue()));
            else if (!member(g.owner())) stranded.add(g.name());
        }
        if (!stranded.isEmpty()) out.add(new Problem.GroupsDown(stranded));
        for (Problem p : iisAvailability()) if (!out.contains(p)) out.add(p);
        return out;
    }
}
