package rehearse.tui;

import rehearse.command.Command;
import rehearse.plan.NoGo;
import rehearse.session.Outcome;
import rehearse.sim.Event;

/** One line of the UI's log, kept as what happened; its words are made only when it is drawn ({@link LogText}). */
public sealed interface LogEntry {
    /** Simulated time of the entry. */
    long time();

    /** Something the cluster did. */
    record Happened(Event event) implements LogEntry {
        @Override
        public long time() {
            return event.time();
        }
    }

    /** A command submitted (typed, chosen from a menu, or a plan step). */
    record Submitted(long time, Command command) implements LogEntry {}

    /** What the session answered. */
    record Answered(long time, Outcome outcome) implements LogEntry {}

    /** A step stopped at a no-go while it played. */
    record Stopped(long time, NoGo noGo) implements LogEntry {}

    /** A line typed at the prompt that does not parse. */
    record BadLine(long time, int column, String problem) implements LogEntry {}

    /** The report was written, or refused. */
    record Report(long time, String file, String written, String refusal) implements LogEntry {}

    /** The UI's own remarks (a step done, playback paused, the plan complete, ...). */
    record Remark(long time, Say what, String detail) implements LogEntry {}

    /** The remarks the UI makes on its own. */
    enum Say {
        WELCOME, RESUMED_JOURNAL, RESUMED_MID_STEP, PAUSED, RESUMED, STEP_DONE, PLAN_COMPLETE, NO_TARGET, STEP_UNDER_WAY, ALREADY_COMPLETE,
        PREFLIGHT_DECLINED, NO_NO_GO, NOTHING_TO_REWIND, NO_MATCH, COMPLETIONS, WHAT_IF_BUSY, WHAT_IF_REHEARSING, WHAT_IF_STALE,
        WHAT_IF_PREFLIGHT
    }
}
