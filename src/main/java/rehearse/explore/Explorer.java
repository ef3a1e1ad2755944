package rehearse.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.model.Cluster;
import rehearse.model.Node;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.Target;
import rehearse.sim.Engine;
import rehearse.sim.InvariantViolation;
import rehearse.sim.Refusal;
import rehearse.sim.State;
import rehearse.text.Summary;

/**
 * Explores a plan: runs it once with no fault (the baseline), then injects every fault of the
 * command language at every point of the baseline where its outcome can differ, follows the
 * recovery policy after each, and gathers the outcomes. Scenarios branch from copies of the
 * baseline's states (values), so the baseline is run once; they run in parallel and are merged
 * in a fixed order, so the result is the same whatever the number of threads.
 */
public final class Explorer {
    /** Told how many scenarios are rehearsed of how many known so far; called from any thread. */
    public interface Progress {
        void done(int finished, int total);
    }

    /**
     * {@code windowMs} < 0: judge the outage against the baseline's own (what the plan promises).
     * {@code joins}: a point may take the outcome of an earlier point of its fault that came to the
     * same state ({@link Joins}); off, every point is rehearsed to its end (the property tests
     * compare the two).
     */
    public record Options(int threads, boolean doubleFaults, long windowMs, RecoveryPolicy policy, Progress progress, boolean joins) {
        public Options(int threads, boolean doubleFaults, long windowMs, RecoveryPolicy policy, Progress progress) {
            this(threads, doubleFaults, windowMs, policy, progress, true);
        }
    }

    /** How many of the worst scenarios are named. */
    static final int WORST = 10;

    /** One scenario to rehearse: from a rehearsal at a point, a fault, and the other points known to lead to the same run. */
    private record Task(Driver at, Fault fault, long afterMs, List<Injection> earlier, Injection injection, List<Injection> alsoAt,
            boolean record) {}

    /** A rehearsed task: the scenario, and where the run after the fault went (for a second fault). */
    private record Done(Task task, Scenario scenario, List<Driver.StepStart> after) {}

    private final RecoveryPolicy policy;
    private final long windowMs;
    private final List<Fault> faults;
    private final int threads;
    private final Progress progress;
    private final boolean joining;
    private final AtomicInteger finished = new AtomicInteger();
    /** Every end state once: thousands of scenarios end alike (the plan completed), each a map of the whole cluster. */
    private final java.util.concurrent.ConcurrentHashMap<Map<String, Object>, Map<String, Object>> ends = new java.util.concurrent.ConcurrentHashMap<>();
    /** The nodes and groups of the end states, each once. */
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> parts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every downtime map once. */
    private final java.util.concurrent.ConcurrentHashMap<Downtimes, Downtimes> downtimeMaps = new java.util.concurrent.ConcurrentHashMap<>();
    /** The IIS groups, in the cluster's order, and where each is in it. */
    private final List<String> groups;
    private final Map<String, Integer> groupIndex;
    private volatile int total;

    private Explorer(Options o, long windowMs, List<Fault> faults, List<String> groups) {
        this.groups = List.copyOf(groups);
        this.groupIndex = Downtimes.index(this.groups);
        this.policy = o.policy();
        this.windowMs = windowMs;
        this.faults = faults;
        this.threads = Math.max(1, o.threads());
        this.progress = o.progress();
        this.joining = o.joins();
    }

    public static Exploration explore(State start, Target target, Options o) {
        Driver base = new Driver(start, target, Commands.target(target.to().label()).text());
        // The pre-flight checklist is the operator's to sign, before the plan runs.
        if (!start.preflightAcknowledged()) base.apply(Commands.ackPreflight());
        base.recordSteps();
        Optional<Refusal> stop = base.run();
        State end = base.state();
        Exploration.Baseline baseline = new Exploration.Baseline(base.starts().stream().map(Driver.StepStart::step).toList(), stop,
                end.outageMs(), downtimesOf(end), Summary.of(end), end.clock(), base.script(), target.steps(start));
        long window = o.windowMs() >= 0 ? o.windowMs() : end.outageMs();
        Explorer x = new Explorer(o, window, faults(start.cluster()), start.iisGroups());
        // A plan that stops with no fault is put right first: a fault on top of it says nothing of the plan
        // (each scenario would "complete" only because its recovery mends what stopped the baseline).
        List<Task> singles = stop.isPresent() ? List.of() : x.tasks(base.starts(), List.of(), Long.MIN_VALUE, o.doubleFaults(), java.util.Set.of());
        x.total = singles.size();
        List<Done> done = x.runAll(singles);
        List<Done> all = new ArrayList<>(done);
        if (o.doubleFaults()) {
            List<Task> doubles = new ArrayList<>();
            for (Done d : done) {
                if (d.scenario().stuck()) continue; // the first fault already stopped the plan
                List<Injection> first = List.of(d.task().injection());
                // The second fault lands after the first: a point before the first fault's moment would make it the first.
                // The baseline's steps before the first fault's point had run: the second fault's run may run them again.
                java.util.Set<rehearse.plan.Step> ran = new java.util.HashSet<>();
                for (int k = 0; k < d.task().injection().stepIndex(); k++) ran.add(base.starts().get(k).step());
                doubles.addAll(x.tasks(d.after(), first, d.task().injection().atMs(), false, ran));
            }
            x.total = singles.size() + doubles.size();
            all.addAll(x.runAll(doubles));
        }
        return x.gather(start.cluster().name(), target, baseline, all, o.windowMs() >= 0, o.doubleFaults());
    }

