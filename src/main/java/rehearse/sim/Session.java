package rehearse.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.matrix.Configuration;
import rehearse.matrix.UnknownConfigurationException;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.plan.Planner;
import rehearse.plan.PlanStep;
import rehearse.plan.UpgradePath;

/**
 * One rehearsal as every front end drives it: the engine plus the plan, the commands that
 * are not cluster operations (target, step, run, wait, expect, status) and the journal.
 * Scripts, the shell and the UI all submit commands here, so they behave alike.
 */
public final class Session {
    /** What one command did: its outcome, the events it caused, and any text to show. */
    public record Result(long time, Command command, Outcome outcome, List<Event> events, String output) {}

    /** Receives every submitted command and every event, in order (the journal). */
    public interface Recorder {
        void command(long time, Command c, boolean settle);

        void outcome(long time, Outcome o);

        void event(Event e);

        /** The clock stood at {@code time} with nothing happening (playback paused, a step settled). */
        default void clock(long time) {}
    }

    private final Rehearsal engine;
    private PlanState plan;
    private Outcome last = Outcome.accepted();
    private Recorder recorder;
    private final List<Result> history = new ArrayList<>();

    public Session(Rehearsal engine) {
        this.engine = engine;
    }

    public Rehearsal engine() {
        return engine;
    }

    public Optional<PlanState> plan() {
        return Optional.ofNullable(plan);
    }

    public void record(Recorder r) {
        this.recorder = r;
    }

    public List<Result> history() {
        return history;
    }

    /** Parses and submits one line; a parse error is thrown for the caller to place. */
    public Optional<Result> submit(String line, boolean settle) throws ParseException {
        Optional<Command> c = CommandParser.parse(line);
        return c.map(cmd -> submit(cmd, settle));
    }

    /**
     * Submits one command. With {@code settle} the clock then runs until the cluster is quiet
     * (what scripts and the shell do); without it the front end advances the clock itself.
     */
    public Result submit(Command c, boolean settle) {
        long at = engine.now();
        if (recorder != null) recorder.command(at, c, settle);
        List<Event> caused = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        Outcome o = dispatch(c, settle, caused, output);
        if (settle && !(c instanceof Command.Wait) && !(c instanceof Command.Run)) engine.settle();
        caused.addAll(engine.drainEvents());
        if (recorder != null) {
            for (Event e : caused) recorder.event(e);
            recorder.outcome(engine.now(), o);
        }
        if (!(c instanceof Command.Expect)) last = o;
        Result r = new Result(at, c, o, List.copyOf(caused), output.toString());
        history.add(r);
        return r;
    }

    /**
     * Something was started and not finished: an operation under way, or accepted commands
     * with the plan not done. Leaving now deserves a confirmation.
     */
    public boolean underWay() {
        if (engine.busy()) return true;
        boolean acted = history.stream().anyMatch(r -> r.outcome().kind() == Outcome.Kind.ACCEPTED);
        return acted && !plan().map(PlanState::done).orElse(false);
    }

    /** Records where the clock stands, so a replay ends at the same time even with no event there. */
    public void markClock() {
        if (recorder != null) recorder.clock(engine.now());
    }

    /** Advances the clock without a command (UI playback); returns the events on the way. */
    public List<Event> advanceTo(long time) {
        engine.advanceTo(time);
        List<Event> caused = engine.drainEvents();
        if (recorder != null) for (Event e : caused) recorder.event(e);
        return caused;
    }

    private Outcome dispatch(Command c, boolean settle, List<Event> caused, StringBuilder output) {
        if (c instanceof Command.Target t) return target(t.config());
        if (c instanceof Command.ShowPlan) {
            output.append(plan == null ? "no target chosen; 'target CONFIG' makes the plan\n" : Report.plan(this));
            return Outcome.info("");
        }
        if (c instanceof Command.Step) return step();
        if (c instanceof Command.Run) return run(settle, caused);
        if (c instanceof Command.Wait w) {
            if (w.ms() < 0) engine.settle();
            else engine.advanceTo(engine.now() + w.ms());
            return Outcome.accepted();
        }
        if (c instanceof Command.Status) {
            output.append(Report.status(this));
            return Outcome.info("");
        }
        if (c instanceof Command.Help h) {
            output.append(Help.text(h.topic()));
            return Outcome.info("");
        }
        if (c instanceof Command.Expect e) return expect(e);
        if (c instanceof Command.Upgrade u && u.config() == null && plan != null && !plan.done()) {
            return engine.execute(new Command.Upgrade(u.text(), u.node(), plan.path().hops().get(plan.hop()).to().label()));
        }
        return engine.execute(c);
    }

