package rehearse.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import rehearse.command.Command;
import rehearse.model.ResourceState;
import rehearse.sim.Event;

/** Where a fault lands among the events, and what an event or a command concerns: the attribution {@link FaultStory} makes. */
final class FaultLanding {
    private FaultLanding() {}

    /** What an event or a command names: a node, a group, a resource (each possibly absent). */
    record Subject(Optional<String> node, Optional<String> group, Optional<String> resource) {
        static final Subject NONE = new Subject(Optional.empty(), Optional.empty(), Optional.empty());

        static Subject node(String n) {
            return new Subject(Optional.of(n), Optional.empty(), Optional.empty());
        }

        static Subject group(String g) {
            return new Subject(Optional.empty(), Optional.of(g), Optional.empty());
        }
    }

    /** The index of the event that shows the fault landing, at or after {@code from}, or -1. */
    static int index(List<Event> all, Event.Fault f, int from) {
        for (int i = from; i < all.size(); i++) {
            Event e = all.get(i);
            if (e instanceof Event.FaultInjected fi && fi.fault().equals(f)) return i;
            if (f instanceof Event.NodeFails nf && e instanceof Event.FaultFoundNodeDown d && d.node().equals(nf.node())) return i;
            if (f instanceof Event.UpgradeFails uf && e instanceof Event.UpgradeFailed u && u.node().equals(uf.node())) return i;
            if (f instanceof Event.JoinIsRefused jf && e instanceof Event.JoinRefused j && j.node().equals(jf.node())
                    && j.reason() instanceof Event.InjectedRefusal) {
                return i;
            }
        }
        return -1;
    }

    /** The group holding a failing resource, read off its first change at or after the landing. */
    static Optional<String> resourceGroup(List<Event> all, Event.Fault f, int landing) {
        if (!(f instanceof Event.ResourceFails rf)) return Optional.empty();
        for (int i = landing; i < all.size(); i++) {
            if (all.get(i) instanceof Event.ResourceChanged rc && rc.resource().equals(rf.resource())) return Optional.of(rc.group());
        }
        return Optional.empty();
    }

    static Optional<String> node(Event.Fault f) {
        if (f instanceof Event.NodeFails n) return Optional.of(n.node());
        if (f instanceof Event.UpgradeFails u) return Optional.of(u.node());
        if (f instanceof Event.JoinIsRefused j) return Optional.of(j.node());
        return Optional.empty();
    }

    static Subject subject(Event e) {
        if (e instanceof Event.ResourceChanged rc) return new Subject(Optional.of(rc.node()), Optional.of(rc.group()), Optional.of(rc.resource()));
        if (e instanceof Event.NodeChanged n) return Subject.node(n.node());
        if (e instanceof Event.UpgradeFailed u) return Subject.node(u.node());
        if (e instanceof Event.JoinRefused j) return Subject.node(j.node());
        if (e instanceof Event.FaultFoundNodeDown d) return Subject.node(d.node());
        if (e instanceof Event.OwnerChanged o) return Subject.group(o.group());
        if (e instanceof Event.CannotFailOver c) return Subject.group(c.group());
        if (e instanceof Event.GroupStopped g) return Subject.group(g.group());
        if (e instanceof Event.MoveAbandoned m) return Subject.group(m.group());
        return Subject.NONE;
    }

    static Subject subject(Command c) {
        if (c instanceof Command.Move m) return new Subject(Optional.of(m.node()), Optional.of(m.group()), Optional.empty());
        if (c instanceof Command.MoveAll m) return Subject.node(m.fromNode());
        if (c instanceof Command.Upgrade u) return Subject.node(u.node());
        if (c instanceof Command.Pause p) return Subject.node(p.node());
        if (c instanceof Command.Resume r) return Subject.node(r.node());
        if (c instanceof Command.Restore r) return Subject.node(r.node());
        if (c instanceof Command.Failback f) return Subject.group(f.group());
        if (c instanceof Command.Online o) return named(o.scope(), o.name());
        if (c instanceof Command.Offline o) return named(o.scope(), o.name());
        if (c instanceof Command.Owners o) return resource(o.resource());
        if (c instanceof Command.Remove r) return resource(r.resource());
        if (c instanceof Command.Recreate r) return resource(r.resource());
        return Subject.NONE;
    }

    private static Subject resource(String r) {
        return new Subject(Optional.empty(), Optional.empty(), Optional.of(r));
    }

    private static Subject named(Command.Scope scope, String name) {
        return switch (scope) {
            case GROUP -> Subject.group(name);
            case RESOURCE -> resource(name);
            case EITHER -> new Subject(Optional.empty(), Optional.of(name), Optional.of(name));
        };
    }

    /** How closely a subject concerns a fault: 3 its resource, 2 its node, 1 a group it took down, 0 not at all. */
    static int match(Event.Fault f, Set<String> affected, Subject s) {
        if (f instanceof Event.ResourceFails rf && s.resource().filter(rf.resource()::equals).isPresent()) return 3;
        if (node(f).isPresent() && s.node().equals(node(f))) return 2;
        if (s.group().filter(affected::contains).isPresent()) return 1;
        return 0;
    }

    /**
     * What the fault caused, not what the operator or the plan did meanwhile: failures, failovers,
     * the cluster lost and formed, nodes failing, refused or coming back by themselves; not every
     * resource going offline or online, nor a pause, resume, move, upgrade or setting change.
     */
    static boolean notable(Event e, boolean first) {
        if (e instanceof Event.ResourceChanged rc) return rc.to() == ResourceState.FAILED;
        if (e instanceof Event.FaultArmed || e instanceof Event.FaultInjected) return first;
        if (e instanceof Event.OwnerChanged o) return o.cause() != Event.MoveCause.OPERATOR;
        if (e instanceof Event.NodeChanged n) {
            return switch (n.cause()) {
                case FAILED, UPGRADE_FAILED, JOIN_REFUSED, LOST_QUORUM, FORMED_CLUSTER, JOINED -> true;
                default -> false;
            };
        }
        return e instanceof Event.ClusterLost || e instanceof Event.ClusterFormed || e instanceof Event.GroupStopped
                || e instanceof Event.CannotFailOver || e instanceof Event.UpgradeFailed || e instanceof Event.JoinRefused
                || e instanceof Event.FaultFoundNodeDown || e instanceof Event.MoveAbandoned;
    }
}
