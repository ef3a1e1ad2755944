package rehearse.tui;

import java.util.List;
import java.util.Optional;
import rehearse.matrix.Configuration;
import rehearse.plan.NoGo;
import rehearse.plan.Step;
import rehearse.session.Session;
import rehearse.sim.Event;

/** Everything that reaches the UI: keys, time, the terminal, and what the effects brought. */
public sealed interface Msg {
    record KeyPressed(Key key) implements Msg {}

    /** {@code realMs} of playback went by. */
    record Tick(long realMs) implements Msg {}

    record Resized(int columns, int rows) implements Msg {}

    /** Ctrl-Z: the terminal was given back. */
    record Suspended() implements Msg {}

    /** fg: the terminal is ours again. */
    record Continued() implements Msg {}

    /** A command's result; {@code shown} is the text of a view it asked for (status, help, plan), else empty. */
    record Submitted(Session.Result result, String shown, Snapshot world) implements Msg {}

    /** The session as it is now, asked for by {@link Effect.Refresh}. */
    record Refreshed(Snapshot world) implements Msg {}

    /** Playback advanced the clock. */
    record Played(List<Event> events, Optional<NoGo> noGo, Snapshot world) implements Msg {}

    /** The step under way was judged. */
    record StepEnded(Optional<Step> finished, Optional<NoGo> noGo, Snapshot world) implements Msg {}

    /** The export key's file ({@code file}, as shown): {@code written} says what was written, else {@code refusal} why not. */
    record ReportDone(String file, String written, String refusal) implements Msg {}

    /** A chosen target, worked out off the UI thread. */
    record Chosen(Session.Ahead ahead) implements Msg {}

    /** How far the what-if begun on {@code on} has got: {@code done} of {@code total} scenarios. */
    record Exploring(rehearse.sim.State on, int done, int total) implements Msg {}

    /** The what-if begun on {@code on}: the exploration, or why there is none ({@code failure}). */
    record Explored(rehearse.sim.State on, Optional<rehearse.explore.Exploration> exploration, String failure) implements Msg {}

    /**
     * A what-if scenario's script is in, up to its fault ({@code what}, in words): the rest plays out
     * live; or {@code refusal}, why nothing was submitted (the cluster changed since the exploration,
     * or the pre-flight checklist the scenario's run begins with is not signed).
     */
    record Rehearsing(String what, Optional<LogEntry.Say> refusal) implements Msg {}

    /** One target's estimate, worked out off the UI thread: the wall-clock IIS outage of the whole plan, or why none. */
    record Estimated(Configuration target, long outageMs, String refusal, int done, int total) implements Msg {}
}