    /** Every fault the command language knows, for this cluster: each node fails, its upgrade fails, its join is refused; each IIS resource and the quorum resource fail past their restart policy. */
    static List<Fault> faults(Cluster c) {
        List<Fault> out = new ArrayList<>();
        for (Node n : c.nodes()) out.add(new Fault(Fault.Kind.NODE, n.name()));
        for (Node n : c.nodes()) out.add(new Fault(Fault.Kind.UPGRADE, n.name()));
        for (Node n : c.nodes()) out.add(new Fault(Fault.Kind.JOIN, n.name()));
        for (String r : c.iisResources()) out.add(new Fault(Fault.Kind.RESOURCE, r));
        c.quorumResource().ifPresent(q -> out.add(new Fault(Fault.Kind.QUORUM, q.name())));
        return out;
    }

    /**
     * The scenarios of every fault at every point of a run: before each step, and for a node's
     * failure, at each distinct time within each step (when the node is not down then). An
     * upgrade's failure or a refused join acts only when the node's next upgrade or join ends, so
     * arming it at any point before that upgrade gives the same run: it is rehearsed once, from the
     * last point before the upgrade's step, and counted for every point before it; after the node's
     * last upgrade it never acts. Points before {@code notBefore} (the first fault's moment, for a
     * second fault) are left out.
     */
    private List<Task> tasks(List<Driver.StepStart> starts, List<Injection> earlier, long notBefore, boolean record, java.util.Set<rehearse.plan.Step> ran) {
        List<Task> out = new ArrayList<>();
        // Which points are before a step the rehearsal had already run (the plan runs it again).
        boolean[] again = new boolean[starts.size()];
        java.util.Set<rehearse.plan.Step> seen = new java.util.HashSet<>(ran);
        for (int k = 0; k < starts.size(); k++) again[k] = !seen.add(starts.get(k).step());
        for (Fault f : faults) {
            if (f.kind() == Fault.Kind.UPGRADE || f.kind() == Fault.Kind.JOIN) {
                List<Injection> pending = new ArrayList<>();
                for (int k = 0; k < starts.size(); k++) {
                    Driver.StepStart s = starts.get(k);
                    Injection at = new Injection(f, k, s.step(), s.before().state().clock(), false, again[k]);
                    if (at.atMs() < notBefore) continue;
                    if (s.step().action() instanceof NodeActions.Upgrade u && u.node().equals(f.name())) {
                        out.add(new Task(s.before(), f, 0, earlier, at, List.copyOf(pending), record));
                        pending.clear();
                    } else {
                        pending.add(at);
                    }
                }
                continue;
            }
            int node = f.kind() == Fault.Kind.NODE ? nodeIndex(starts, f.name()) : -1;
            for (int k = 0; k < starts.size(); k++) {
                Driver.StepStart s = starts.get(k);
                State before = s.before().state();
                boolean down = node >= 0 && before.cluster().nodes().get(node).state() == rehearse.model.NodeState.DOWN;
                if (!down && before.clock() >= notBefore) out.add(new Task(s.before(), f, 0, earlier, new Injection(f, k, s.step(), before.clock(), false, again[k]), List.of(),
                        record));
                if (!f.landsMidStep()) continue;
                for (int i = 0; i < s.eventTimes().length; i++) {
                    if (node < 64 && (s.downBefore()[i] & (1L << node)) != 0) continue;
                    long t = s.eventTimes()[i];
                    if (t < notBefore) continue;
                    out.add(new Task(s.before(), f, t - before.clock(), earlier, new Injection(f, k, s.step(), t, true, again[k]), List.of(), record));
                }
            }
        }
        return out;
    }

