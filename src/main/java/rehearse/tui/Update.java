package rehearse.tui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.plan.Plan;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Event;
import rehearse.sim.State;

/**
 * The UI's update function: a model and a message in, the next model and the effects out.
 * Pure: no terminal, no session; what the session answers comes back as a message.
 */
public final class Update {
    /** Simulated seconds per real second; 0 is "instant". */
    static final long[] SPEEDS = {1, 10, 60, 300, 1800, 0};
    static final int DEFAULT_SPEED = 3;
    static final int LOG_LIMIT = 5000;
    /** Real milliseconds of playback between two records of the clock in the journal. */
    static final long CLOCK_MARK_MS = 1000;

    private Update() {}

    /** The next model and what to do. */
    public record Next(Model model, List<Effect> effects) {
        public Next {
            effects = List.copyOf(effects);
        }

        static Next of(Model m, Effect... effects) {
            return new Next(m, List.of(effects));
        }

        Next then(Effect e) {
            List<Effect> l = new ArrayList<>(effects);
            l.add(e);
            return new Next(model, l);
        }
    }

    /**
     * The first model: the log holds the session's history (after --resume, what was replayed),
     * and a session resumed mid-step starts paused, the operator deciding when it goes on.
     */
    /**
     * The first model; after --resume, {@code history} and {@code events} (every event of the session, in
     * order) rebuild the log: each command with what it caused, and between them what played out while
     * the clock ran (a failed upgrade, a step's end), as the live log showed them.
     */
    public static Model initial(Snapshot world, List<Session.Result> history, List<Event> events, Model.Settings settings,
            Model.Size size) {
        List<LogEntry> log = new ArrayList<>();
        // Where each event stands in the session, by identity: a command's own events are those objects.
        java.util.IdentityHashMap<Event, Integer> place = new java.util.IdentityHashMap<>();
        for (int i = 0; i < events.size(); i++) place.put(events.get(i), i);
        // The events some command caused (those a rewind undid are not in the session any more).
        java.util.BitSet owned = new java.util.BitSet(events.size());
        for (Session.Result r : history) {
            Integer at = r.events().isEmpty() ? null : place.get(r.events().get(0));
            if (at != null) owned.set(at, at + r.events().size());
        }
        int next = 0; // the first event of the session not yet in the log
        for (Session.Result r : history) {
            Integer own = r.events().isEmpty() ? null : place.get(r.events().get(0));
            if (own != null && own >= next) {
                // What played out while the clock ran before it, up to its own events.
                for (int i = next; i < own; i++) log.add(new LogEntry.Happened(events.get(i)));
                next = own + r.events().size();
            } else {
                // A command with no events in the session (it caused none, or a rewind undid them): what played out by
                // its time came before it.
                while (next < events.size() && !owned.get(next) && events.get(next).time() <= r.time()) {
                    log.add(new LogEntry.Happened(events.get(next++)));
                }
            }
            log.addAll(entries(r, world.state().clock()));
        }
        for (int i = next; i < events.size(); i++) log.add(new LogEntry.Happened(events.get(i)));
        State st = world.state();
        LogEntry welcome = history.isEmpty() ? new LogEntry.Remark(st.clock(), LogEntry.Say.WELCOME, st.cluster().name())
                : new LogEntry.Remark(st.clock(), LogEntry.Say.RESUMED_JOURNAL, rehearse.text.Clock.format(st.clock()));
        log.add(welcome);
        LogEntry message = welcome;
        boolean paused = false;
        if (st.busy()) {
            paused = true;
            message = new LogEntry.Remark(st.clock(), LogEntry.Say.RESUMED_MID_STEP, "");
            log.add(message);
        }
        Model m = new Model(world, size, Model.Pane.NODES, new Model.Selection(0, null), java.util.Set.of(),
                new Model.LogPane(trim(log), -1, ""), -1, new Overlay.None(), Optional.of(message),
                new Model.Playback(DEFAULT_SPEED, paused, false, 0), List.of(), settings, Map.of(), Optional.empty());
        return Navigation.follow(m);
    }

