package rehearse.tui;

import java.util.Locale;
import rehearse.plan.NoGo;
import rehearse.session.Outcome;
import rehearse.text.Clock;
import rehearse.text.Events;
import rehearse.text.Outcomes;
import rehearse.text.Refusals;

/** The words of a log entry, made when it is drawn. */
final class LogText {
    private LogText() {}

    /** A line and whether it reports a problem (drawn as a warning). */
    record Line(String text, boolean bad) {}

    static Line of(LogEntry e) {
        String at = String.format(Locale.ROOT, "%8s  ", Clock.format(e.time()));
        if (e instanceof LogEntry.Happened h) return new Line(at + Events.of(h.event()), false);
        if (e instanceof LogEntry.Submitted s) return new Line(at + "> " + s.command().text(), false);
        if (e instanceof LogEntry.Answered a) return answer(at, a.outcome());
        if (e instanceof LogEntry.Stopped s) return new Line(at + "! " + Refusals.noGo(s.noGo()), true);
        if (e instanceof LogEntry.BadLine b) return new Line(at + "! prompt:1:" + b.column() + ": " + b.problem(), true);
        if (e instanceof LogEntry.Report r) {
            return r.refusal() == null ? new Line(at + r.written() + " written to " + r.file(), false) : new Line(at + "! " + r.refusal(), true);
        }
        LogEntry.Remark r = (LogEntry.Remark) e;
        return new Line(at + remark(r), bad(r.what()));
    }

    /** The words without the time, for the bottom line. */
    static Line message(LogEntry e) {
        Line l = of(e);
        String t = l.text().substring(10);
        return new Line(t.startsWith("! ") || t.startsWith("> ") ? t.substring(2) : t, l.bad());
    }

    private static Line answer(String at, Outcome o) {
        String words = Outcomes.of(o);
        if (o instanceof Outcome.Refused rf && rf.refusal() instanceof NoGo) return new Line(at + "! " + words, true);
        if (o.refused()) return new Line(at + "! refused: " + words, true);
        if (o.failed()) return new Line(at + "! expectation failed: " + words, true);
        if (o instanceof Outcome.Shown) return new Line(at + "  (shown in a window; Esc closes it)", false);
        return new Line(at + "  " + (words.isEmpty() ? "ok" : words), false);
    }

    private static boolean bad(LogEntry.Say s) {
        return s == LogEntry.Say.NO_TARGET || s == LogEntry.Say.STEP_UNDER_WAY
                || s == LogEntry.Say.NO_MATCH || s == LogEntry.Say.WHAT_IF_BUSY || s == LogEntry.Say.WHAT_IF_STALE
                || s == LogEntry.Say.WHAT_IF_PREFLIGHT;
    }

    private static String remark(LogEntry.Remark r) {
        return switch (r.what()) {
            case WELCOME -> "SIMULATION of cluster " + r.detail() + ": press t to choose a target, ? for help";
            case RESUMED_JOURNAL -> "resumed from the journal at " + r.detail() + ": the log above is its history; ? for help";
            case RESUMED_MID_STEP -> "resumed with a step under way: p continues playback";
            case PAUSED -> "playback paused (p resumes)";
            case RESUMED -> "playback resumed";
            case STEP_DONE -> "done: " + r.detail();
            case PLAN_COMPLETE -> "plan complete: every node is at " + r.detail();
            case NO_TARGET -> "no target yet: press t to choose one";
            case STEP_UNDER_WAY -> "a step is under way; wait for it (p pauses, + speeds up)";
            case ALREADY_COMPLETE -> "the plan is complete";
            case PREFLIGHT_DECLINED -> "pre-flight checklist not acknowledged; nothing was upgraded";
            case NO_NO_GO -> "no no-go to recover from";
            case NOTHING_TO_REWIND -> "nothing to go back to: the rehearsal is at its start";
            case NO_MATCH -> "no log line contains '" + r.detail() + "'";
            case COMPLETIONS -> r.detail();
            case WHAT_IF_BUSY -> "a step is under way: the what-if starts from a settled cluster (let it end, or b to go back)";
            case WHAT_IF_REHEARSING -> "rehearsing " + r.detail() + " live; at a no-go, Enter on the plan pane offers the recovery";
            case WHAT_IF_STALE -> "the cluster changed since the what-if was worked out: press i again";
            case WHAT_IF_PREFLIGHT -> "sign the pre-flight checklist first (n shows it), then i, Enter";
        };
    }
}
