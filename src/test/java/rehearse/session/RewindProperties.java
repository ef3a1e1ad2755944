package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.Commands;
import rehearse.command.ParseException;
import rehearse.model.Cluster;
import rehearse.plan.Plan;
import rehearse.sim.Engine;
import rehearse.sim.Event;

/**
 * Rewinds over random clusters and random rehearsals (faults, failed steps and UI playback
 * included): going back to a command boundary gives exactly the session a fresh rehearsal of
 * only the commands before it gives (clock, downtime, outage, nodes, groups, resources, plan
 * statuses, no-go, events), and both go on alike; going back to any moment gives the clock at
 * that moment and the events up to it, and a command cut there, carried on, ends as it did.
 */
class RewindProperties {
    /** What the operator did: a command, or UI playback to a time. */
    private record Act(String line, boolean settle, long playTo) {
        static Act command(String line, boolean settle) {
            return new Act(line, settle, -1);
        }

        static Act play(long to) {
            return new Act(null, false, to);
        }

        void on(Session s) {
            if (line == null) s.advanceTo(Math.max(playTo, s.state().clock()));
            else submit(s, line, settle);
        }

        boolean acts() {
            if (line == null) return false;
            Command c = parse(line);
            return !(c instanceof Command.ShowPlan || c instanceof Command.Status || c instanceof Command.Help || c instanceof Command.Expect);
        }
    }

    private static Cluster cluster(Random rnd) throws Exception {
        return RandomClusters.cluster(rnd, RandomClusters.CONFIGS[rnd.nextInt(RandomClusters.CONFIGS.length)], true);
    }

    private static Session fresh(Cluster c) {
        return new Session(Engine.start(rehearse.io.MatrixLoader.builtIn(), c));
    }

    /** A random rehearsal: mostly the plan's own steps and runs, with the operator's commands, faults, questions and playback. */
    private static List<Act> rehearsal(Random rnd, Cluster c, int length) {
        List<Act> acts = new ArrayList<>();
        if (rnd.nextInt(4) > 0) acts.add(Act.command("target 5.0", true));
        if (rnd.nextInt(3) > 0) acts.add(Act.command("ack preflight", true));
        long clockGuess = 0;
        for (int i = 0; i < length; i++) {
            int kind = rnd.nextInt(10);
            String line = kind < 2 ? "step" : kind == 2 ? "run" : kind == 3 ? (rnd.nextBoolean() ? "status" : "expect refused")
                    : RandomClusters.command(rnd, c, true);
            acts.add(Act.command(line, rnd.nextInt(4) != 0));
            clockGuess += 60_000;
            if (rnd.nextInt(4) == 0) acts.add(Act.play(clockGuess + rnd.nextInt(120_000)));
        }
        return acts;
    }

    private static Session run(Cluster c, List<Act> acts) {
        Session s = fresh(c);
        for (Act a : acts) a.on(s);
        return s;
    }

    @Property(tries = 300)
    void rewindingCommandsGivesTheSessionOfThePrefix(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int length) throws Exception {
        Random rnd = new Random(seed);
        Cluster c = cluster(rnd);
        List<Act> acts = rehearsal(rnd, c, length);
        Session s = run(c, acts);
        int acting = (int) acts.stream().filter(Act::acts).count();
        if (acting == 0) return;
        int n = 1 + rnd.nextInt(acting);
        // The prefix ends just before the n-th last command that acted (the playback before it included).
        int cut = acts.size();
        for (int seen = 0; seen < n; ) if (acts.get(--cut).acts()) seen++;
        Session r = submit(s, "rewind " + n, true) ? s : null;
        assertThat(r).as("rewind %d of %d", n, acting).isNotNull();
        Session prefix = run(c, acts.subList(0, cut));
        same(s, prefix);
        // Both go on alike: nothing hidden (timers, armed faults, policy windows) differs.
        List<Act> more = rehearsal(rnd, c, 1 + rnd.nextInt(6));
        for (Act a : more) {
            a.on(s);
            a.on(prefix);
        }
        same(s, prefix);
        Statistics.label("commands undone").collect(n > 3 ? "more than 3" : n);
    }

