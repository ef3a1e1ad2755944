package rehearse.script;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.io.Json;
import rehearse.base.Printable;
import rehearse.journal.Journal;
import rehearse.journal.JournalWriter;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Event;
import rehearse.text.Clock;
import rehearse.text.Events;
import rehearse.text.Outcomes;
import rehearse.text.StatusText;
import rehearse.text.Summary;
import rehearse.text.Transcript;

/**
 * Runs a script headless and prints the transcript. A refusal counts as a failure unless the
 * next command is {@code expect refused}; any failed {@code expect} fails the run.
 */
public final class ScriptRunner {
    private final PrintWriter out;
    private final boolean json;
    private final JournalWriter journal;
    private int failures;

    public ScriptRunner(PrintWriter out, boolean json, JournalWriter journal) {
        this.out = out;
        this.json = json;
        this.journal = journal;
    }

    /**
     * Where a resumed journal is not this script's start: its commands, in order, must be the
     * script's lines up to where it stopped, each the same command (a journal of another script,
     * or a line number or command edited by hand, would otherwise skip or invent lines). The
     * journal's line and column of the first that is not, with what is wrong; empty when all are.
     */
    public static Optional<rehearse.io.Problem> notThisScript(String journal, Script script, List<Journal.Replayed> replayed) {
        int k = 0;
        for (Journal.Replayed r : replayed) {
            Journal.Entry e = r.entry();
            if (e.line() <= 0) continue;
            rehearse.io.Location at = rehearse.io.Location.of(journal, e.fileLine(), e.column());
            if (k >= script.lines().size()) {
                return Optional.of(new rehearse.io.Problem(at, "the journal goes on past the end of " + script.file()
                        + " (line " + e.line() + "): it is not this script's journal"));
            }
            Script.Line expected = script.lines().get(k++);
            if (e.line() != expected.number() || !e.command().equals(expected.command().text())) {
                return Optional.of(new rehearse.io.Problem(at, "the journal has '" + Printable.clean(e.command()) + "' as line "
                        + e.line() + ", but the script's next line is " + script.file() + ":" + expected.number() + ", '"
                        + Printable.clean(expected.command().text()) + "': it is not this script's journal, or it was edited"));
            }
        }
        return Optional.empty();
    }

    /** Runs the lines after {@code afterLine}; returns true when everything was accepted and held. */
    public boolean run(Session session, Script script, int afterLine) throws JournalWriter.WriteFailed {
        return run(session, script, afterLine, List.of());
    }

    /**
     * Runs the lines after {@code afterLine} of a rehearsal a journal's replay brought this far:
     * what failed before the resume still counts, so the result is the whole rehearsal's. A
     * journal that stops being writable stops the run right after the line it failed on.
     */
    public boolean run(Session session, Script script, int afterLine, List<Journal.Replayed> replayed) throws JournalWriter.WriteFailed {
        List<Script.Line> lines = script.lines();
        for (Journal.Replayed r : replayed) {
            if (!failedBefore(r, script)) continue;
            failures++;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("line", r.entry().line() > 0 ? r.entry().line() : null);
                m.put("command", r.result().command().text());
                m.put("outcome", r.result().outcome().kind());
                m.put("message", Outcomes.of(r.result().outcome()));
                m.put("replayed", true);
                out.println(Json.write(m));
            } else {
                int line = r.entry().line();
                out.println("  FAILED " + (line > 0 ? script.file() + ":" + line : "(replayed)") + ": before the resume, '"
                        + Printable.clean(r.result().command().text()) + "' " + (r.result().outcome().refused() ? "was refused: " : "failed: ")
                        + Printable.clean(Outcomes.of(r.result().outcome())));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Script.Line line = lines.get(i);
            if (line.number() <= afterLine) continue;
            if (journal != null) journal.scriptLine(line.number());
            Session.Result r = session.submit(line.command(), true);
            print(session, script.file(), line.number(), r);
            // A refusal is a failure unless the script's next line expects it; said right under the refusal.
            boolean expected = i + 1 < lines.size() && lines.get(i + 1).command() instanceof Command.ExpectRefused;
            if (r.outcome().refused() && !expected) unexpectedRefusal(script.file(), line.number());
            if (r.outcome().failed()) failures++;
            if (journal != null) {
                out.flush();
                journal.check();
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", Summary.of(session.state()));
            m.put("failures", failures);
            out.println(Json.write(m));
        } else {
            out.print(StatusText.summary(session.state()));
            out.println(failures == 0 ? "result: ok" : "result: " + failures + " failure" + (failures == 1 ? "" : "s"));
        }
        out.flush();
        return failures == 0;
    }

    /**
     * A replayed command that failed the rehearsal: a failed expectation, or a refusal of a script
     * line whose next line does not expect it (a refusal typed at a prompt is no failure there).
     */
    static boolean failedBefore(Journal.Replayed r, Script script) {
        Outcome o = r.result().outcome();
        if (o.failed()) return true;
        int line = r.entry().line();
        if (!o.refused() || line == 0) return false;
        List<Script.Line> lines = script.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).number() == line) return !(i + 1 < lines.size() && lines.get(i + 1).command() instanceof Command.ExpectRefused);
        }
        return true; // a line the script no longer has
    }

    private void unexpectedRefusal(String file, int line) {
        failures++;
        if (!json) out.println("  ^ " + file + ":" + line + ": refused without 'expect refused' after it");
    }

    private void print(Session session, String file, int line, Session.Result r) {
        Outcome o = r.outcome();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", line);
            m.put("command", r.command().text());
            m.put("outcome", o.kind());
            m.put("message", Outcomes.of(o));
            out.println(Json.write(m));
            for (Event e : r.events()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("t", e.time());
                em.put("time", Clock.format(e.time()));
                em.put("event", Events.of(e));
                out.println(Json.write(em));
            }
            if (o instanceof Outcome.Shown shown) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("output", Transcript.view(shown.view(), session));
                out.println(Json.write(om));
            }
            return;
        }
        out.println("> " + Printable.clean(r.command().text()));
        for (Transcript.Line l : Transcript.of(r, session, file + ":" + line)) out.println(l.text());
    }
}
