package rehearse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import rehearse.command.Command;
import rehearse.session.Session;
import rehearse.session.Timeline;
import rehearse.sim.Event;

/**
 * One injected fault and only what it caused: from the moment it landed (a node failing, an
 * upgrade failing, a join refused, a resource failing) to the moment the rehearsal recovered from
 * it (the groups holding IIS it took down online again, and its node no longer down), or to the
 * end of the rehearsal. Faults may overlap: one landing before another was recovered from. Each
 * event and each operator command in an overlap goes to one fault, the one it concerns (its
 * resource, its node, a group it took down), else the earliest still open; the outage a group's
 * downtime costs is counted once, for the earliest fault that took it down. The stories are in
 * the order the faults landed (those that never did last, in the order they were armed).
 *
 * @param injectedBy the command that armed or injected it
 * @param landed when it happened, empty if it never did (an upgrade that was never tried)
 * @param consequences the notable events it caused, from its landing up to its recovery
 * @param operator the commands given after its landing up to its recovery that went to it
 * @param recovered when the rehearsal was whole again, empty if it was not before its end
 * @param overlapped the commands of the faults that landed before and were still open when it landed
 * @param failedOver whether the cluster moved groups by itself (failover) in its course
 * @param outageMs the wall-clock time during which a group holding IIS it took down was down, from its landing to its end
 */
