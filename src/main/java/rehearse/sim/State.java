package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;

/**
 * The state of a rehearsal at one simulated instant, as a value: nodes, groups and resources,
 * pending timers, armed faults, policy windows, downtime and the clock. {@link Engine} takes a
 * state and a command (or the next timer) to the next state; the old one stays as it was, so
 * keeping one (to estimate, branch or rewind) costs nothing. Names are looked up in any case.
 */
public final class State {
    final Topology top;
    final long clock;
    final long seq;
    final PVec<NodeSim> nodes;
    final PVec<GroupSim> groups;
    final PVec<ResourceSim> resources;
    final TimerQueue timers;
    final int operations;
    final boolean preflight;
    final long eventCount;
    final int iisGroupsDown;
    /** How many resources are wanted online, not removed, and not online: {@link #wantedNotOnline} is empty at 0. */
    final int wantedOff;
    /** How many resources have failed or are armed to fail. */
    final int failing;
    final long outageMs;
    final long outageSince;
    final boolean formed;
    private Cluster snapshot;
    /** {@link #wantedNotOnline}, worked out once per state (the plan's guard asks it at every judgement). */
    private java.util.Map<String, List<String>> wantedNotOnline;
    /** The nearest earlier state whose snapshot was made: its unchanged groups are reused (then it is let go). */
    private State base;

    State(Topology top, long clock, long seq, PVec<NodeSim> nodes, PVec<GroupSim> groups, PVec<ResourceSim> resources,
            TimerQueue timers, int operations, boolean preflight, long eventCount, int iisGroupsDown, int wantedOff, int failing, long outageMs,
            long outageSince, boolean formed, State before) {
        this.top = top;
        this.clock = clock;
        this.seq = seq;
        this.nodes = nodes;
        this.groups = groups;
        this.resources = resources;
        this.timers = timers;
        this.operations = operations;
        this.preflight = preflight;
        this.eventCount = eventCount;
        this.iisGroupsDown = iisGroupsDown;
        this.wantedOff = wantedOff;
        this.failing = failing;
        this.outageMs = outageMs;
        this.outageSince = outageSince;
        this.formed = formed;
        this.base = before == null ? null : before.snapshot != null ? before : before.base;
    }

    public long clock() {
        return clock;
    }

    public UpgradeMatrix matrix() {
        return top.matrix;
    }

    /** The cluster file's cluster, as the rehearsal started. */
    public Cluster initialCluster() {
        return top.initial;
    }

    /** Operations (pending transitions, upgrades, joins, failovers being detected) under way. */
    public boolean busy() {
        return operations > 0;
    }

    /** When the next timer of any kind fires, or -1. */
    public long nextTimerAt() {
        Timer t = TimerQueue.peek(timers);
        return t == null ? -1 : t.at();
    }

    public boolean preflightAcknowledged() {
        return preflight;
    }

    /**
     * How many times a resource may fail within the restart period before MSCS stops restarting it
     * and fails its group over (the default restart policy: 3 restarts in 900 s).
     */
    public static final int RESTARTS_BEFORE_FAILOVER = GroupDriver.RESTART_THRESHOLD;

    /** The furthest a rehearsal's clock goes: ten years of simulated time. */
    public static final long MAX_CLOCK_MS = 3650L * 86_400_000L;

    /** Whether a node holds the quorum resource: without one, the cluster is down. */
    public boolean formed() {
        return formed;
    }

    public long eventCount() {
        return eventCount;
    }

    /** The cluster as front ends show it; made once per state. */
    public Cluster cluster() {
        Cluster c = snapshot;
        if (c == null) {
            snapshot = c = makeSnapshot();
            base = null;
        }
        return c;
    }

    /**
     * Lets go of the cluster view made for this state (made again if it is asked for), and of the
     * earlier state it was to be made from: a long history of kept states then holds the states
     * alone, which share all but what each change touched.
     */
    public void forgetCluster() {
        snapshot = null;
        base = null;
    }