    @Property(tries = 300)
    void rewindingToAMomentGivesItsClockAndItsEvents(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int length) throws Exception {
        Random rnd = new Random(seed);
        Cluster c = cluster(rnd);
        List<Act> acts = rehearsal(rnd, c, length);
        Session s = fresh(c);
        long[] clockBefore = new long[acts.size()];
        for (int i = 0; i < acts.size(); i++) {
            clockBefore[i] = s.state().clock();
            acts.get(i).on(s);
        }
        long now = s.state().clock();
        List<Event> before = List.copyOf(s.events());
        long t = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(4) == 0 ? clockBefore[rnd.nextInt(acts.size())] : (long) (rnd.nextDouble() * now);
        Session.Result r = s.submit(Commands.rewindTo(t), rnd.nextBoolean());
        if (r.outcome().refused()) {
            assertThat(r.outcome()).isEqualTo(new Outcome.Refused(new RewindRefusal.NothingToUndo(now)));
            return;
        }
        assertThat(s.state().clock()).isEqualTo(t);
        List<Event> after = List.copyOf(s.events());
        assertThat(before.subList(0, after.size())).as("the events up to the moment").isEqualTo(after);
        assertThat(after).allSatisfy(e -> assertThat(e.time()).isLessThanOrEqualTo(t));
        assertThat(before.subList(after.size(), before.size())).allSatisfy(e -> assertThat(e.time()).isGreaterThanOrEqualTo(t));
        Engine.check(s.state());
        assertThat(s.branches()).extracting(Session.Branch::number).containsExactly(1, 2);
        assertThat(s.branches().get(0).end().clockMs()).isEqualTo(now);
        Statistics.label("cut part-way").collect(((Outcome.Rewound) r.outcome()).cut().isPresent());
        // The commands typed before the moment are the branch's: rewinding some of them lands on a prefix again.
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) if (acts.get(i).acts() && clockBefore[i] < t) kept.add(i);
        if (kept.isEmpty()) return;
        int n = 1 + rnd.nextInt(kept.size());
        assertThat(submit(s, "rewind " + n, true)).isTrue();
        same(s, run(c, acts.subList(0, kept.get(kept.size() - n))));
    }

    /** A {@code run} cut by a rewind and run again ends where it ended the first time. */
    @Property(tries = 200)
    void aRunCutByARewindAndRunAgainEndsAlike(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int length) throws Exception {
        Random rnd = new Random(seed);
        Cluster c = cluster(rnd);
        List<Act> acts = new ArrayList<>(List.of(Act.command("target 5.0", true), Act.command("ack preflight", true)));
        for (int i = 0; i < length; i++) acts.add(Act.command(RandomClusters.command(rnd, c, rnd.nextInt(3) == 0), true));
        Session s = run(c, acts);
        long start = s.state().clock();
        submit(s, "run", true);
        long end = s.state().clock();
        if (end == start) return;
        Session original = run(c, acts);
        submit(original, "run", true);
        // Half the moments at random, half next to an event of the run: moves and failovers last seconds of
        // an hour-long run, and a cut inside one (groups moved, still coming online) must carry on too.
        List<Long> times = original.events().stream().map(Event::time).filter(x -> x > start && x < end).toList();
        long t = times.isEmpty() || rnd.nextBoolean() ? start + 1 + (long) (rnd.nextDouble() * (end - start - 1))
                : Math.min(end - 1, Math.max(start + 1, times.get(rnd.nextInt(times.size())) + rnd.nextInt(3) - 1));
        Session.Result r = s.submit(Commands.rewindTo(t), true);
        assertThat(r.outcome()).isInstanceOf(Outcome.Rewound.class);
        Statistics.label("cut").collect(((Outcome.Rewound) r.outcome()).cut().isPresent());
        submit(s, "run", true);
        assertThat(s.state().clock()).isEqualTo(original.state().clock());
        assertThat(s.state().cluster()).isEqualTo(original.state().cluster());
        assertThat(s.state().outageMs()).isEqualTo(original.state().outageMs());
        for (String g : s.state().iisGroups()) assertThat(s.state().downtimeMs(g)).as(g).isEqualTo(original.state().downtimeMs(g));
        assertThat(statuses(s)).isEqualTo(statuses(original));
        assertThat(s.events()).isEqualTo(original.events());
    }

    /** The same session, as far as anything outside can tell. */
    static void same(Session a, Session b) {
        assertThat(a.state().clock()).as("clock").isEqualTo(b.state().clock());
        assertThat(a.state().cluster()).as("cluster").isEqualTo(b.state().cluster());
        assertThat(a.state().outageMs()).as("outage").isEqualTo(b.state().outageMs());
        for (String g : a.state().iisGroups()) {
            assertThat(a.state().downtimeMs(g)).as("downtime of " + g).isEqualTo(b.state().downtimeMs(g));
            assertThat(a.state().interruptions(g)).as("interruptions of " + g).isEqualTo(b.state().interruptions(g));
        }
        assertThat(a.state().busy()).isEqualTo(b.state().busy());
        assertThat(a.state().nextTimerAt()).as("next timer").isEqualTo(b.state().nextTimerAt());
        assertThat(a.state().preflightAcknowledged()).isEqualTo(b.state().preflightAcknowledged());
        assertThat(a.state().formed()).isEqualTo(b.state().formed());
        assertThat(a.target().map(t -> t.to())).as("target").isEqualTo(b.target().map(t -> t.to()));
        assertThat(statuses(a)).as("plan statuses").isEqualTo(statuses(b));
        assertThat(a.plan().map(Plan::complete)).isEqualTo(b.plan().map(Plan::complete));
        assertThat(a.lastNoGo()).as("no-go").isEqualTo(b.lastNoGo());
        assertThat(a.activeStep()).as("active step").isEqualTo(b.activeStep());
        assertThat(a.events()).as("events").isEqualTo(b.events());
        assertThat(Timeline.of(a)).as("timeline").isEqualTo(Timeline.of(b));
    }

    private static List<String> statuses(Session s) {
        return s.plan().map(p -> p.entries().stream().map(e -> e.step() + " " + e.status()).toList()).orElse(List.of());
    }

    private static Command parse(String line) {
        try {
            return CommandParser.parse(line).orElseThrow();
        } catch (ParseException e) {
            throw new AssertionError(line, e);
        }
    }

    /** True when it was not refused. */
    private static boolean submit(Session s, String line, boolean settle) {
        return !s.submit(parse(line), settle).outcome().refused();
    }
}