record FaultStory(Session.Result injectedBy, Event.Fault fault, OptionalLong landed, List<Event> consequences,
        List<Session.Result> operator, OptionalLong recovered, List<Session.Result> overlapped, boolean failedOver, long outageMs) {

    /** A fault as armed, where it landed (an event index, -1 if never), and once landed what it took down and until when. */
    private record Open(Session.Result by, Event.Fault fault, int landing, long from, Set<String> affected, OptionalLong recovered,
            long until) {
        boolean openAt(int index, long time) {
            return landing >= 0 && landing <= index && time <= until;
        }
    }

    static List<FaultStory> of(Session s, Timeline t) {
        List<Event> all = s.events();
        IdentityHashMap<Event, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) index.put(all.get(i), i);
        List<Open> armed = new ArrayList<>();
        for (Session.Result r : s.history()) {
            if (!rehearse.command.Commands.isFault(r.command()) || r.outcome().refused()) continue;
            for (Event e : r.events()) {
                Event.Fault f = e instanceof Event.FaultArmed a ? a.fault() : e instanceof Event.FaultInjected fi ? fi.fault() : null;
                if (f == null) continue;
                // Only the current branch's faults: one a rewind undid has no events in the rehearsal as it stands.
                Integer at = index.get(e);
                if (at != null) {
                    int landing = FaultLanding.index(all, f, at);
                    armed.add(new Open(r, f, landing, landing < 0 ? -1 : all.get(landing).time(), Set.of(), OptionalLong.empty(), -1));
                }
                break;
            }
        }
        // Landed order; the sort is stable, so those that never landed stay in the order they were armed.
        armed.sort(Comparator.comparingInt((Open o) -> o.landing() < 0 ? Integer.MAX_VALUE : o.landing()));
        List<Open> faults = new ArrayList<>();
        for (Open o : armed) faults.add(o.landing() < 0 ? o : settle(o, faults, all, t));
        List<FaultStory> out = new ArrayList<>();
        for (Open o : faults) out.add(story(o, faults, all, s.history(), index, t));
        return out;
    }

    /** The groups it took down (not those an earlier fault still open had), and when the rehearsal was whole again. */
    private static Open settle(Open o, List<Open> earlier, List<Event> all, Timeline t) {
        long from = o.from();
        Set<String> affected = new LinkedHashSet<>();
        for (Timeline.Row r : t.groups()) {
            boolean tookDown = r.at(from) != Timeline.Phase.ONLINE && r.at(from - 1) == Timeline.Phase.ONLINE;
            if (tookDown && earlier.stream().noneMatch(e -> e.openAt(o.landing(), from) && e.affected().contains(r.name()))) {
                affected.add(r.name());
            }
        }
        // A failing resource's group is its to recover, even one already down: the resource fails when it next comes online.
        FaultLanding.resourceGroup(all, o.fault(), o.landing()).ifPresent(affected::add);
        List<Timeline.Row> rows = t.groups().stream().filter(r -> affected.contains(r.name())).toList();
        OptionalLong recovered = recovery(t, rows, o.fault(), from);
        return new Open(o.by(), o.fault(), o.landing(), from, affected, recovered, recovered.orElse(t.end()));
    }

    private static FaultStory story(Open o, List<Open> faults, List<Event> all, List<Session.Result> history,
            IdentityHashMap<Event, Integer> index, Timeline t) {
        if (o.landing() < 0) {
            return new FaultStory(o.by(), o.fault(), OptionalLong.empty(), List.of(), List.of(), OptionalLong.empty(), List.of(), false, 0);
        }
        List<Event> consequences = new ArrayList<>();
        boolean failedOver = false;
        for (int i = o.landing(); i < all.size() && all.get(i).time() <= o.until(); i++) {
            Event e = all.get(i);
            if (!FaultLanding.notable(e, i == o.landing())) continue;
            if (i != o.landing() && owner(faults, i, e.time(), FaultLanding.subject(e)) != o.landing()) continue;
            consequences.add(e);
            if (e instanceof Event.OwnerChanged oc && oc.cause() != Event.MoveCause.OPERATOR) failedOver = true;
        }
        // The operator's commands: those given after the one during which it landed, up to its recovery.
        int landedIn = -1;
        for (int k = 0; k < history.size() && landedIn < 0; k++) {
            for (Event e : history.get(k).events()) if (index.get(e) != null && index.get(e) == o.landing()) landedIn = k;
        }
        List<Session.Result> operator = new ArrayList<>();
        for (int k = landedIn + 1; k < history.size(); k++) {
            Session.Result r = history.get(k);
            if (r.time() > o.until() || (o.recovered().isPresent() && r.time() >= o.until())) break;
            if (!acts(r.command()) || r.outcome().refused()) continue;
            int at = r.events().isEmpty() ? Integer.MAX_VALUE : index.getOrDefault(r.events().get(0), Integer.MAX_VALUE);
            if (owner(faults, Math.min(at, all.size()), r.time(), FaultLanding.subject(r.command())) == o.landing()) operator.add(r);
        }
        List<Session.Result> overlapped = faults.stream().filter(e -> e.landing() >= 0 && e.landing() < o.landing()
                && e.openAt(o.landing(), o.from())).map(Open::by).toList();
        return new FaultStory(o.by(), o.fault(), OptionalLong.of(o.from()), consequences, operator, o.recovered(), overlapped, failedOver,
                outage(o, faults, t));
    }

    /**
     * The landing of the open fault an event or command at {@code index} and {@code time} concerns: the one whose
     * resource, node, or a group it took down, it names (in that order), else the earliest open.
     */
    private static int owner(List<Open> faults, int index, long time, FaultLanding.Subject subject) {
        List<Open> open = faults.stream().filter(f -> f.openAt(index, time)).toList();
        if (open.isEmpty()) return -1;
        for (int strength = 3; strength > 0; strength--) {
            for (Open f : open) if (FaultLanding.match(f.fault(), f.affected(), subject) == strength) return f.landing();
        }
        return open.get(0).landing();
    }

    /** A command that changes the cluster or runs the plan: what an operator does to recover. */
    private static boolean acts(Command c) {
        return !(c instanceof Command.Expect || c instanceof Command.ShowPlan || c instanceof Command.Status || c instanceof Command.Help
                || c instanceof Command.Target || c instanceof Command.Wait || rehearse.command.Commands.isFault(c));
    }

    /**
     * The first moment at or after {@code from} at which every one of the groups is online again
     * and the fault's node is not down, the end of the rehearsal included.
     */
    private static OptionalLong recovery(Timeline t, List<Timeline.Row> affected, Event.Fault f, long from) {
        Optional<Timeline.Row> node = FaultLanding.node(f).flatMap(n -> t.nodes().stream().filter(r -> r.name().equals(n)).findFirst());
        TreeSet<Long> times = new TreeSet<>();
        times.add(from);
        for (Timeline.Row r : affected) for (Timeline.Span sp : r.spans()) times.add(sp.from());
        node.ifPresent(r -> r.spans().forEach(sp -> times.add(sp.from())));
        for (long at : times.subSet(from, true, t.end(), true)) {
            boolean whole = affected.stream().allMatch(r -> r.at(at) == Timeline.Phase.ONLINE)
                    && node.map(r -> r.at(at) != Timeline.Phase.DOWN).orElse(true);
            if (whole) return OptionalLong.of(at);
        }
        return OptionalLong.empty();
    }

    /**
     * Wall-clock time in [from, until) during which at least one group the fault took down was not
     * online, less the moments an earlier fault still open had that group down (counted there).
     */
    private static long outage(Open o, List<Open> faults, Timeline t) {
        List<Timeline.Row> rows = t.groups().stream().filter(r -> o.affected().contains(r.name())).toList();
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(o.from());
        cuts.add(o.until());
        for (Timeline.Row r : rows) for (Timeline.Span sp : r.spans()) if (sp.from() > o.from() && sp.from() < o.until()) cuts.add(sp.from());
        for (Open f : faults) if (f.until() > o.from() && f.until() < o.until()) cuts.add(f.until());
        long total = 0;
        Long previous = null;
        for (long c : cuts) {
            if (previous != null) {
                long at = previous;
                boolean down = rows.stream().anyMatch(r -> r.at(at) != Timeline.Phase.ONLINE && faults.stream().noneMatch(f -> f.landing() >= 0 && f.landing() < o.landing() && f.affected().contains(r.name()) && at < f.until()));
                if (down) total += c - previous;
            }
            previous = c;
        }
        return total;
    }
}