    private Cluster makeSnapshot() {
        State b = base;
        Cluster before = b == null ? null : b.snapshot;
        List<Node> ns = new ArrayList<>(top.nodes());
        for (int i = 0; i < top.nodes(); i++) {
            NodeSim n = nodes.get(i);
            ns.add(new Node(top.nodeNames[i], n.state(), n.config().platform(), n.config()));
        }
        List<Group> gs;
        if (before != null) {
            // The earlier view, with only the groups this state changed (itself or a resource of it) made again.
            gs = new ArrayList<>(before.groups());
            java.util.BitSet changed = new java.util.BitSet(top.groups());
            PVec.changed(groups, b.groups, changed::set);
            PVec.changed(resources, b.resources, r -> changed.set(top.resourceGroup[r]));
            for (int g = changed.nextSetBit(0); g >= 0; g = changed.nextSetBit(g + 1)) gs.set(g, group(g));
        } else {
            gs = new ArrayList<>(top.groups());
            for (int g = 0; g < top.groups(); g++) gs.add(group(g));
        }
        return new Cluster(top.name, ns, gs, top.timings, top.initial.quorum());
    }

    private Group group(int g) {
        Group was = top.initial.groups().get(g);
        GroupSim gs0 = groups.get(g);
        List<Resource> rs = new ArrayList<>(top.groupEnd[g] - top.groupFirst[g]);
        for (int r = top.groupFirst[g]; r < top.groupEnd[g]; r++) {
            Resource orig = was.resources().get(r - top.groupFirst[g]);
            ResourceSim rs0 = resources.get(r);
            rs.add(new Resource(orig.name(), orig.type(), top.ownerNames(rs0.owners()), orig.dependsOn(), rs0.state(), orig.properties()));
        }
        return new Group(was.name(), top.nodeNames[gs0.owner()], was.preferredOwners(), gs0.failback(), rs);
    }

    // ------------------------------------------------------------------ alike courses

    /**
     * Whether this state and {@code o} go on alike under the same commands, as long as no resource
     * is made to fail from now on: they are equal in everything (clock, nodes, groups, resources,
     * timers, downtime) but the histories of the restart and failover policies, and no resource of
     * either has failed or has failures armed. Those histories are read only when a resource has
     * failed, and a resource fails only by an injected fault; so two rehearsals that reach such
     * states after different faults, with none to come, end alike. Exploration uses it to stop a
     * scenario where one already rehearsed goes on from the same state.
     */
    @SuppressWarnings("ReferenceEquality") // the same topology object: states of one rehearsal
    public boolean sameCourse(State o) {
        if (this == o) return true;
        return top == o.top && clock == o.clock && seq == o.seq && operations == o.operations && preflight == o.preflight
                && wantedOff == o.wantedOff
                && eventCount == o.eventCount && iisGroupsDown == o.iisGroupsDown && outageMs == o.outageMs
                && outageSince == o.outageSince && formed == o.formed && TimerQueue.same(timers, o.timers)
                && PVec.same(nodes, o.nodes, NodeSim::equals) && PVec.same(groups, o.groups, State::sameCourse)
                && PVec.same(resources, o.resources, State::sameCourse) && noFailure(this) && noFailure(o);
    }

    /** A hash for {@link #sameCourse}: states of the same course hash alike (it reads the clock, the counters and the nodes). */
    public long courseHash() {
        long h = clock;
        h = h * 31 + seq;
        h = h * 31 + eventCount;
        h = h * 31 + outageMs;
        h = h * 31 + outageSince;
        h = h * 31 + operations;
        h = h * 31 + iisGroupsDown;
        for (int i = 0; i < nodes.size(); i++) h = h * 31 + nodes.get(i).hashCode();
        return h;
    }

    private static boolean sameCourse(GroupSim a, GroupSim b) {
        return a.owner() == b.owner() && a.movingTo() == b.movingTo() && a.moveCause() == b.moveCause() && a.failback() == b.failback()
                && a.failbackBefore() == b.failbackBefore() && a.stranded() == b.stranded() && a.stopped() == b.stopped()
                && a.active() == b.active() && a.iisNotOnline() == b.iisNotOnline() && a.downMs() == b.downMs()
                && a.downSince() == b.downSince() && a.interruptions() == b.interruptions();
    }