    public static Next update(Model m, Msg msg) {
        if (msg instanceof Msg.KeyPressed k) return Keys.pressed(m, k.key());
        if (msg instanceof Msg.Tick t) return tick(m, t.realMs());
        if (msg instanceof Msg.Resized r) return Next.of(m.with(new Model.Size(r.columns(), r.rows())));
        if (msg instanceof Msg.Suspended) return Next.of(m);
        if (msg instanceof Msg.Continued) return Next.of(m, new Effect.Redraw());
        if (msg instanceof Msg.Submitted s) return submitted(m, s);
        if (msg instanceof Msg.Played p) return played(m, p);
        if (msg instanceof Msg.Refreshed r) return Next.of(m.with(r.world()));
        if (msg instanceof Msg.StepEnded e) return stepEnded(m, e);
        if (msg instanceof Msg.ReportDone r) {
            return Next.of(say(m, new LogEntry.Report(m.world().state().clock(), r.file(), r.written(), r.refusal())));
        }
        if (msg instanceof Msg.Chosen c) {
            // Only the target chosen last: an earlier choice still working out is dropped.
            if (!m.choosing().equals(Optional.of(c.ahead().to()))) return Next.of(m);
            return Next.of(m.choosing(Optional.empty()), new Effect.Adopt(c.ahead()),
                    new Effect.Submit(rehearse.command.Commands.target(c.ahead().to().label())));
        }
        if (msg instanceof Msg.Exploring x) return Next.of(WhatIf.progress(m, x));
        if (msg instanceof Msg.Explored x) return Next.of(WhatIf.explored(m, x));
        if (msg instanceof Msg.Rehearsing r) return WhatIf.rehearsing(m, r);
        Msg.Estimated e = (Msg.Estimated) msg;
        Map<Configuration, Model.Estimate> est = new HashMap<>(m.estimates());
        est.put(e.target(), new Model.Estimate(e.outageMs(), e.refusal()));
        return Next.of(m.withEstimates(est));
    }

    /** Playback has work to do: a step under way, or more steps of a run to start. */
    public static boolean animating(Model m) {
        if (m.playback().paused()) return false;
        return m.world().state().busy() || (m.playback().runAll() && m.world().plan().map(p -> !p.complete()).orElse(false));
    }

    public static long speed(Model m) {
        return SPEEDS[m.playback().speed()];
    }

    // ------------------------------------------------------------------ playback

    /**
     * {@code realMs} of playback: {@link #speed} simulated seconds per real second, never past
     * the next event, so every change gets a frame; the clock journaled once a second.
     */
    static Next tick(Model m, long realMs) {
        if (!animating(m)) return Next.of(m);
        State st = m.world().state();
        Model.Playback pb = m.playback();
        if (!st.busy()) return Next.of(m, new Effect.MarkClock(), new Effect.FinishStep());
        List<Effect> effects = new ArrayList<>();
        long since = pb.sinceClockMark() + realMs;
        if (since >= CLOCK_MARK_MS) {
            since = 0;
            effects.add(new Effect.MarkClock());
        }
        long speed = speed(m);
        if (speed == 0) effects.add(new Effect.PlayOut());
        else effects.add(new Effect.Advance(Math.min(st.nextTimerAt(), st.clock() + Math.max(1, speed * realMs))));
        return new Next(m.with(new Model.Playback(pb.speed(), pb.paused(), pb.runAll(), since)), effects);
    }

    private static Next played(Model m, Msg.Played p) {
        List<LogEntry> add = new ArrayList<>();
        for (Event e : p.events()) add.add(new LogEntry.Happened(e));
        Model n = append(m.with(p.world()), add);
        if (p.noGo().isPresent()) {
            // Stopped at the moment of the no-go, what is under way paused with it: the operator decides from there (the
            // recovery menu, or p to let it play on), as the what-if's recovery policy does.
            n = say(n.with(n.playback().running(false).paused(p.world().state().busy())),
                    new LogEntry.Stopped(p.world().state().clock(), p.noGo().get())).withPlanTop(-1);
        }
        n = Navigation.follow(n);
        if (p.world().state().busy()) return Next.of(n);
        return Next.of(n, new Effect.MarkClock(), new Effect.FinishStep());
    }

    private static Next stepEnded(Model m, Msg.StepEnded e) {
        Model n = Navigation.follow(m.with(e.world())).withPlanTop(-1);
        long now = e.world().state().clock();
        if (e.noGo().isPresent()) return Next.of(say(n.with(n.playback().running(false)), new LogEntry.Stopped(now, e.noGo().get())));
        boolean complete = e.world().complete();
        String to = e.world().plan().map(p -> p.target().to().label()).orElse("");
        if (n.playback().runAll()) {
            if (complete) return Next.of(say(n.with(n.playback().running(false)), new LogEntry.Remark(now, LogEntry.Say.PLAN_COMPLETE, to)));
            return step(n);
        }
        if (complete && e.finished().isPresent()) return Next.of(say(n, new LogEntry.Remark(now, LogEntry.Say.PLAN_COMPLETE, to)));
        if (e.finished().isPresent()) {
            return Next.of(say(n, new LogEntry.Remark(now, LogEntry.Say.STEP_DONE, rehearse.text.Steps.text(e.finished().get().action()))));
        }
        return Next.of(n);
    }

