package rehearse.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.matrix.UnknownConfigurationException;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.Timings;

/**
 * The rehearsal engine: a deterministic discrete-event simulation of an MSCS cluster on a
 * virtual clock. Commands change what the cluster wants; timers carry out the transitions
 * (Online Pending, Offline Pending, upgrades, joins) in simulated time. No wall clock, no
 * threads, no randomness: the same cluster and commands give the same events.
 *
 * <p>The state is held in immutable records (nodes, groups, resources) that the engine
 * replaces as things happen; {@link #cluster()} is a consistent snapshot for front ends.
 */
public final class Rehearsal {
    /** MSCS default restart policy: up to 3 restarts within 900 s, then the group may fail over. */
    static final int RESTART_THRESHOLD = 3;
    static final long RESTART_PERIOD_MS = 900_000;
    /** MSCS default group policy: at most 10 failovers in 6 hours, then the group stays failed. */
    static final int FAILOVER_THRESHOLD = 10;
    static final long FAILOVER_PERIOD_MS = 6 * 3_600_000L;

    private sealed interface Action permits Settle, UpgradeDone, JoinDone, NodeFault {}

    private record Settle(int group, String resource, ResourceState to, int generation) implements Action {}

    private record UpgradeDone(String node, Configuration to, int generation) implements Action {}

    private record JoinDone(String node, int generation) implements Action {}

    /** A fault scheduled by {@code fail node N after T}; not an operation, so settling does not wait for it. */
    private record NodeFault(String node) implements Action {}

    private record Timer(long at, long seq, Action action) {}

    private final UpgradeMatrix matrix;
    private final String name;
    private final Timings timings;
    private final List<Node> nodes;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<Group> groups;
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final Map<String, Integer> resourceGroup = new HashMap<>();
    private final Map<String, Boolean> wantOnline = new HashMap<>();
    private final Map<String, Integer> generation = new HashMap<>();
    private final Map<String, Integer> nodeGeneration = new HashMap<>();
    private final Map<Integer, String> pendingOwner = new HashMap<>();
    private final Map<Integer, String> moveReason = new HashMap<>();
    /** Failures of each resource: past the restart policy, the resource is not restarted but its group fails over. */
    private final PolicyWindow<String> failures = new PolicyWindow<>(RESTART_THRESHOLD, RESTART_PERIOD_MS);
    /** Failovers of each group (by index): past the failover policy, the group stays failed. */
    private final PolicyWindow<Integer> failovers = new PolicyWindow<>(FAILOVER_THRESHOLD, FAILOVER_PERIOD_MS);
    private final Set<Integer> stranded = new HashSet<>();
    private final Map<String, Integer> armedResourceFailures = new HashMap<>();
    private final Set<String> armedUpgradeFailures = new LinkedHashSet<>();
    private final Set<String> armedJoinRefusals = new LinkedHashSet<>();
    private final Set<String> upgrading = new HashSet<>();
    private final Map<String, long[]> upgradeWindow = new HashMap<>();
    private final PriorityQueue<Timer> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final List<Event> events = new ArrayList<>();
    private final Downtime downtime = new Downtime();
    private final Map<String, Boolean> originalFailback = new HashMap<>();
    private Cluster snapshot;
    private long seq;
    private int operationsPending;
    private long now;
    private boolean preflightAcknowledged;
    private long eventCount;