    private Outcome target(String configText) {
        Configuration to;
        try {
            to = engine.matrix().resolve(configText);
        } catch (UnknownConfigurationException e) {
            return Outcome.refused(e.getMessage());
        }
        Configuration from = engine.presentConfiguration();
        UpgradePath path = new Planner(engine.matrix()).plan(from, to);
        if (!path.reachable()) return Outcome.refused("no supported path: " + path.reason());
        plan = new PlanState(path, engine.cluster().nodeNames(), engine.cluster().iisResources(),
                Estimate.of(engine.matrix(), engine.cluster(), path));
        engine.drainEvents();
        return Outcome.accepted("target " + to.label() + ": " + (path.hops().isEmpty() ? "already there"
                : path.hops().size() + " hop(s), " + path.offlineHops() + " offline"));
    }

    private Outcome step() {
        if (plan == null) return Outcome.refused("no plan: choose a target first ('target \"IIS 5.0\"')");
        if (plan.done()) return Outcome.refused("the plan is complete; every node is at " + plan.path().to().label());
        PlanStep s = plan.next();
        String where = plan.position();
        for (Command c : CommandParser.parseGenerated(s.commands())) {
            Outcome o = dispatch(c, false, new ArrayList<>(), new StringBuilder());
            if (o.refused()) return Outcome.refused(where + " refused: " + o.message());
        }
        plan.advance();
        return Outcome.accepted(where + ": " + s.text());
    }

    /** Runs the remaining steps, letting each settle, and stops at the first no-go. */
    private Outcome run(boolean settle, List<Event> caused) {
        if (plan == null) return Outcome.refused("no plan: choose a target first ('target \"IIS 5.0\"')");
        int steps = 0;
        while (!plan.done()) {
            PlanStep s = plan.next();
            Outcome o = step();
            engine.settle();
            caused.addAll(engine.drainEvents());
            if (o.refused()) return o;
            steps++;
            Optional<String> nogo = Report.checkStep(engine, s);
            if (nogo.isPresent()) return Outcome.refused("no-go after " + o.message() + ": " + nogo.get());
        }
        return Outcome.accepted(steps + " step(s) run; " + plan.position());
    }

    private Outcome expect(Command.Expect e) {
        String failure = null;
        if (e instanceof Command.ExpectRefused) {
            failure = last.refused() ? null : "expected the previous command to be refused, but it was accepted";
        } else if (e instanceof Command.ExpectGroup g) {
            Optional<Group> group = engine.group(g.group());
            if (group.isEmpty()) failure = "no group named '" + g.group() + "'";
            else {
                String state = group.get().state().label().toLowerCase(Locale.ROOT);
                if (g.state() != null && !state.equals(g.state())) failure = "group '" + g.group() + "' is " + state + ", not " + g.state();
                else if (g.node() != null && !group.get().owner().equalsIgnoreCase(g.node())) {
                    failure = "group '" + g.group() + "' is on " + group.get().owner() + ", not " + g.node();
                }
            }
        } else if (e instanceof Command.ExpectNode n) {
            Optional<Node> node = engine.node(n.node());
            if (node.isEmpty()) failure = "no node named '" + n.node() + "'";
            else {
                String state = node.get().state().label().toLowerCase(Locale.ROOT);
                if (n.state() != null && !state.equals(n.state())) failure = "node " + n.node() + " is " + state + ", not " + n.state();
                else if (n.config() != null) {
                    Configuration want = engine.matrix().find(n.config());
                    if (want == null) failure = "unknown configuration '" + n.config() + "'; known: " + engine.matrix().known();
                    else if (!node.get().config().equals(want)) {
                        failure = "node " + n.node() + " is at " + node.get().config().label() + ", not " + want.label();
                    }
                }
            }
        } else if (e instanceof Command.ExpectDowntime d) {
            if (!engine.downtime().tracks(d.group())) failure = "no IIS group named '" + d.group() + "'";
            else {
                long actual = engine.downtime().downtimeMs(d.group(), engine.now());
                boolean holds = switch (d.op()) {
                    case "<=" -> actual <= d.ms();
                    case "<" -> actual < d.ms();
                    case ">=" -> actual >= d.ms();
                    case ">" -> actual > d.ms();
                    default -> actual == d.ms();
                };
                if (!holds) failure = "downtime of '" + d.group() + "' is " + Clock.duration(actual) + ", not " + d.op() + " " + Clock.duration(d.ms());
            }
        }
        return failure == null ? new Outcome(Outcome.Kind.PASSED, "") : new Outcome(Outcome.Kind.FAILED, failure);
    }
}