    /** The next step of the plan, played live; the pre-flight checklist first when it is next. */
    static Next step(Model m) {
        Snapshot w = m.world();
        long now = w.state().clock();
        Optional<Plan> plan = w.plan();
        if (plan.isEmpty()) return Next.of(say(m, new LogEntry.Remark(now, LogEntry.Say.NO_TARGET, "")));
        if (plan.get().complete()) return Next.of(say(m.with(m.playback().running(false)), new LogEntry.Remark(now, LogEntry.Say.ALREADY_COMPLETE, "")));
        if (w.state().busy()) return Next.of(say(m, new LogEntry.Remark(now, LogEntry.Say.STEP_UNDER_WAY, "")));
        Optional<Plan.Entry> next = plan.get().next();
        if (next.isPresent() && next.get().step().action() instanceof rehearse.plan.RunActions.Preflight) {
            return Next.of(m.with(new Overlay.Preflight(m.playback().runAll())));
        }
        return Next.of(m.with(m.playback().paused(false)).withPlanTop(-1), new Effect.Submit(new Command.Step("step")));
    }

    /** The rest of the plan, step after step, stopping at a no-go. */
    static Next run(Model m) {
        Snapshot w = m.world();
        if (w.plan().isEmpty()) return Next.of(say(m, new LogEntry.Remark(w.state().clock(), LogEntry.Say.NO_TARGET, "")));
        if (!w.state().preflightAcknowledged()) return Next.of(m.with(new Overlay.Preflight(true)));
        Model n = m.with(new Model.Playback(m.playback().speed(), false, true, m.playback().sinceClockMark()));
        return w.state().busy() ? Next.of(n) : step(n);
    }

    /** The pre-flight checklist answered. */
    static Next preflight(Model m, boolean thenRun, boolean yes) {
        Model n = m.with(new Overlay.None());
        if (!yes) {
            return Next.of(say(n.with(n.playback().running(false)),
                    new LogEntry.Remark(m.world().state().clock(), LogEntry.Say.PREFLIGHT_DECLINED, "")));
        }
        Model.Playback pb = n.playback();
        n = n.with(new Model.Playback(pb.speed(), false, thenRun, pb.sinceClockMark())).withPlanTop(-1);
        return Next.of(n, new Effect.Submit(rehearse.command.Commands.ackPreflight()), new Effect.Submit(new Command.Step("step")));
    }

    // ------------------------------------------------------------------ what the session answered

    private static Next submitted(Model m, Msg.Submitted s) {
        Session.Result r = s.result();
        Model n = append(m.with(s.world()), entries(r, s.world().state().clock()));
        n = n.withMessage(Optional.of(n.log().entries().get(n.log().entries().size() - 1)));
        Outcome o = r.outcome();
        if (r.command() instanceof Command.Step && !o.ok()) n = n.with(n.playback().running(false));
        // After a rewind nothing goes on by itself: a step cut there waits, paused, for p (or n).
        if (o instanceof Outcome.Rewound) n = n.with(n.playback().running(false).paused(s.world().state().busy()));
        if (o instanceof Outcome.Shown && !s.shown().isEmpty()) {
            n = n.with(new Overlay.Pager(r.command().text(), List.of(s.shown().split("\n")), 0));
        }
        if (r.command() instanceof Command.Target) n = n.withPlanTop(-1);
        return Next.of(Navigation.follow(n));
    }

    /** A result as log entries: the command, what it caused, the answer. */
    static List<LogEntry> entries(Session.Result r, long now) {
        List<LogEntry> out = new ArrayList<>();
        out.add(new LogEntry.Submitted(r.time(), r.command()));
        for (Event e : r.events()) out.add(new LogEntry.Happened(e));
        long at = r.events().isEmpty() ? r.time() : Math.max(r.time(), r.events().get(r.events().size() - 1).time());
        out.add(new LogEntry.Answered(Math.min(Math.max(at, r.time()), Math.max(now, r.time())), r.outcome()));
        return out;
    }

    /** The entry goes to the log and the bottom line. */
    static Model say(Model m, LogEntry e) {
        return append(m, List.of(e)).withMessage(Optional.of(e));
    }

    static Model append(Model m, List<LogEntry> add) {
        if (add.isEmpty()) return m;
        List<LogEntry> l = new ArrayList<>(m.log().entries());
        l.addAll(add);
        int before = l.size();
        l = trim(l);
        int cursor = m.log().cursor() < 0 ? -1 : Math.max(0, m.log().cursor() - (before - l.size()));
        return m.with(new Model.LogPane(l, cursor, m.log().search()));
    }

    private static List<LogEntry> trim(List<LogEntry> l) {
        return l.size() <= LOG_LIMIT ? l : new ArrayList<>(l.subList(l.size() - LOG_LIMIT, l.size()));
    }
}
