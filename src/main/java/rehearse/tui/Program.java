package rehearse.tui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import rehearse.matrix.Configuration;
import rehearse.plan.HopEstimate;
import rehearse.plan.NoGo;
import rehearse.plan.Target;
import rehearse.plan.Targets;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Event;
import rehearse.sim.State;
import rehearse.text.Refusals;
import rehearse.text.Transcript;

/**
 * The UI's runtime, with no terminal: it feeds messages to {@link Update}, keeps the model, and
 * carries out the effects against the session (the one mutable thing), whose answers come back
 * as messages. Estimates run on {@code background} and come back through {@code post}.
 */
public final class Program {
    private final Session session;
    private volatile Executor background;
    private volatile Consumer<Msg> post;
    private final Deque<Msg> pending = new ArrayDeque<>();
    private final AtomicInteger estimateRound = new AtomicInteger();
    /** Targets worked out by the picker's estimates, each with the state it was worked out on. */
    private final java.util.Map<Configuration, Session.Ahead> worked = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Model model;
    private boolean sending;
    private boolean quit;
    private boolean redraw;
    private long reportWindowMs = 2 * 3_600_000L;
    private List<Path> reportInputs = List.of();

    /**
     * {@code windowMs}: the maintenance window the status line measures the outage against, 0 for
     * none. Until {@link #background} says otherwise, estimates run on the caller's thread.
     */
    public Program(Session session, long windowMs) {
        this.session = session;
        this.background = Runnable::run;
        this.post = this::send;
        this.model = Update.initial(Snapshot.of(session), session.history(), session.events(), new Model.Settings(windowMs, Optional.empty(), rehearse.text.ResumeCommand.ON_PATH, Optional.empty()),
                new Model.Size(Layout.MIN_COLUMNS, Layout.MIN_ROWS));
    }

    /** Estimates run on {@code executor}; {@code post} takes what they bring to the UI's loop. */
    public void background(Executor executor, Consumer<Msg> postTo) {
        this.background = executor;
        this.post = postTo;
    }

    public Session session() {
        return session;
    }

    public Model model() {
        return model;
    }

    /** The file the export key offers first, the window the report judges against, and the files it must not overwrite. */
    public void reportTo(Path path, long window, Collection<Path> inputs) {
        model = model.with(new Model.Settings(model.settings().windowMs(), model.settings().journal(), model.settings().launcher(), Optional.ofNullable(path)));
        this.reportWindowMs = window;
        this.reportInputs = inputs.stream().filter(Objects::nonNull).toList();
    }

