package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import rehearse.plan.Target;
import rehearse.session.Session;
import rehearse.sim.State;

/**
 * The what-if's work for {@link Program}: exploring the rest of the plan off the UI thread (its
 * progress and answer posted back as messages), and putting a scenario's script into the session
 * up to its fault. {@code now} takes the messages of work done on the UI thread.
 */
final class WhatIfWork {
    private WhatIfWork() {}

    /**
     * Every fault at every step of the rest of the plan, explored on {@code background} from the
     * cluster as it is (a value: the live rehearsal goes on untouched), judged against the window
     * given, else the plan's own outage; progress and the answer come back as messages.
     */
    static void explore(Session session, State st, long windowMs, Executor background, Consumer<Msg> post, Consumer<Msg> now) {
        Optional<Target> target = session.target();
        if (session.state() != st || target.isEmpty()) {
            now.accept(new Msg.Explored(st, Optional.empty(), "the cluster changed since the key was pressed: press i again"));
            return;
        }
        long window = windowMs > 0 ? windowMs : -1;
        int threads = Runtime.getRuntime().availableProcessors();
        Object lock = new Object();
        int[] shown = {-1};
        rehearse.explore.Explorer.Progress progress = (done, total) -> {
            synchronized (lock) { // workers report from their own threads; a few dozen messages at most
                int step = total == 0 ? 0 : done * 40 / total;
                if (step == shown[0]) return;
                shown[0] = step;
                post.accept(new Msg.Exploring(st, done, total));
            }
        };
        background.execute(() -> {
            try {
                rehearse.explore.Exploration x = rehearse.explore.Explorer.explore(st, target.get(),
                        new rehearse.explore.Explorer.Options(threads, false, window, rehearse.explore.RecoveryPolicy.STANDARD, progress));
                synchronized (lock) {
                    // A plan that stops with no fault has nothing to explore: the no-go says what to put right.
                    post.accept(x.baseline().stop().isPresent()
                            ? new Msg.Explored(st, Optional.empty(), "the plan stops with no fault, so nothing is explored: "
                                    + rehearse.text.Refusals.of(x.baseline().stop().get()))
                            : new Msg.Explored(st, Optional.of(x), null));
                }
            } catch (RuntimeException ex) {
                synchronized (lock) {
                    post.accept(new Msg.Explored(st, Optional.empty(), "the what-if failed: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
                }
            } catch (OutOfMemoryError ex) {
                // The UI's heap is kept small; the exploration's copies are let go with the error, and the rehearsal goes on.
                synchronized (lock) {
                    post.accept(new Msg.Explored(st, Optional.empty(),
                            "the what-if needs more memory than the UI has: run 'rehearse explore' (it has the machine's)"));
                }
            }
        });
    }

    /** Whether submitting {@code commands} on {@code on} would sign the pre-flight checklist: the operator's to do, not the what-if's. */
    static boolean signsPreflight(State on, List<rehearse.command.Command> commands) {
        return !on.preflightAcknowledged() && commands.stream().anyMatch(c -> c instanceof rehearse.command.Command.AckPreflight);
    }

    /**
     * The commands Enter submits for a scenario: its script up to its last fault (the lines before
     * the run that follows it), but the target, which is the session's own.
     */
    static List<rehearse.command.Command> toSubmit(rehearse.explore.Scenario scenario) {
        List<rehearse.command.Command> commands = new ArrayList<>();
        for (String line : scenario.script().subList(0, scenario.recoveryFrom())) {
            Optional<rehearse.command.Command> c;
            try {
                c = rehearse.command.CommandParser.parse(line);
            } catch (rehearse.command.ParseException e) {
                throw new IllegalStateException("a what-if scenario's script line does not parse: " + line, e); // made by the explorer: a bug
            }
            if (c.isPresent() && !(c.get() instanceof rehearse.command.Command.Target)) commands.add(c.get());
        }
        int last = -1;
        for (int i = 0; i < commands.size(); i++) if (rehearse.command.Commands.isFault(commands.get(i))) last = i;
        return commands.subList(0, last + 1);
    }

    /**
     * A what-if scenario, live: its script (the command language, as 'rehearse run' replays it)
     * submitted up to its last fault, each step played out as the script does; the rest is left to
     * play on the screen. Only from the moment the exploration began on: else nothing is submitted.
     */
    static void rehearse(Session session, rehearse.explore.Scenario scenario, State on, Supplier<Snapshot> snapshot, Consumer<Msg> now) {
        String what = rehearse.report.ExplorationWords.injections(scenario);
        if (session.state() != on) {
            now.accept(new Msg.Rehearsing(what, Optional.of(LogEntry.Say.WHAT_IF_STALE)));
            return;
        }
        List<rehearse.command.Command> commands = toSubmit(scenario);
        if (signsPreflight(on, commands)) {
            // The scenario's run begins with the checklist signed; signing it is the operator's, not the what-if's.
            now.accept(new Msg.Rehearsing(what, Optional.of(LogEntry.Say.WHAT_IF_PREFLIGHT)));
            return;
        }
        for (rehearse.command.Command c : commands) {
            Session.Result r = session.submit(c, !rehearse.command.Commands.isFault(c));
            now.accept(new Msg.Submitted(r, "", snapshot.get()));
        }
        now.accept(new Msg.Rehearsing(what, Optional.empty()));
    }
}
