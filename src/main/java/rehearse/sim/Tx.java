package rehearse.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rehearse.matrix.Configuration;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/**
 * One transition being made: starts from a state, collects the changes and the events they
 * cause, and {@link #build() builds} the next state. The state it started from is never
 * touched. Every change of a resource's or a node's state goes through here, so events,
 * counters, downtime and the invariant checks cannot be forgotten.
 */
final class Tx {
    final Topology top;
    long clock;
    private long seq;
    private PVec<NodeSim> nodes;
    private PVec<GroupSim> groups;
    private PVec<ResourceSim> resources;
    private TimerQueue timers;
    private int operations;
    boolean preflight;
    private long eventCount;
    private int iisGroupsDown;
    private int wantedOff;
    private int failing;
    private long outageMs;
    private long outageSince;
    boolean formed;
    final List<Event> events = new ArrayList<>();
    private int[] touched = new int[16];
    private int touchedCount;
    private final State from;

    Tx(State s) {
        from = s;
        top = s.top;
        clock = s.clock;
        seq = s.seq;
        nodes = s.nodes;
        groups = s.groups;
        resources = s.resources;
        timers = s.timers;
        operations = s.operations;
        preflight = s.preflight;
        eventCount = s.eventCount;
        iisGroupsDown = s.iisGroupsDown;
        wantedOff = s.wantedOff;
        failing = s.failing;
        outageMs = s.outageMs;
        outageSince = s.outageSince;
        formed = s.formed;
    }

    /** The next state; the invariants of everything touched are checked first. */
    State build() {
        checkpoint();
        return new State(top, clock, seq, nodes, groups, resources, timers, operations, preflight, eventCount, iisGroupsDown,
                wantedOff, failing, outageMs, outageSince, formed, from);
    }

    /** Checks the invariants of every resource touched since the last checkpoint. */
    void checkpoint() {
        for (int i = 0; i < touchedCount; i++) Invariants.check(this, touched[i]);
        touchedCount = 0;
    }

    // ------------------------------------------------------------------ reading and replacing

    NodeSim node(int n) {
        return nodes.get(n);
    }

    void node(int n, NodeSim s) {
        nodes = nodes.set(n, s);
    }

    GroupSim group(int g) {
        return groups.get(g);
    }

    void group(int g, GroupSim s) {
        groups = groups.set(g, s);
    }

    ResourceSim res(int r) {
        return resources.get(r);
    }

    void res(int r, ResourceSim s) {
        ResourceSim was = resources.get(r);
        wantedOff += (State.wantedOff(s) ? 1 : 0) - (State.wantedOff(was) ? 1 : 0);
        failing += (State.failing(s) ? 1 : 0) - (State.failing(was) ? 1 : 0);
        resources = resources.set(r, s);
    }

    int nodes() {
        return top.nodes();
    }

    String nodeName(int n) {
        return top.nodeNames[n];
    }

    /** The node that owns the resource's group. */
    int ownerOf(int r) {
        return groups.get(top.resourceGroup[r]).owner();
    }

    // ------------------------------------------------------------------ time

    void schedule(long delay, Timer.Action a) {
        timers = TimerQueue.add(timers, new Timer(clock + delay, seq++, a));
        if (a.operation()) operations++;
    }

    Timer peekTimer() {
        return TimerQueue.peek(timers);
    }

    Timer popTimer() {
        Timer t = TimerQueue.peek(timers);
        timers = TimerQueue.pop(timers);
        if (t.action().operation()) operations--;
        return t;
    }

    boolean busy() {
        return operations > 0;
    }

    void emit(Event e) {
        events.add(e);
        eventCount++;
    }

    // ------------------------------------------------------------------ changes with consequences

    /** Sets a resource's state: the event, the group's counters, its availability, the invariant check. */
    void setResource(int r, ResourceState to) {
        ResourceSim was = res(r);
        if (was.state() == to) return;
        int g = top.resourceGroup[r];
        GroupSim G = group(g);
        int active = G.active() + (active(to) ? 1 : 0) - (was.active() ? 1 : 0);
        int iis = G.iisNotOnline();
        if (top.isIis(r)) iis += (to == ResourceState.ONLINE ? 0 : 1) - (was.state() == ResourceState.ONLINE ? 0 : 1);
        res(r, was.withState(to));
        GroupSim next = G.withCounts(active, iis);
        if (top.groupHasIis[g] && (G.iisNotOnline() == 0) != (iis == 0)) next = availability(next, iis == 0);
        group(g, next);
        emit(new Event.ResourceChanged(clock, top.groupNames[g], top.resourceNames[r], top.nodeNames[G.owner()], was.state(), to));
        touch(r);
    }

    /** Queues a resource for the invariant check at the next checkpoint. */
    void touch(int r) {
        if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touched.length * 2);
        touched[touchedCount++] = r;
    }

    private GroupSim availability(GroupSim g, boolean available) {
        if (available) {
            if (--iisGroupsDown == 0) outageMs += clock - outageSince;
            return g.withDowntime(g.downMs() + (clock - g.downSince()), -1, g.interruptions());
        }
        if (iisGroupsDown++ == 0) outageSince = clock;
        return g.withDowntime(g.downMs(), clock, g.interruptions() + 1);
    }

    void setNode(int n, NodeState to, Event.NodeCause cause, Configuration about) {
        NodeSim was = node(n);
        if (was.state() == to) return;
        NodeSim now = was.withState(to);
        if (to == NodeState.DOWN) now = now.withDownCause(cause, null);
        else if (to != NodeState.JOINING) now = now.withDownCause(null, null);
        node(n, now);
        emit(new Event.NodeChanged(clock, top.nodeNames[n], was.state(), to, cause, about));
    }

    static boolean active(ResourceState s) {
        return s == ResourceState.ONLINE || s.pending();
    }
}
