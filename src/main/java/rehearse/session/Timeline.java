package rehearse.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rehearse.matrix.Configuration;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.sim.Event;
import rehearse.sim.State;

/**
 * The rehearsal as a picture over simulated time: for each group holding IIS, when its IIS was
 * online, pending or down (down and pending together are the group's downtime, as the simulator
 * counts it); for each node, when it was up, paused, upgrading, joining or down; and the node
 * upgrades. Folded from the events, so the UI's timeline pane and the reports draw one story.
 */
public record Timeline(long end, List<Row> groups, List<Row> nodes, List<Upgrade> upgrades) {
    /** What a row shows in one span. Groups: ONLINE, PENDING, DOWN; nodes: the rest and DOWN. */
    public enum Phase { ONLINE, PENDING, DOWN, UP, PAUSED, UPGRADING, JOINING }

    /** {@code [from, to)} in ms of simulated time. */
    public record Span(long from, long to, Phase phase) {
        public long length() {
            return to - from;
        }
    }

    public record Row(String name, List<Span> spans) {
        public Row {
            spans = List.copyOf(spans);
        }

        /** The phase at {@code time} (the last span's at or after the end; the first's before the start). */
        public Phase at(long time) {
            for (Span s : spans) if (time < s.to()) return s.phase();
            return spans.get(spans.size() - 1).phase();
        }

        /** Time spent in any of the phases. */
        public long timeIn(Phase... phases) {
            long t = 0;
            for (Span s : spans) for (Phase p : phases) if (s.phase() == p) t += s.length();
            return t;
        }
    }

    /** A node finished its upgrade at {@code at}. */
    public record Upgrade(long at, String node, Configuration from, Configuration to) {}

    public Timeline {
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        upgrades = List.copyOf(upgrades);
    }

    /** The session's rehearsal so far, up to its clock. */
    public static Timeline of(Session s) {
        return of(s.start(), s.events(), s.state().clock());
    }

    /** The rehearsal that began at {@code start} and went through {@code events}, drawn up to {@code end}. */
    public static Timeline of(State start, List<Event> events, long end) {
        Fold f = new Fold(start);
        for (Event e : events) f.accept(e);
        return f.close(Math.max(end, start.clock()));
    }

    /** The running fold: each row's open span, and the counts that decide a group's phase. */
    private static final class Fold {
        private final Map<String, Open> groups = new LinkedHashMap<>();
        private final Map<String, Open> nodes = new LinkedHashMap<>();
        private final Map<String, String> groupOfIis = new HashMap<>();
        private final Map<String, ResourceState> iisState = new HashMap<>();
        private final Map<String, int[]> counts = new HashMap<>(); // group -> {not online, pending}
        private final List<Upgrade> upgrades = new ArrayList<>();

        Fold(State start) {
            long t = start.clock();
            for (Group g : start.cluster().groups()) {
                if (!g.hasIis()) continue;
                int[] c = new int[2];
                for (Resource r : g.resources()) {
                    if (!r.isIis()) continue;
                    groupOfIis.put(r.name(), g.name());
                    iisState.put(r.name(), r.state());
                    count(c, r.state(), 1);
                }
                counts.put(g.name(), c);
                groups.put(g.name(), new Open(t, groupPhase(c)));
            }
            for (Node n : start.cluster().nodes()) {
                nodes.put(n.name(), new Open(t, nodePhase(n.state(), start.downCause(n.name()).orElse(null))));
            }
        }

        void accept(Event e) {
            if (e instanceof Event.ResourceChanged r) {
                String g = groupOfIis.get(r.resource());
                if (g == null) return;
                int[] c = counts.get(g);
                count(c, iisState.put(r.resource(), r.to()), -1);
                count(c, r.to(), 1);
                groups.get(g).to(r.time(), groupPhase(c));
            } else if (e instanceof Event.NodeChanged n) {
                Open o = nodes.get(n.node());
                if (o != null) o.to(n.time(), nodePhase(n.to(), n.cause()));
            } else if (e instanceof Event.UpgradeFailed u) {
                Open o = nodes.get(u.node());
                if (o != null) o.to(u.time(), Phase.DOWN); // stays down, at its old configuration
            } else if (e instanceof Event.NodeUpgraded u) {
                upgrades.add(new Upgrade(u.time(), u.node(), u.from(), u.to()));
            }
        }

        Timeline close(long end) {
            return new Timeline(end, rows(groups, end), rows(nodes, end), upgrades);
        }

        private static List<Row> rows(Map<String, Open> open, long end) {
            List<Row> out = new ArrayList<>();
            for (Map.Entry<String, Open> e : open.entrySet()) out.add(new Row(e.getKey(), e.getValue().close(end)));
            return out;
        }

        private static void count(int[] c, ResourceState s, int by) {
            if (s != ResourceState.ONLINE) c[0] += by;
            if (s.pending()) c[1] += by;
        }

        private static Phase groupPhase(int[] c) {
            if (c[0] == 0) return Phase.ONLINE;
            return c[1] > 0 ? Phase.PENDING : Phase.DOWN;
        }

        private static Phase nodePhase(NodeState s, Event.NodeCause cause) {
            if (s == NodeState.UP) return Phase.UP;
            if (s == NodeState.PAUSED) return Phase.PAUSED;
            if (s == NodeState.JOINING) return Phase.JOINING;
            return cause == Event.NodeCause.UPGRADE_STARTED ? Phase.UPGRADING : Phase.DOWN;
        }
    }

    /** One row's spans so far and the phase it is in since {@code since}. */
    private static final class Open {
        private final List<Span> spans = new ArrayList<>();
        private long since;
        private Phase phase;

        Open(long since, Phase phase) {
            this.since = since;
            this.phase = phase;
        }

        void to(long time, Phase next) {
            if (next == phase) return;
            if (time > since) spans.add(new Span(since, time, phase));
            since = time;
            phase = next;
        }

        List<Span> close(long end) {
            List<Span> out = new ArrayList<>(spans);
            out.add(new Span(since, Math.max(since, end), phase));
            return merged(out);
        }

        /** Adjacent spans in one phase become one (a phase left and taken again at one instant). */
        private static List<Span> merged(List<Span> in) {
            List<Span> out = new ArrayList<>();
            for (Span s : in) {
                Span last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.phase() == s.phase() && last.to() == s.from()) out.set(out.size() - 1, new Span(last.from(), s.to(), s.phase()));
                else out.add(s);
            }
            return out;
        }
    }
}