    private static boolean sameCourse(ResourceSim a, ResourceSim b) {
        return a.state() == b.state() && a.want() == b.want() && a.generation() == b.generation() && a.owners() == b.owners()
                && a.removed() == b.removed() && a.armedFailures() == b.armedFailures();
    }

    /** No resource failed or armed to fail. */
    private static boolean noFailure(State s) {
        return s.failing == 0;
    }

    /** Failed, or armed to fail. */
    static boolean failing(ResourceSim r) {
        return r.state() == rehearse.model.ResourceState.FAILED || r.armedFailures() > 0;
    }

    // ------------------------------------------------------------------ by name, any case

    /** The node's own spelling, if there is such a node. */
    public Optional<String> nodeName(String name) {
        int i = top.node(name);
        return i < 0 ? Optional.empty() : Optional.of(top.nodeNames[i]);
    }

    public Optional<String> groupName(String name) {
        int i = top.group(name);
        return i < 0 ? Optional.empty() : Optional.of(top.groupNames[i]);
    }

    public Optional<String> resourceName(String name) {
        int i = top.resource(name);
        return i < 0 ? Optional.empty() : Optional.of(top.resourceNames[i]);
    }

    /** Why a node that is down went down (a failure, a failed upgrade, a refused join, the lost quorum). */
    public Optional<Event.NodeCause> downCause(String node) {
        int i = top.node(node);
        return i < 0 || nodes.get(i).state() != rehearse.model.NodeState.DOWN ? Optional.empty()
                : Optional.ofNullable(nodes.get(i).downCause());
    }

    /** Why a node that is down had its join refused, if that is why. */
    public Optional<Event.JoinRefusal> joinRefusal(String node) {
        int i = top.node(node);
        return i < 0 ? Optional.empty() : Optional.ofNullable(nodes.get(i).joinRefusal());
    }

    /** Whether the node is still up but shutting down for an upgrade, its groups moving off. */
    public boolean shuttingDown(String node) {
        int i = top.node(node);
        return i >= 0 && nodes.get(i).shuttingDown();
    }

    /** The nodes run two Cluster service versions: no configuration changes now (Microsoft). */
    public boolean mixedVersions() {
        Tx tx = new Tx(this);
        return Mixed.of(tx).map(m -> m.versionsDiffer(tx)).orElse(false);
    }

    /** The configuration an upgrade under way will bring the node to. */
    public Optional<Configuration> upgradingTo(String node) {
        int i = top.node(node);
        return i < 0 ? Optional.empty() : Optional.ofNullable(nodes.get(i).upgradingTo());
    }

    /** How far an upgrade under way has got, 0..1. */
    public OptionalDouble upgradeProgress(String node) {
        int i = top.node(node);
        if (i < 0 || nodes.get(i).upgradingTo() == null) return OptionalDouble.empty();
        NodeSim n = nodes.get(i);
        long span = n.upgradeEnd() - n.upgradeStart();
        return OptionalDouble.of(span <= 0 ? 1.0 : Math.min(1.0, (double) (clock - n.upgradeStart()) / span));
    }

    /** The operator's pause, which a reboot keeps: true while down or joining too. */
    public boolean paused(String node) {
        int i = top.node(node);
        return i >= 0 && nodes.get(i).paused();
    }

    public Optional<String> movingTo(String group) {
        int g = top.group(group);
        if (g < 0 || !groups.get(g).moving()) return Optional.empty();
        return Optional.of(top.nodeNames[groups.get(g).movingTo()]);
    }

    public boolean stopped(String group) {
        int g = top.group(group);
        return g >= 0 && groups.get(g).stopped();
    }

    /** The failback setting a group had when the pre-flight checklist turned it off for the run. */
    public boolean failbackBefore(String group) {
        int g = top.group(group);
        return g >= 0 && groups.get(g).failbackBefore();
    }

    public boolean wantOnline(String resource) {
        int r = top.resource(resource);
        return r >= 0 && resources.get(r).want();
    }

