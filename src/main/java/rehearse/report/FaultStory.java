package rehearse.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import rehearse.command.Command;
import rehearse.model.ResourceState;
import rehearse.session.Session;
import rehearse.session.Timeline;
import rehearse.sim.Event;

/**
 * One injected fault and only what it caused: from the moment it landed (a node failing, an
 * upgrade failing, a join refused, a resource failing) to the moment the rehearsal recovered from
 * it (every group holding IIS online, and the fault's node no longer down), or to the next fault's
 * landing, whichever comes first. The outage it cost is read off the {@link Timeline}. The
 * stories come in the order the faults landed.
 *
 * @param injectedBy the command that armed or injected it
 * @param landed when it happened, empty if it never did (an upgrade that was never tried)
 * @param consequences the notable events from its landing up to its end, the next fault's excluded
 * @param operator the commands given from its landing up to its recovery
 * @param recovered when the rehearsal was whole again, empty if it was not before its end
 * @param cutByNext whether the next fault landed before it was recovered from
 * @param failedOver whether the cluster moved groups by itself (failover) in its course
 * @param outageMs the wall-clock time during which a group holding IIS was down, from its landing to its end
 */
record FaultStory(Session.Result injectedBy, Event.Fault fault, OptionalLong landed, List<Event> consequences,
        List<Session.Result> operator, OptionalLong recovered, boolean cutByNext, boolean failedOver, long outageMs) {

    static List<FaultStory> of(Session s, Timeline t) {
        List<Event> all = s.events();
        IdentityHashMap<Event, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) index.put(all.get(i), i);
        record Armed(Session.Result by, Event.Fault fault, int from) {}
        List<Armed> armed = new ArrayList<>();
        for (Session.Result r : s.history()) {
            if (!isFault(r.command()) || r.outcome().refused()) continue;
            for (Event e : r.events()) {
                Event.Fault f = e instanceof Event.FaultArmed a ? a.fault() : e instanceof Event.FaultInjected fi ? fi.fault() : null;
                if (f == null) continue;
                // Only the current branch's faults: one a rewind undid has no events in the rehearsal as it stands.
                Integer at = index.get(e);
                if (at != null) armed.add(new Armed(r, f, at));
                break;
            }
        }
        int[] landing = new int[armed.size()];
        for (int k = 0; k < armed.size(); k++) landing[k] = landingIndex(all, armed.get(k).fault(), armed.get(k).from());
        List<FaultStory> out = new ArrayList<>();
        for (int k = 0; k < armed.size(); k++) {
            Armed a = armed.get(k);
            if (landing[k] < 0) {
                out.add(new FaultStory(a.by(), a.fault(), OptionalLong.empty(), List.of(), List.of(), OptionalLong.empty(), false, false, 0));
                continue;
            }
            int next = all.size();
            for (int j = 0; j < armed.size(); j++) if (j != k && landing[j] > landing[k] && landing[j] < next) next = landing[j];
            long from = all.get(landing[k]).time();
            long bound = next < all.size() ? all.get(next).time() : t.end();
            List<Timeline.Row> affected = t.groups().stream().filter(r -> r.at(from) != Timeline.Phase.ONLINE).toList();
            OptionalLong recovered = recovery(t, affected, a.fault(), from, bound);
            long until = recovered.orElse(bound);
            List<Event> consequences = new ArrayList<>();
            boolean failedOver = false;
            for (int i = landing[k]; i < next && all.get(i).time() <= until; i++) {
                Event e = all.get(i);
                if (notable(e, i == landing[k])) consequences.add(e);
                if (e instanceof Event.OwnerChanged o && o.cause() != Event.MoveCause.OPERATOR) failedOver = true;
            }
            List<Session.Result> operator = new ArrayList<>();
            for (Session.Result r : s.history()) {
                if (r.time() >= from && r.time() < until && acts(r.command()) && !r.outcome().refused()) operator.add(r);
            }
            boolean cut = recovered.isEmpty() && next < all.size();
            out.add(new FaultStory(a.by(), a.fault(), OptionalLong.of(from), consequences, operator, recovered, cut, failedOver,
                    outage(affected, from, until)));
        }
        // In the order they happened (a fault armed first may land last); those that never landed after them, as armed.
        out.sort(java.util.Comparator.comparingLong(f -> f.landed().orElse(Long.MAX_VALUE)));
        return out;
    }

    static boolean isFault(Command c) {
        return c instanceof Command.FailNode || c instanceof Command.FailUpgrade || c instanceof Command.FailJoin
                || c instanceof Command.FailResource;
    }

    /** A command that changes the cluster or runs the plan: what an operator does to recover. */
    private static boolean acts(Command c) {
        return !(c instanceof Command.Expect || c instanceof Command.ShowPlan || c instanceof Command.Status || c instanceof Command.Help
                || c instanceof Command.Target || c instanceof Command.Wait || isFault(c));
    }

    /** The index of the event that shows the fault landing, at or after {@code from}, or -1. */
    private static int landingIndex(List<Event> all, Event.Fault f, int from) {
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

    private static Optional<String> node(Event.Fault f) {
        if (f instanceof Event.NodeFails n) return Optional.of(n.node());
        if (f instanceof Event.UpgradeFails u) return Optional.of(u.node());
        if (f instanceof Event.JoinIsRefused j) return Optional.of(j.node());
        return Optional.empty();
    }

    /**
     * The first moment in [from, bound] at which every group holding IIS the fault took down (those
     * not online as it landed) is online again and the fault's node is not down.
     */
    private static OptionalLong recovery(Timeline t, List<Timeline.Row> affected, Event.Fault f, long from, long bound) {
        Optional<Timeline.Row> node = node(f).flatMap(n -> t.nodes().stream().filter(r -> r.name().equals(n)).findFirst());
        TreeSet<Long> times = new TreeSet<>();
        times.add(from);
        for (Timeline.Row r : affected) for (Timeline.Span sp : r.spans()) times.add(sp.from());
        node.ifPresent(r -> r.spans().forEach(sp -> times.add(sp.from())));
        // The next fault's landing belongs to it: judged up to, not at, that moment; the end of the rehearsal is judged too.
        for (long at : times.subSet(from, true, bound, bound >= t.end())) {
            boolean whole = affected.stream().allMatch(r -> r.at(at) == Timeline.Phase.ONLINE)
                    && node.map(r -> r.at(at) != Timeline.Phase.DOWN).orElse(true);
            if (whole) return OptionalLong.of(at);
        }
        return OptionalLong.empty();
    }

    /** Wall-clock time in [from, until) during which at least one of the groups was not online. */
    static long outage(List<Timeline.Row> groups, long from, long until) {
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(until);
        for (Timeline.Row r : groups) {
            for (Timeline.Span sp : r.spans()) {
                if (sp.from() > from && sp.from() < until) cuts.add(sp.from());
            }
        }
        long total = 0;
        Long previous = null;
        for (long c : cuts) {
            if (previous != null) {
                long at = previous;
                if (groups.stream().anyMatch(r -> r.at(at) != Timeline.Phase.ONLINE)) total += c - previous;
            }
            previous = c;
        }
        return total;
    }

    /**
     * What the fault caused, not what the operator or the plan did meanwhile: failures, failovers,
     * the cluster lost and formed, nodes failing, refused or coming back by themselves; not every
     * resource going offline or online, nor a pause, resume, move, upgrade or setting change.
     */
    private static boolean notable(Event e, boolean first) {
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