    private static int nodeIndex(List<Driver.StepStart> starts, String name) {
        if (starts.isEmpty()) return -1;
        List<String> names = starts.get(0).before().state().initialCluster().nodeNames();
        for (int i = 0; i < names.size(); i++) if (names.get(i).equals(name)) return i;
        return -1;
    }

    /**
     * Runs the tasks on the threads, each result in its task's place. The points of one fault are
     * rehearsed in order on one thread, so that a later point can join a scenario already
     * rehearsed where both come to the same state (see {@link Joins}); which thread runs which
     * fault changes nothing in the results.
     */
    private List<Done> runAll(List<Task> tasks) {
        List<List<Task>> units = new ArrayList<>();
        for (Task t : tasks) {
            List<Task> last = units.isEmpty() ? null : units.get(units.size() - 1);
            if (last != null && last.get(0).fault().equals(t.fault()) && last.get(0).earlier().equals(t.earlier())) last.add(t);
            else units.add(new ArrayList<>(List.of(t)));
        }
        if (threads == 1 || units.size() < 2) {
            List<Done> out = new ArrayList<>(tasks.size());
            for (List<Task> unit : units) out.addAll(rehearse(unit));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "explore");
            t.setDaemon(true);
            return t;
        });
        try {
            // A fault's points at a time, in order: each worker takes the next fault as it finishes one.
            List<Future<List<Done>>> futures = new ArrayList<>();
            for (List<Task> unit : units) futures.add(pool.submit(() -> rehearse(unit)));
            List<Done> out = new ArrayList<>(tasks.size());
            for (Future<List<Done>> f : futures) out.addAll(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The points of one fault, in order. Where no further fault is to come and no step is to be
     * recorded for one, each point may join the scenario of an earlier point that passed the same
     * state (see {@link Joins}).
     */
    private List<Done> rehearse(List<Task> unit) {
        Joins joins = unit.get(0).record() || !joining ? null : new Joins();
        List<Done> out = new ArrayList<>(unit.size());
        for (Task t : unit) out.add(rehearse(t, joins));
        return out;
    }

    /**
     * The states the scenarios of one fault passed before each step of their runs after the fault,
     * and how each of those scenarios went on from there. A later point of the same fault that
     * comes to one of those states, with the plan's marks and the recovery policy's count alike,
     * goes on exactly as that scenario did: the engine and the plan are functions of the state,
     * the policy of the no-go and its count ({@link State#sameCourse} says why the restart and
     * failover histories may differ). It is not rehearsed again: it takes that scenario's outcome
     * and the rest of its script. ExploreJoinProperties checks that joining changes nothing.
     */
    private static final class Joins {
        private final Map<Long, List<Passed>> passed = new HashMap<>();

        /** Where a scenario passed {@code d}'s state with the policy at {@code p}, or null. */
        Passed find(Driver d, PolicyCount p) {
            for (Passed x : passed.getOrDefault(d.state().courseHash(), List.of())) {
                // A scenario still under way (this very one) is not joined: its end is not known yet.
                if (x.course().scenario != null && x.policy().equals(p) && x.at().sameMarks(d) && x.at().state().sameCourse(d.state())) return x;
            }
            return null;
        }

        void add(Driver d, PolicyCount p, Course course) {
            passed.computeIfAbsent(d.state().courseHash(), k -> new ArrayList<>(1)).add(new Passed(d.copy(), p, d.lineCount(), course));
        }
    }

    /** How far the recovery policy has gone: recoveries made, no-gos read again, and whether a no-go was met. */
    private record PolicyCount(int recoveries, int rereads, boolean noGoMet) {}

    /** A state a scenario passed, the script's length there, and that scenario. */
    private record Passed(Driver at, PolicyCount policy, int line, Course course) {}

    /** A rehearsed scenario, known once it has ended. */
    private static final class Course {
        Scenario scenario;
    }

    /** One scenario: the fault, then the plan run with the recovery policy; with {@code joins}, stopped where an earlier one went on alike. */
    private Done rehearse(Task t, Joins joins) {
        Driver d = t.at().copy();
        if (t.record()) d.recordSteps();
        Optional<NoGo> firstNoGo = Optional.empty();
        Optional<Refusal> stop = Optional.empty();
        Optional<String> violated = Optional.empty();
        Scenario.Ending ending = Scenario.Ending.NEEDS_HUMAN;
        Course mine = new Course();
        Passed[] joined = new Passed[1];
        int recoveryFrom = d.lineCount();
        try {
            Optional<Refusal> refused = d.apply(t.fault().command(t.afterMs()));
            recoveryFrom = d.lineCount();
            if (refused.isPresent()) {
                stop = refused;
            } else {
                int recoveries = 0;
                int rereads = 0;
                while (true) {
                    Optional<Refusal> r;
                    if (joins != null) {
                        PolicyCount count = new PolicyCount(recoveries, rereads, firstNoGo.isPresent());
                        r = d.run(at -> {
                            joined[0] = joins.find(at, count);
                            if (joined[0] == null) joins.add(at, count, mine);
                            return joined[0] != null;
                        });
                        if (d.joined()) return joined(t, d, joined[0], firstNoGo, mine, recoveryFrom);
                    } else {
                        r = d.run();
                    }
                    if (r.isEmpty()) {
                        ending = Scenario.Ending.COMPLETED;
                        break;
                    }
                    stop = r;
                    if (!(r.get() instanceof NoGo n)) break;
                    if (firstNoGo.isEmpty()) firstNoGo = Optional.of(n);
                    Optional<List<Command>> commands = recoveries < policy.retries() ? policy.commands(n.recovery()) : Optional.empty();
                    if (commands.isEmpty()) {
                        if (RecoveryPolicy.offersRollBack(n.recovery())) ending = Scenario.Ending.ROLL_BACK;
                        break;
                    }
                    Optional<Refusal> failed = Optional.empty();
                    for (Command c : commands.get()) {
                        failed = d.apply(c);
                        if (failed.isPresent()) break;
                    }
                    if (failed.isPresent()) {
                        // The cluster changed under the recovery (a second fault landed while it ran): the operator reads
                        // the no-go again, as it now stands, rather than give up (the policy says how many times).
                        if (rereads++ < policy.rereads()) continue;
                        stop = failed;
                        break;
                    }
                    recoveries++;
                }
            }
            Engine.check(d.state());
        } catch (InvariantViolation v) {
            violated = Optional.of(v.getMessage());
            ending = Scenario.Ending.NEEDS_HUMAN;
        }
        State end = d.state();
        Downtimes downtimes = downtimes(end);
        mine.scenario = new Scenario(withEarlier(t), ending, end.outageMs(), downtimes, endState(end), end.clock(),
                end.outageMs() <= windowMs, violated, firstNoGo, ending == Scenario.Ending.COMPLETED ? Optional.empty() : stop,
                ScriptLines.of(d.script(), downtimes), recoveryFrom, 1 + t.alsoAt().size());
        return finish(t, mine.scenario, d);
    }

    /**
     * A scenario that came to a state an earlier one of its fault passed: that one's outcome (its
     * own first no-go, if it met one), and its script: its own lines, then that one's after the point.
     */
    private Done joined(Task t, Driver d, Passed known, Optional<NoGo> firstNoGo, Course mine, int recoveryFrom) {
        Scenario k = known.course().scenario;
        List<String> script = ScriptLines.of(d.script(), (ScriptLines) k.script(), known.line(), (Downtimes) k.downtimeMs());
        mine.scenario = new Scenario(withEarlier(t), k.ending(), k.outageMs(), k.downtimeMs(), k.endState(), k.clockMs(), k.windowHeld(),
                k.invariantViolated(), firstNoGo.isPresent() ? firstNoGo : k.firstNoGo(), k.stop(), script, recoveryFrom,
                1 + t.alsoAt().size());
        return finish(t, mine.scenario, d);
    }

    private static List<Injection> withEarlier(Task t) {
        List<Injection> injections = new ArrayList<>(t.earlier());
        injections.add(t.injection());
        return injections;
    }

    private Done finish(Task t, Scenario s, Driver d) {
        int n = finished.incrementAndGet();
        if (progress != null) progress.done(n, total);
        return new Done(t, s, d.starts());
    }

    static Map<String, Long> downtimesOf(State s) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String g : s.iisGroups()) out.put(g, s.downtimeMs(g));
        return out;
    }

    /** Each IIS group's downtime, alike maps kept once. */
    private Downtimes downtimes(State s) {
        long[] ms = new long[groups.size()];
        for (int i = 0; i < ms.length; i++) ms[i] = s.downtimeMs(groups.get(i));
        Downtimes d = Downtimes.of(groups, groupIndex, ms);
        Downtimes known = downtimeMaps.putIfAbsent(d, d);
        return known != null ? known : d;
    }

    /**
     * The cluster at the end (text.Summary's map), alike ones kept once, and within them alike
     * nodes and groups: thousands of scenarios of a big cluster end alike but for a group or two.
     */
    private Map<String, Object> endState(State end) {
        Map<String, Object> summary = Summary.of(end);
        Map<String, Object> known = ends.get(summary);
        if (known != null) return known;
        for (String part : List.of("nodes", "groups")) {
            if (summary.get(part) instanceof List<?> items) summary.put(part, items.stream().map(i -> parts.computeIfAbsent(i, k -> k)).toList());
        }
        known = ends.putIfAbsent(summary, summary);
        return known != null ? known : summary;
    }

    // ------------------------------------------------------------------ gathering

    private Exploration gather(String cluster, Target target, Exploration.Baseline baseline, List<Done> all, boolean windowGiven, boolean doubles) {
        int steps = baseline.steps().size();
        List<List<Scenario>> matrix = new ArrayList<>();
        for (int k = 0; k < steps; k++) matrix.add(new ArrayList<>(Collections.nCopies(faults.size(), (Scenario) null)));
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<Scenario> distinct = new ArrayList<>();
        for (Done d : all) {
            Scenario s = d.scenario();
            Injection first = s.injections().get(0);
            int column = faults.indexOf(first.fault());
            // A single fault in the row of every point leading to it; a pair in the row and column of its first fault.
            List<Injection> points = new ArrayList<>(s.injections().size() == 1 ? d.task().alsoAt() : List.of());
            points.add(first);
            for (Injection p : points) {
                List<Scenario> row = matrix.get(p.stepIndex());
                if (worse(s, row.get(column))) row.set(column, s);
            }
            List<Object> key = key(s);
            Integer at = seen.get(key);
            if (at == null) {
                seen.put(key, distinct.size());
                distinct.add(s);
            } else {
                distinct.set(at, distinct.get(at).counted(distinct.get(at).points() + s.points()));
            }
        }
        List<Scenario> worst = new ArrayList<>(distinct);
        worst.sort(Explorer::compareWorst);
        worst = worst.subList(0, Math.min(WORST, worst.size()));
        // The matrix holds the first scenario of each outcome; point it at the counted one.
        Map<List<Object>, Scenario> counted = new HashMap<>();
        for (Scenario s : distinct) counted.put(key(s), s);
        for (List<Scenario> row : matrix) row.replaceAll(s -> s == null ? null : counted.get(key(s)));
        return new Exploration(cluster, target, baseline, windowMs, windowGiven, doubles, faults, matrix, distinct, worst, policy);
    }

    /**
     * What makes two outcomes one: the faults, how the plan ended, the numbers, the cluster at the
     * end, what the operator did after the fault, and the step the first no-go stopped (a node's
     * first and second upgrade failing can cost the same time, yet they are two cases to the board).
     */
    private static List<Object> key(Scenario s) {
        List<Object> faults = s.injections().stream().map(i -> (Object) i.fault()).toList();
        // The maps of downtimes and end states are kept once each (see endState): the same map is the very same object.
        return List.of(faults, s.ending(), s.outageMs(), new Same(s.downtimeMs()), new Same(s.endState()), s.clockMs(), s.windowHeld(),
                s.invariantViolated(), s.afterFaults(), s.firstNoGo().map(NoGo::step).map(Object.class::cast).orElse(""));
    }

    /** A value known by its identity (for maps kept once each, whose contents would be long to compare). */
    private record Same(Object value) {
        @Override
        @SuppressWarnings("ReferenceEquality")
        public boolean equals(Object o) {
            return o instanceof Same s && s.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private static boolean worse(Scenario a, Scenario b) {
        return b == null || compareWorst(a, b) < 0;
    }

    /** Worst first: an invariant broken, then stuck (needing a human, then a roll back), then the window broken, then the longer outage. */
    static int compareWorst(Scenario a, Scenario b) {
        int c = Boolean.compare(a.invariantsHeld(), b.invariantsHeld());
        if (c != 0) return c;
        c = Integer.compare(rank(a.ending()), rank(b.ending()));
        if (c != 0) return c;
        c = Boolean.compare(a.windowHeld(), b.windowHeld());
        if (c != 0) return c;
        return Long.compare(b.outageMs(), a.outageMs());
    }

    private static int rank(Scenario.Ending e) {
        return switch (e) {
            case NEEDS_HUMAN -> 0;
            case ROLL_BACK -> 1;
            case COMPLETED -> 2;
        };
    }
}