    public boolean removed(String resource) {
        int r = top.resource(resource);
        return r >= 0 && resources.get(r).removed();
    }

    /** Possible owners as the cluster file gave them. */
    public List<String> originalOwners(String resource) {
        int r = top.resource(resource);
        return r < 0 ? List.of() : top.ownerNames(top.originalOwners[r]);
    }

    /** The groups by owner, a list of indices per node: final fields, so a state shared between threads publishes it whole. */
    @SuppressWarnings("ArrayRecordComponent") // made once, never changed, copied out
    private record Owners(int[][] groups) {}

    private Owners owners;

    /** The indices (in the cluster's order) of the groups the node owns, any spelling; none for an unknown node. */
    public int[] groupsOn(String node) {
        int n = top.node(node);
        if (n < 0) return new int[0];
        Owners known = owners;
        if (known == null) {
            int[] count = new int[top.nodes()];
            for (int g = 0; g < top.groups(); g++) count[groups.get(g).owner()]++;
            int[][] by = new int[top.nodes()][];
            for (int i = 0; i < by.length; i++) by[i] = new int[count[i]];
            int[] at = new int[top.nodes()];
            for (int g = 0; g < top.groups(); g++) {
                int o = groups.get(g).owner();
                by[o][at[o]++] = g;
            }
            owners = known = new Owners(by);
        }
        return known.groups()[n].clone();
    }

    /** Per group (in order), the resources the cluster should keep online that are not (removed ones aside). */
    public java.util.Map<String, List<String>> wantedNotOnline() {
        java.util.Map<String, List<String>> known = wantedNotOnline;
        if (known != null) return known;
        if (wantedOff == 0) return java.util.Map.of();
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (int g = 0; g < top.groups(); g++) {
            List<String> off = null;
            for (int r = top.groupFirst[g]; r < top.groupEnd[g]; r++) {
                ResourceSim R = resources.get(r);
                if (wantedOff(R)) {
                    if (off == null) off = new ArrayList<>();
                    off.add(top.resourceNames[r]);
                }
            }
            if (off != null) out.put(top.groupNames[g], List.copyOf(off));
        }
        // Read-only behind a final field, so a state shared between threads publishes it whole.
        known = java.util.Collections.unmodifiableMap(out);
        wantedNotOnline = known;
        return known;
    }

    /** Wanted online, not removed, and not online. */
    static boolean wantedOff(ResourceSim r) {
        return r.want() && !r.removed() && r.state() != rehearse.model.ResourceState.ONLINE;
    }

    // ------------------------------------------------------------------ availability

    /** The groups that hold IIS, whose availability is tracked. */
    public List<String> iisGroups() {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < top.groups(); g++) if (top.groupHasIis[g]) out.add(top.groupNames[g]);
        return out;
    }

    public boolean tracksDowntime(String group) {
        int g = top.group(group);
        return g >= 0 && top.groupHasIis[g];
    }

    /** Time the group's IIS resources were not all online. */
    public long downtimeMs(String group) {
        int g = top.group(group);
        return g < 0 ? 0 : groups.get(g).downtimeMs(clock);
    }

    public int interruptions(String group) {
        int g = top.group(group);
        return g < 0 ? 0 : groups.get(g).interruptions();
    }

    /** Every IIS resource is online (a removed one is not): no group holding IIS is unavailable now. */
    public boolean iisAllOnline() {
        return iisGroupsDown == 0;
    }

    /** Wall-clock time during which at least one group holding IIS was unavailable. */
    public long outageMs() {
        return outageMs + (iisGroupsDown > 0 ? clock - outageSince : 0);
    }

    /** Share of group-time the IIS groups were available since the start; 1 before any time passed. */
    public double availability() {
        int n = 0;
        long down = 0;
        for (int g = 0; g < top.groups(); g++) {
            if (!top.groupHasIis[g]) continue;
            n++;
            down += groups.get(g).downtimeMs(clock);
        }
        if (n == 0 || clock <= 0) return 1.0;
        return 1.0 - (double) down / ((double) clock * n);
    }
}
