package rehearse.tui;

import java.util.List;
import rehearse.command.Command;
import rehearse.matrix.Configuration;

/**
 * What the update function asks the imperative shell ({@link Program}) to do; the result comes
 * back as a {@link Msg}. New kinds of work (a what-if overlay's runs, a rewind) are new effects
 * here, carried out in {@link Program#run}.
 */
public sealed interface Effect {
    /** Submit a command to the session (the prompt, a menu, a plan step). */
    record Submit(Command command) implements Effect {}

    /** Advance the simulated clock to {@code time}, never past the next event. */
    record Advance(long time) implements Effect {}

    /** Play what is under way out at once ("instant" speed), stopping at a no-go. */
    record PlayOut() implements Effect {}

    /** The step under way has played out: judge it. */
    record FinishStep() implements Effect {}

    /** Journal where the clock stands. */
    record MarkClock() implements Effect {}

    /** Write what the file name's extension asks for (the report or the runbook) to {@code file}, as typed. */
    record WriteReport(String file) implements Effect {}

    /** Work out, off the UI thread, each target's estimated outage for the picker. */
    record Estimate(List<Configuration> targets) implements Effect {
        public Estimate {
            targets = List.copyOf(targets);
        }
    }

    /** Look at the session again (the timeline pane was opened). */
    record Refresh() implements Effect {}

    /** Work out the plan to a chosen target off the UI thread; the answer comes back as {@link Msg.Chosen}. */
    record Choose(Configuration target) implements Effect {}

    /** Hand the session a target worked out ahead, before the 'target' command that uses it. */
    record Adopt(rehearse.session.Session.Ahead ahead) implements Effect {}

    /** Explore every fault at every step of the plan from the cluster as the UI saw it ({@code on}), off the UI thread ({@link Msg.Explored}). */
    record Explore(rehearse.sim.State on) implements Effect {}

    /**
     * Rehearse a scenario of the what-if live: its script up to its fault, from the cluster the
     * exploration began on ({@code on}); the rest then plays out on the screen.
     */
    record Rehearse(rehearse.explore.Scenario scenario, rehearse.sim.State on) implements Effect {}

    /** Repaint every cell (Ctrl-L, after fg). */
    record Redraw() implements Effect {}

    record Quit() implements Effect {}
}