    /** The journal's place, for the quit dialog. */
    /** The journal, and the word that starts rehearse again (for the quit dialog's resume line). */
    public void journalAt(Path journal, String launcher) {
        model = model.with(new Model.Settings(model.settings().windowMs(), Optional.ofNullable(journal), launcher, model.settings().export()));
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Clears a quit request (a fuzz test goes on after one). */
    void stayOpen() {
        quit = false;
    }

    public boolean animating() {
        return Update.animating(model);
    }

    public long speed() {
        return Update.speed(model);
    }

    public boolean takeRedraw() {
        boolean r = redraw;
        redraw = false;
        return r;
    }

    /** One message and everything that follows from it, in order. */
    public void send(Msg msg) {
        pending.add(msg);
        if (sending) return;
        sending = true;
        try {
            for (Msg m; (m = pending.poll()) != null; ) {
                Update.Next next = Update.update(model, m);
                model = next.model();
                for (Effect e : next.effects()) run(e);
            }
        } finally {
            sending = false;
        }
    }

    private void run(Effect e) {
        if (e instanceof Effect.Submit s) {
            Session.Result r = session.submit(s.command(), false);
            String shown = r.outcome() instanceof Outcome.Shown v ? Transcript.view(v.view(), session, Layout.of(model.size()).boxWidth() - 2) : "";
            pending.add(new Msg.Submitted(r, shown, snapshot()));
        } else if (e instanceof Effect.Advance a) {
            Session.Advance adv = session.advanceTo(a.time());
            pending.add(new Msg.Played(adv.events(), adv.noGo(), snapshot()));
        } else if (e instanceof Effect.PlayOut) {
            List<Event> events = new ArrayList<>();
            Optional<NoGo> noGo = Optional.empty();
            while (session.state().busy() && noGo.isEmpty()) {
                Session.Advance adv = session.advanceTo(session.state().nextTimerAt());
                events.addAll(adv.events());
                noGo = adv.noGo();
            }
            pending.add(new Msg.Played(events, noGo, snapshot()));
        } else if (e instanceof Effect.FinishStep) {
            var finished = session.activeStep();
            Optional<NoGo> noGo = session.finishStep();
            pending.add(new Msg.StepEnded(finished, noGo, snapshot()));
        } else if (e instanceof Effect.MarkClock) {
            session.markClock();
        } else if (e instanceof Effect.WriteReport w) {
            pending.add(writeReport(w.file()));
        } else if (e instanceof Effect.Estimate est) {
            estimate(est.targets());
        } else if (e instanceof Effect.Choose ch) {
            choose(ch.target());
        } else if (e instanceof Effect.Adopt a) {
            session.chosenAhead(a.ahead());
        } else if (e instanceof Effect.Refresh) {
            pending.add(new Msg.Refreshed(snapshot()));
        } else if (e instanceof Effect.Explore x) {
            WhatIfWork.explore(session, x.on(), model.settings().windowMs(), background, post, pending::add);
        } else if (e instanceof Effect.Rehearse r) {
            WhatIfWork.rehearse(session, r.scenario(), r.on(), this::snapshot, pending::add);
        } else if (e instanceof Effect.Redraw) {
            redraw = true;
        } else if (e instanceof Effect.Quit) {
            quit = true;
        }
    }

    private Snapshot snapshot() {
        return Snapshot.of(session, model.pane() == Model.Pane.TIMELINE);
    }

    /**
     * What the export key asked for, by the file name's extension ({@link rehearse.report.Exports}): the
     * report in Markdown or HTML, or the runbook of the chosen target in Markdown or as a batch file (code
     * page 437, the runbook command's default). Written as --report writes: a temporary file renamed over the
     * place, never through a link, over a pipe or an input. A leading {@code ~/} is the home directory.
     */
    /** Where a relative name typed at the export prompt lands (the working directory unless told: tests give a scratch one). */
    private Path exportBase = Path.of("");

    void exportBase(Path dir) {
        this.exportBase = dir;
    }

    private Msg writeReport(String typed) {
        String shown = rehearse.base.Printable.clean(typed);
        Path file;
        try {
            file = typed.equals("~") || typed.startsWith("~/") ? Path.of(System.getProperty("user.home"), typed.substring(1).replaceFirst("^/", ""))
                    : exportBase.resolve(typed);
        } catch (java.nio.file.InvalidPathException e) {
            return new Msg.ReportDone(shown, null, "cannot write " + shown + ": not a file name here");
        }
        try {
            rehearse.report.Exports.Kind kind = rehearse.report.Exports.kind(file);
            // No --codepage here: 437 where it holds every name, else the first code page that does (the file sets it).
            rehearse.report.CodePage page = kind == rehearse.report.Exports.Kind.RUNBOOK_BATCH
                    ? rehearse.report.Exports.batchCodePage(session, reportWindowMs) : rehearse.report.CodePage.of(rehearse.report.CodePage.DEFAULT).orElseThrow();
            byte[] bytes = rehearse.report.Exports.render(kind, session, reportWindowMs, page);
            rehearse.io.OutputFile.write(file, bytes, reportInputs);
            return new Msg.ReportDone(shown, switch (kind) {
                case REPORT_MARKDOWN -> "report";
                case REPORT_HTML -> "report (HTML)";
                case RUNBOOK_MARKDOWN -> "runbook";
                case RUNBOOK_BATCH -> "runbook (batch file, code page " + page.number() + ")";
            }, null);
        } catch (rehearse.base.Failure f) {
            return new Msg.ReportDone(shown, null, f.getMessage().replaceFirst("^rehearse: ", ""));
        } catch (rehearse.io.OutputFile.Refused x) {
            return new Msg.ReportDone(shown, null, "cannot write " + shown + ": " + x.getMessage());
        }
    }

    /**
     * The chosen target worked out on {@code background} (or taken from the picker's estimate of
     * it, when that was made on the state as it is); the answer comes back as a message.
     */
    private void choose(Configuration to) {
        State st = session.state();
        Target before = session.target().orElse(null);
        Session.Ahead known = worked.get(to);
        if (known != null && known.on() == st && Objects.equals(known.before(), before)) {
            pending.add(new Msg.Chosen(known));
            return;
        }
        estimateRound.incrementAndGet(); // the picker's estimates are not wanted any more
        background.execute(() -> post.accept(new Msg.Chosen(new Session.Ahead(st, to, before, Targets.choose(st, to, before)))));
    }

    /**
     * Each target's estimate on {@code background} (a 1,000-group cluster's take seconds), from the
     * state as it is now (a value: safe to read there); a newer round makes an older one stop.
     */
    private void estimate(List<Configuration> targets) {
        State st = session.state();
        Target before = session.target().orElse(null);
        int round = estimateRound.incrementAndGet();
        background.execute(() -> {
            int done = 0;
            for (Configuration c : targets) {
                if (estimateRound.get() != round) return;
                Targets.Result r = Targets.choose(st, c, before);
                worked.put(c, new Session.Ahead(st, c, before, r));
                done++;
                if (r.target().isPresent()) {
                    long outage = 0;
                    for (HopEstimate h : r.target().get().estimates()) outage += h.planned().wallClockMs();
                    post.accept(new Msg.Estimated(c, outage, null, done, targets.size()));
                } else {
                    post.accept(new Msg.Estimated(c, 0, r.refusal().map(Refusals::of).orElse("no estimate"), done, targets.size()));
                }
            }
        });
    }
}