    public Rehearsal(UpgradeMatrix matrix, Cluster cluster) {
        this.matrix = matrix;
        this.name = cluster.name();
        this.timings = cluster.timings();
        this.nodes = new ArrayList<>(cluster.nodes());
        this.groups = new ArrayList<>(cluster.groups());
        for (int i = 0; i < nodes.size(); i++) nodeIndex.put(nodes.get(i).name(), i);
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            groupIndex.put(g.name(), i);
            for (Resource r : g.resources()) {
                resourceGroup.put(r.name(), i);
                wantOnline.put(r.name(), r.state() == ResourceState.ONLINE || r.state() == ResourceState.ONLINE_PENDING);
            }
            if (g.hasIis()) downtime.register(g.name(), available(g));
        }
        for (int i = 0; i < groups.size(); i++) checkInvariants(i);
    }

    // ---------------------------------------------------------------- queries

    public long now() {
        return now;
    }

    public UpgradeMatrix matrix() {
        return matrix;
    }

    /** A snapshot, shared until the next change: front ends read it many times a frame. */
    public Cluster cluster() {
        Cluster c = snapshot;
        if (c == null) snapshot = c = new Cluster(name, nodes, groups, timings);
        return c;
    }

    public Optional<Node> node(String n) {
        Integer i = nodeIndex.get(n);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    public Optional<Group> group(String g) {
        Integer i = groupIndex.get(g);
        return i == null ? Optional.empty() : Optional.of(groups.get(i));
    }

    public Downtime downtime() {
        return downtime;
    }

    public boolean preflightAcknowledged() {
        return preflightAcknowledged;
    }

    /** Operations (pending transitions, upgrades, joins) still under way. */
    public boolean busy() {
        return operationsPending > 0;
    }

    /** Time of the next timer of any kind, or -1. */
    public long nextEventTime() {
        Timer t = queue.peek();
        return t == null ? -1 : t.at;
    }

    /** Events since the last call, oldest first. */
    public List<Event> drainEvents() {
        List<Event> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public long eventCount() {
        return eventCount;
    }

    public boolean isUpgrading(String node) {
        return upgrading.contains(node);
    }

    /** How far an upgrade under way has got, 0..1; empty when the node is not being upgraded. */
    public java.util.OptionalDouble upgradeProgress(String node) {
        long[] w = upgradeWindow.get(node);
        if (w == null || !upgrading.contains(node)) return java.util.OptionalDouble.empty();
        return java.util.OptionalDouble.of(w[1] == w[0] ? 1.0 : Math.min(1.0, (double) (now - w[0]) / (w[1] - w[0])));
    }

    /** Whether the move of a group is under way, and where to. */
    public Optional<String> movingTo(String group) {
        Integer i = groupIndex.get(group);
        return i == null ? Optional.empty() : Optional.ofNullable(pendingOwner.get(i));
    }

    /** The configuration a plan starts from: the common one, or the older end of a cluster mid-upgrade. */
    public Configuration presentConfiguration() {
        Configuration first = nodes.get(0).config();
        for (Node n : nodes) {
            Configuration c = n.config();
            if (!c.equals(first) && matrix.direct(c, first).isPresent()) return c;
        }
        return first;
    }

    // ---------------------------------------------------------------- the clock

    /** Runs every timer due up to {@code time} and moves the clock there. */
    public void advanceTo(long time) {
        if (time < now) throw new InvariantViolation("the clock would go back from " + now + " to " + time);
        while (!queue.isEmpty() && queue.peek().at <= time) {
            Timer t = queue.poll();
            if (t.at < now) throw new InvariantViolation("a timer at " + t.at + " fired after " + now);
            now = t.at;
            if (!(t.action instanceof NodeFault)) operationsPending--;
            fire(t.action);
        }
        now = time;
    }

    /** Runs until no operation is under way: what an operator waiting on {@code /wait} sees. */
    public void settle() {
        long guard = 0;
        while (busy()) {
            advanceTo(queue.peek().at);
            if (++guard > 50_000_000L) throw new InvariantViolation("the simulation does not settle");
        }
    }

    private void schedule(long delay, Action a) {
        queue.add(new Timer(now + delay, seq++, a));
        if (!(a instanceof NodeFault)) operationsPending++;
    }

    // ---------------------------------------------------------------- commands

    /** Applies one state-changing command; refusals change nothing. */
    public Outcome execute(Command c) {
        if (c instanceof Command.Move m) return move(m.group(), m.node(), "moved");
        if (c instanceof Command.MoveAll m) return moveAll(m.fromNode(), m.toNode());
        if (c instanceof Command.Upgrade u) return upgrade(u.node(), u.config());
        if (c instanceof Command.Pause p) return pause(p.node());
        if (c instanceof Command.Resume r) return resume(r.node());
        if (c instanceof Command.Restore r) return restore(r.node());
        if (c instanceof Command.Online on) return setOnline(on.scope(), on.name(), true);
        if (c instanceof Command.Offline off) return setOnline(off.scope(), off.name(), false);
        if (c instanceof Command.Owners ow) return owners(ow.resource(), ow.nodes());
        if (c instanceof Command.AckPreflight) return ackPreflight();
        if (c instanceof Command.FailNode f) return failNodeCommand(f.node(), f.afterMs());
        if (c instanceof Command.FailUpgrade f) return armNode(f.node(), armedUpgradeFailures, "the next upgrade of %s will fail");
        if (c instanceof Command.FailJoin f) {
            return armNode(f.node(), armedJoinRefusals, "the next join of %s will be refused (event 1071, error 5075)");
        }
        if (c instanceof Command.FailResource f) return failResourceCommand(f.resource(), f.times());
        return Outcome.refused("'" + c.text() + "' is not a cluster operation");
    }

    private Outcome move(String groupName, String nodeName, String why) {
        Integer gi = groupIndex.get(groupName);
        if (gi == null) return Outcome.refused("no group named '" + groupName + "'; groups: " + names(groups.stream().map(Group::name).toList()));
        Optional<String> reason = cannotMove(gi, nodeName);
        if (reason.isPresent()) return Outcome.refused(reason.get());
        startMove(gi, nodeName, why);
        return Outcome.accepted();
    }

    /** Why group {@code gi} cannot move to {@code nodeName} now, if it cannot. */
    private Optional<String> cannotMove(int gi, String nodeName) {
        Group g = groups.get(gi);
        Node target = node(nodeName).orElse(null);
        if (target == null) return Optional.of("no node named '" + nodeName + "'; nodes: " + names(nodes.stream().map(Node::name).toList()));
        if (pendingOwner.containsKey(gi)) {
            return Optional.of("group '" + g.name() + "' is already moving to " + pendingOwner.get(gi) + "; wait for it to finish");
        }
        if (g.owner().equals(target.name())) return Optional.of("group '" + g.name() + "' is already owned by " + target.name());
        if (!target.accepts()) {
            return Optional.of("cannot move '" + g.name() + "' to " + target.name() + ": the node is "
                    + target.state().label().toLowerCase() + " (a group moves only to a node that is up"
                    + (target.state() == NodeState.PAUSED ? "; resume " + target.name() + " first" : "") + ")");
        }
        List<String> refusing = g.resources().stream().filter(r -> !r.possibleOwners().contains(target.name()))
                .map(Resource::name).toList();
        if (!refusing.isEmpty()) {
            return Optional.of("cannot move '" + g.name() + "' to " + target.name() + ": it is not a possible owner of "
                    + names(refusing) + " (use 'owners' to change the possible owners)");
        }
        for (Resource r : g.resources()) {
            if (r.isIis() && wantOnline.get(r.name()) && !iisAllowedOn(r, target)) return Optional.of(iisRule(r, target));
        }
        return Optional.empty();
    }

    private void startMove(int gi, String target, String why) {
        pendingOwner.put(gi, target);
        moveReason.put(gi, why);
        drive(gi);
    }

    private Outcome moveAll(String from, String to) {
        if (node(from).isEmpty()) return Outcome.refused("no node named '" + from + "'; nodes: " + names(nodes.stream().map(Node::name).toList()));
        if (from.equals(to)) return Outcome.refused("cannot move groups from " + from + " to itself");
        List<Integer> owned = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) if (groups.get(i).owner().equals(from) && !pendingOwner.containsKey(i)) owned.add(i);
        if (owned.isEmpty()) {
            events(new Event.Notice(now, from + " owns no groups; nothing to move"));
            return Outcome.accepted(from + " owns no groups");
        }
        // All or nothing: an operator must not be left with half the groups moved.
        for (int gi : owned) {
            Optional<String> reason = cannotMove(gi, to);
            if (reason.isPresent()) return Outcome.refused(reason.get());
        }
        for (int gi : owned) startMove(gi, to, "moved");
        return Outcome.accepted();
    }

    private Outcome upgrade(String nodeName, String configText) {
        Node n = node(nodeName).orElse(null);
        if (n == null) return Outcome.refused("no node named '" + nodeName + "'; nodes: " + names(nodes.stream().map(Node::name).toList()));
        if (configText == null) return Outcome.refused("upgrade " + nodeName + " to what? say 'upgrade " + nodeName
                + " to CONFIG', or choose a target ('target \"IIS 5.0\"') and use 'step'");
        Configuration to;
        try {
            to = matrix.resolve(configText);
        } catch (UnknownConfigurationException e) {
            return Outcome.refused(e.getMessage());
        }
        if (upgrading.contains(nodeName)) return Outcome.refused(nodeName + " is already being upgraded");
        if (n.config().equals(to)) return Outcome.refused(nodeName + " is already at " + to.label());
        if (n.state() == NodeState.JOINING) {
            return Outcome.refused("cannot upgrade " + nodeName + ": it is joining; wait for the join to finish");
        }
        Optional<Upgrade> row = matrix.direct(n.config(), to);
        if (row.isEmpty()) {
            return Outcome.refused(n.config().label() + " -> " + to.label() + " is not a supported upgrade in the tables;"
                    + " 'target \"" + to.label() + "\"' plans a path through them");
        }
        Set<Configuration> after = new LinkedHashSet<>();
        for (Node other : nodes) after.add(other.name().equals(nodeName) ? to : other.config());
        if (after.size() > 2) {
            return Outcome.refused("upgrading " + nodeName + " would put the cluster at " + after.size()
                    + " configurations; finish the hop under way first");
        }
        if (!preflightAcknowledged) {
            return Outcome.refused("the pre-flight checklist is not acknowledged: backups taken, the service pack re-applied"
                    + " after IIS, the documentation of every clustered resource consulted, failback disabled;"
                    + " acknowledge it with 'ack preflight'");
        }
        boolean rolling = row.get().kind() == UpgradeKind.ROLLING;
        List<String> owned = groups.stream().filter(g -> g.owner().equals(nodeName)).map(Group::name).toList();
        if (rolling && !owned.isEmpty()) {
            String other = nodes.stream().map(Node::name).filter(x -> !x.equals(nodeName)).findFirst().orElse("another node");
            return Outcome.refused("rolling upgrade: " + nodeName + " still owns " + names(owned)
                    + "; move them first ('move all from " + quote(nodeName) + " to " + quote(other) + "')");
        }
        if (!rolling && after.size() == 2) {
            // Standard upgrade: every IIS resource removed, offline, or restricted to one configuration.
            for (Group g : groups) {
                for (Resource r : g.resources()) {
                    if (!r.isIis() || iisSafe(r, nodeName, to)) continue;
                    return Outcome.refused("standard upgrade " + n.config().label() + " -> " + to.label() + ": IIS resource '"
                            + r.name() + "' must first be taken offline ('offline resource " + quote(r.name())
                            + "'), removed, or restricted by possible owners to nodes of one configuration");
                }
            }
        }
        upgrading.add(nodeName);
        int gen = bumpNode(nodeName);
        nodeDown(nodeName, "upgrading to " + to.label(), "failed over (node shut down for upgrade)");
        schedule(timings.upgradeMs(), new UpgradeDone(nodeName, to, gen));
        upgradeWindow.put(nodeName, new long[] {now, now + timings.upgradeMs()});
        return Outcome.accepted();
    }

    /** Offline and wanted offline, or every possible owner at one configuration after the upgrade. */
    private boolean iisSafe(Resource r, String upgradedNode, Configuration to) {
        boolean offline = !wantOnline.get(r.name()) && (r.state() == ResourceState.OFFLINE || r.state() == ResourceState.FAILED);
        if (offline) return true;
        Set<Configuration> ownerConfigs = new HashSet<>();
        for (String o : r.possibleOwners()) ownerConfigs.add(o.equals(upgradedNode) ? to : node(o).get().config());
        return ownerConfigs.size() == 1;
    }

    private Outcome pause(String nodeName) {
        Node n = node(nodeName).orElse(null);
        if (n == null) return Outcome.refused("no node named '" + nodeName + "'");
        if (n.state() != NodeState.UP) return Outcome.refused("cannot pause " + nodeName + ": it is " + n.state().label().toLowerCase());
        setNode(nodeName, NodeState.PAUSED, "paused by the operator");
        return Outcome.accepted();
    }

    private Outcome resume(String nodeName) {
        Node n = node(nodeName).orElse(null);
        if (n == null) return Outcome.refused("no node named '" + nodeName + "'");
        if (n.state() != NodeState.PAUSED) return Outcome.refused("cannot resume " + nodeName + ": it is not paused but "
                + n.state().label().toLowerCase());
        setNode(nodeName, NodeState.UP, "resumed by the operator");
        driveAll();
        return Outcome.accepted();
    }

    private Outcome restore(String nodeName) {
        Node n = node(nodeName).orElse(null);
        if (n == null) return Outcome.refused("no node named '" + nodeName + "'");
        if (upgrading.contains(nodeName)) return Outcome.refused(nodeName + " is being upgraded; wait for the upgrade to end");
        if (n.state() != NodeState.DOWN) return Outcome.refused("cannot restore " + nodeName + ": it is "
                + n.state().label().toLowerCase() + ", not down");
        int gen = bumpNode(nodeName);
        setNode(nodeName, NodeState.JOINING, "restored at " + n.config().label());
        schedule(timings.joinMs(), new JoinDone(nodeName, gen));
        return Outcome.accepted();
    }

    private Outcome setOnline(Command.Scope scope, String target, boolean online) {
        Integer gi = scope != Command.Scope.RESOURCE ? groupIndex.get(target) : null;
        List<Resource> affected = new ArrayList<>();
        if (gi != null) {
            affected.addAll(groups.get(gi).resources());
        } else {
            gi = scope != Command.Scope.GROUP ? resourceGroup.get(target) : null;
            if (gi == null) {
                return Outcome.refused("no " + (scope == Command.Scope.GROUP ? "group" : scope == Command.Scope.RESOURCE
                        ? "resource" : "group or resource") + " named '" + target + "'");
            }
            Group g = groups.get(gi);
            Resource r = g.resource(target).get();
            closure(g, r, online, affected);
        }
        Group g = groups.get(gi);
        if (online) {
            Node owner = node(g.owner()).get();
            if (owner.state() == NodeState.DOWN || owner.state() == NodeState.JOINING) {
                return Outcome.refused("cannot bring '" + target + "' online: its owner " + owner.name() + " is "
                        + owner.state().label().toLowerCase() + "; move the group to a node that is up");
            }
            for (Resource r : affected) {
                if (!r.possibleOwners().contains(owner.name())) {
                    return Outcome.refused("cannot bring '" + r.name() + "' online on " + owner.name()
                            + ": the node is not one of its possible owners");
                }
                if (r.isIis() && !iisAllowedOn(r, owner)) return Outcome.refused(iisRule(r, owner));
            }
        }
        for (Resource r : affected) {
            wantOnline.put(r.name(), online);
            if (online) failures.reset(r.name()); // an operator's retry starts the restart count afresh
        }
        if (online) failovers.reset(gi);
        drive(gi);
        return Outcome.accepted();
    }

    /** Online needs the resource's dependencies; offline takes its dependents along. */
    private void closure(Group g, Resource r, boolean online, List<Resource> out) {
        if (out.contains(r)) return;
        out.add(r);
        if (online) {
            for (String d : r.dependsOn()) closure(g, g.resource(d).get(), true, out);
        } else {
            for (Resource other : g.resources()) if (other.dependsOn().contains(r.name())) closure(g, other, false, out);
        }
    }

    private Outcome owners(String resourceName, List<String> owners) {
        Integer gi = resourceGroup.get(resourceName);
        if (gi == null) return Outcome.refused("no resource named '" + resourceName + "'");
        for (String o : owners) if (node(o).isEmpty()) return Outcome.refused("no node named '" + o + "'; nodes: " + names(nodes.stream().map(Node::name).toList()));
        Group g = groups.get(gi);
        Resource r = g.resource(resourceName).get();
        if (r.state() != ResourceState.OFFLINE && r.state() != ResourceState.FAILED && !owners.contains(g.owner())) {
            return Outcome.refused("'" + resourceName + "' is " + r.state().label().toLowerCase() + " on " + g.owner()
                    + ", which the new list leaves out; take it offline or move the group first");
        }
        List<String> distinct = owners.stream().distinct().toList();
        groups.set(gi, g.withResource(r.withPossibleOwners(distinct)));
        snapshot = null;
        events(new Event.Notice(now, "possible owners of '" + resourceName + "' set to " + String.join(", ", distinct)));
        checkInvariants(gi);
        return Outcome.accepted();
    }

    private Outcome ackPreflight() {
        if (preflightAcknowledged) return Outcome.accepted("the pre-flight checklist was already acknowledged");
        preflightAcknowledged = true;
        events(new Event.Notice(now, "pre-flight checklist acknowledged: backups taken; service pack re-applied after IIS;"
                + " documentation of every clustered resource consulted; failback disabled for the run"));
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            originalFailback.put(g.name(), g.failback());
            if (g.failback()) {
                groups.set(i, g.withFailback(false));
                snapshot = null;
                events(new Event.Notice(now, "failback of group '" + g.name() + "' disabled for the run"));
            }
        }
        return Outcome.accepted();
    }

    /** The failback settings the pre-flight acknowledgement changed, for the runbook's restore step. */
    public Map<String, Boolean> originalFailback() {
        return Map.copyOf(originalFailback);
    }

    private Outcome failNodeCommand(String nodeName, long afterMs) {
        Node n = node(nodeName).orElse(null);
        if (n == null) return Outcome.refused("no node named '" + nodeName + "'");
        if (afterMs > 0) {
            schedule(afterMs, new NodeFault(nodeName));
            events(new Event.Notice(now, "fault armed: " + nodeName + " will fail at " + Clock.format(now + afterMs)));
            return Outcome.accepted();
        }
        if (n.state() == NodeState.DOWN) return Outcome.refused(nodeName + " is already down");
        failNode(nodeName);
        return Outcome.accepted();
    }

    private void failNode(String nodeName) {
        Node n = node(nodeName).get();
        if (n.state() == NodeState.DOWN) {
            events(new Event.Notice(now, "fault: " + nodeName + " was already down"));
            return;
        }
        events(new Event.Notice(now, "fault injected: node " + nodeName + " fails"));
        bumpNode(nodeName);
        upgrading.remove(nodeName);
        nodeDown(nodeName, "node failure", "failed over");
    }

    private Outcome armNode(String nodeName, Set<String> armed, String what) {
        if (node(nodeName).isEmpty()) return Outcome.refused("no node named '" + nodeName + "'");
        armed.add(nodeName);
        events(new Event.Notice(now, "fault armed: " + String.format(what, nodeName)));
        return Outcome.accepted();
    }

    private Outcome failResourceCommand(String resourceName, int times) {
        Integer gi = resourceGroup.get(resourceName);
        if (gi == null) return Outcome.refused("no resource named '" + resourceName + "'");
        Resource r = groups.get(gi).resource(resourceName).get();
        int left = times;
        events(new Event.Notice(now, "fault injected: resource '" + resourceName + "' fails"
                + (times > 1 ? " " + times + " times in a row" : "")));
        if (r.state() == ResourceState.ONLINE) {
            left--;
            failResource(gi, resourceName);
        }
        if (left > 0) armedResourceFailures.merge(resourceName, left, Integer::sum);
        drive(gi);
        return Outcome.accepted();
    }

    // ---------------------------------------------------------------- timers

    private void fire(Action a) {
        if (a instanceof Settle s) settled(s);
        else if (a instanceof UpgradeDone u) upgradeDone(u);
        else if (a instanceof JoinDone j) joinDone(j);
        else if (a instanceof NodeFault f) failNode(f.node());
    }

    private void settled(Settle s) {
        Group g = groups.get(s.group);
        Resource r = g.resource(s.resource).orElse(null);
        if (r == null || generation.getOrDefault(s.resource, 0) != s.generation) return; // cancelled by a failure
        if (s.to == ResourceState.ONLINE && armedResourceFailures.containsKey(s.resource)) {
            int left = armedResourceFailures.merge(s.resource, -1, Integer::sum);
            if (left <= 0) armedResourceFailures.remove(s.resource);
            failResource(s.group, s.resource);
        } else {
            setResource(s.group, s.resource, s.to);
        }
        drive(s.group);
    }

    private void upgradeDone(UpgradeDone u) {
        if (nodeGeneration.getOrDefault(u.node, 0) != u.generation) return;
        upgrading.remove(u.node);
        Node n = node(u.node).get();
        if (armedUpgradeFailures.remove(u.node)) {
            events(new Event.Notice(now, "fault: the upgrade of " + u.node + " to " + u.to.label() + " failed; " + u.node
                    + " stays down at " + n.config().label() + " (no-go: 'restore " + u.node + "' to bring it back, or"
                    + " 'upgrade " + u.node + " to " + quote(u.to.label()) + "' to retry)"));
            return;
        }
        String from = n.config().label();
        nodes.set(nodeIndex.get(u.node), n.withConfig(u.to));
        snapshot = null;
        events(new Event.NodeUpgraded(now, u.node, from, u.to.label()));
        int gen = bumpNode(u.node);
        setNode(u.node, NodeState.JOINING, "joining the cluster at " + u.to.label());
        schedule(timings.joinMs(), new JoinDone(u.node, gen));
    }

    private void joinDone(JoinDone j) {
        if (nodeGeneration.getOrDefault(j.node, 0) != j.generation) return;
        Node n = node(j.node).get();
        String incompatible = incompatibleJoin(n);
        if (armedJoinRefusals.remove(j.node) || incompatible != null) {
            setNode(j.node, NodeState.DOWN, "join refused: event 1071, error 5075 incompatible software versions"
                    + (incompatible == null ? " (injected fault)" : "; " + incompatible));
            return;
        }
        setNode(j.node, NodeState.UP, "joined the cluster");
        // Groups stranded on a node that is down come online here, as the surviving cluster service would.
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (node(g.owner()).get().state() == NodeState.DOWN && !pendingOwner.containsKey(i)
                    && g.resources().stream().anyMatch(r -> wantOnline.get(r.name()))) {
                failOver(i, "failed over (its node is down)");
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (g.failback() && !g.preferredOwners().isEmpty() && g.preferredOwners().get(0).equals(j.node)
                    && !g.owner().equals(j.node) && cannotMove(i, j.node).isEmpty()) {
                startMove(i, j.node, "failed back");
            }
        }
        driveAll();
    }

    /** A node more than one supported upgrade away from the others is refused on join. */
    private String incompatibleJoin(Node joining) {
        for (Node other : nodes) {
            if (other == joining || other.state() == NodeState.DOWN) continue;
            Configuration a = joining.config(), b = other.config();
            if (!a.equals(b) && matrix.direct(a, b).isEmpty() && matrix.direct(b, a).isEmpty()) {
                return joining.name() + " at " + a.label() + " and " + other.name() + " at " + b.label()
                        + " are not one supported upgrade apart";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the group driver

    /**
     * Starts whatever transitions group {@code gi} can start now, given what each resource
     * wants: a move drains the group (dependents first), changes owner, then brings wanted
     * resources online (dependencies first); otherwise resources follow their wanted state.
     */
    private void drive(int gi) {
        String target = pendingOwner.get(gi);
        if (target != null) {
            Group g = groups.get(gi);
            boolean quiet = true;
            for (Resource r : g.resources()) {
                if (r.state().pending()) quiet = false;
                else if (r.state() == ResourceState.ONLINE) {
                    quiet = false;
                    if (!dependentsActive(g, r)) startTransition(gi, r, ResourceState.OFFLINE_PENDING, ResourceState.OFFLINE,
                            timings.offline(r.type()));
                }
            }
            if (!quiet) return;
            pendingOwner.remove(gi);
            String why = moveReason.remove(gi);
            Node t = node(target).get();
            if (!t.accepts()) {
                events(new Event.Notice(now, "move of group '" + g.name() + "' to " + target + " abandoned: " + target + " is "
                        + t.state().label().toLowerCase()));
            } else {
                changeOwner(gi, target, why);
            }
        }
        Group g = groups.get(gi);
        Node owner = node(g.owner()).get();
        boolean hostUp = owner.state() == NodeState.UP || owner.state() == NodeState.PAUSED;
        boolean failover = false;
        for (Resource r : g.resources()) {
            boolean want = wantOnline.get(r.name());
            if (want && (r.state() == ResourceState.OFFLINE || r.state() == ResourceState.FAILED)) {
                if (r.state() == ResourceState.FAILED && failures.exceeded(r.name(), now)) {
                    failover = true;
                    continue;
                }
                if (hostUp && r.possibleOwners().contains(owner.name()) && dependenciesOnline(g, r)
                        && (!r.isIis() || iisAllowedOn(r, owner))) {
                    startTransition(gi, r, ResourceState.ONLINE_PENDING, ResourceState.ONLINE, timings.online(r.type()));
                }
            } else if (!want && r.state() == ResourceState.ONLINE && !dependentsActive(g, r)) {
                startTransition(gi, r, ResourceState.OFFLINE_PENDING, ResourceState.OFFLINE, timings.offline(r.type()));
            } else if (!want && r.state() == ResourceState.FAILED) {
                setResource(gi, r.name(), ResourceState.OFFLINE);
            }
        }
        if (failover && !pendingOwner.containsKey(gi)) {
            if (failovers.full(gi, now)) return; // failover threshold reached: the group stays failed
            failovers.record(gi, now);
            failOver(gi, "failed over (restart threshold reached)");
        }
    }

    private void driveAll() {
        for (int i = 0; i < groups.size(); i++) drive(i);
    }

    private void startTransition(int gi, Resource r, ResourceState pending, ResourceState end, long ms) {
        int gen = generation.merge(r.name(), 1, Integer::sum);
        setResource(gi, r.name(), pending);
        schedule(ms, new Settle(gi, r.name(), end, gen));
    }

    private boolean dependenciesOnline(Group g, Resource r) {
        for (String d : r.dependsOn()) if (g.resource(d).get().state() != ResourceState.ONLINE) return false;
        return true;
    }

    private boolean dependentsActive(Group g, Resource r) {
        for (Resource other : g.resources()) {
            if (other.dependsOn().contains(r.name())
                    && (other.state() == ResourceState.ONLINE || other.state().pending())) return true;
        }
        return false;
    }

    /** The resource fails: it and everything depending on it stop at once. */
    private void failResource(int gi, String resource) {
        failures.record(resource, now);
        generation.merge(resource, 1, Integer::sum);
        setResource(gi, resource, ResourceState.FAILED, false);
        stopDependents(gi, resource);
        checkInvariants(gi);
    }

    private void stopDependents(int gi, String resource) {
        Group g = groups.get(gi);
        for (Resource other : g.resources()) {
            if (other.dependsOn().contains(resource) && other.state() != ResourceState.OFFLINE && other.state() != ResourceState.FAILED) {
                generation.merge(other.name(), 1, Integer::sum);
                setResource(gi, other.name(), ResourceState.OFFLINE, false);
                stopDependents(gi, other.name());
            }
        }
    }

    /** Moves a group to the best other node that can take it, or leaves it where it is. */
    private void failOver(int gi, String why) {
        Group g = groups.get(gi);
        String to = failoverTarget(gi);
        if (to == null) {
            if (stranded.add(gi)) { // said once, until the group moves
                events(new Event.Notice(now, "group '" + g.name() + "' cannot fail over: no other node is up and a possible"
                        + " owner of all its resources; it stays on " + g.owner()));
            }
            return;
        }
        pendingOwner.put(gi, to);
        moveReason.put(gi, why);
        drive(gi);
    }

    /** Preferred owners first, in order, then the other nodes in cluster order. */
    private String failoverTarget(int gi) {
        Group g = groups.get(gi);
        List<String> order = new ArrayList<>(g.preferredOwners());
        for (Node n : nodes) if (!order.contains(n.name())) order.add(n.name());
        for (String candidate : order) {
            if (candidate.equals(g.owner())) continue;
            Node n = node(candidate).get();
            if (!n.accepts() || !g.canBeOwnedBy(candidate)) continue;
            boolean iisOk = true;
            for (Resource r : g.resources()) if (r.isIis() && wantOnline.get(r.name()) && !iisAllowedOn(r, n)) iisOk = false;
            if (iisOk) return candidate;
        }
        return null;
    }

    private void changeOwner(int gi, String to, String why) {
        Group g = groups.get(gi);
        String from = g.owner();
        groups.set(gi, g.withOwner(to));
        stranded.remove(gi);
        snapshot = null;
        for (Resource r : g.resources()) {
            failures.reset(r.name()); // a new node: the restart count starts afresh
            if (r.state() == ResourceState.FAILED) setResource(gi, r.name(), ResourceState.OFFLINE);
        }
        events(new Event.OwnerChanged(now, g.name(), from, to, why));
        checkInvariants(gi);
    }

    /** The node goes down: its resources stop at once and its groups fail over where they can. */
    private void nodeDown(String nodeName, String why, String failoverWhy) {
        setNode(nodeName, NodeState.DOWN, why);
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            if (!g.owner().equals(nodeName)) continue;
            for (Resource r : g.resources()) {
                if (r.state() != ResourceState.OFFLINE && r.state() != ResourceState.FAILED) {
                    generation.merge(r.name(), 1, Integer::sum);
                    setResource(gi, r.name(), ResourceState.OFFLINE, false);
                }
            }
            checkInvariants(gi);
            pendingOwner.remove(gi);
            moveReason.remove(gi);
            failOver(gi, failoverWhy);
            drive(gi);
        }
        // Moves heading for this node are abandoned as they finish draining.
        for (int gi = 0; gi < groups.size(); gi++) if (nodeName.equals(pendingOwner.get(gi))) drive(gi);
    }

    // ---------------------------------------------------------------- the IIS rule

    private boolean iisAllowedOn(Resource r, Node host) {
        return IisRule.allowedOn(r, host, mixedStandard(), n -> node(n).get());
    }

    private String iisRule(Resource r, Node host) {
        return IisRule.refusal(r, host);
    }

    /** Nodes at two configurations that only a standard upgrade joins. */
    public boolean mixedStandard() {
        return IisRule.mixedStandard(matrix, nodes);
    }

    // ---------------------------------------------------------------- state changes and checks

    private void setResource(int gi, String resource, ResourceState to) {
        setResource(gi, resource, to, true);
    }

    /** Without {@code check} the caller is mid-way through a change of several resources and checks at the end. */
    private void setResource(int gi, String resource, ResourceState to, boolean check) {
        Group g = groups.get(gi);
        Resource r = g.resource(resource).get();
        if (r.state() == to) return;
        Group changed = g.withResource(r.withState(to));
        groups.set(gi, changed);
        snapshot = null;
        events(new Event.ResourceChanged(now, g.name(), resource, g.owner(), r.state(), to));
        if (r.isIis()) downtime.update(g.name(), available(changed), now);
        if (check) checkInvariants(gi);
    }

    private static boolean available(Group g) {
        for (Resource r : g.resources()) if (r.isIis() && r.state() != ResourceState.ONLINE) return false;
        return true;
    }

    private void setNode(String nodeName, NodeState to, String why) {
        int i = nodeIndex.get(nodeName);
        Node n = nodes.get(i);
        if (n.state() == to) return;
        nodes.set(i, n.withState(to));
        snapshot = null;
        events(new Event.NodeChanged(now, nodeName, n.state(), to, why));
    }

    private int bumpNode(String nodeName) {
        return nodeGeneration.merge(nodeName, 1, Integer::sum);
    }

    private void events(Event e) {
        events.add(e);
        eventCount++;
    }

    /** The invariants of one group, checked after every change to it. */
    private void checkInvariants(int gi) {
        Group g = groups.get(gi);
        Invariants.check(g, node(g.owner()).orElse(null));
    }

    /** Checks every group; tests call it after random runs. */
    public void checkAllInvariants() {
        for (int i = 0; i < groups.size(); i++) checkInvariants(i);
    }

    static String names(List<String> list) {
        return list.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    }

    static String quote(String s) {
        return rehearse.plan.HopSteps.quote(s);
    }
}
