package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.tui.KeyMap.Context;
import rehearse.tui.Update.Next;

/** A key in: looked up in the key map for where the UI stands, and carried out. */
final class Keys {
    private Keys() {}

    static Next pressed(Model m, Key k) {
        if (k.kind() == Key.Kind.EOF) return Next.of(m, new Effect.Quit());
        if (k.alt() && !k.ctrl() && k.kind() != Key.Kind.ESCAPE) {
            // Esc then a key in quick succession (or over a slow link) arrives as Alt+key (Alt+Tab, Alt+Enter too): mean both.
            Next first = pressed(m, Key.of(Key.Kind.ESCAPE));
            Next second = pressed(first.model(), k.kind() == Key.Kind.CHAR ? Key.of(k.ch()) : Key.of(k.kind()));
            List<Effect> all = new ArrayList<>(first.effects());
            all.addAll(second.effects());
            return new Next(second.model(), all);
        }
        Context c = context(m);
        if (m.overlay() instanceof Overlay.Prompt p) return Prompts.key(m, p, k, KeyMap.action(c, k));
        Optional<UiAction> a = KeyMap.action(c, k);
        return a.isEmpty() ? Next.of(m) : act(m, a.get());
    }

    static Context context(Model m) {
        Overlay o = m.overlay();
        if (o instanceof Overlay.Menu) return Context.MENU;
        if (o instanceof Overlay.Pager || o instanceof Overlay.Tables) return Context.PAGER;
        if (o instanceof Overlay.WhatIf) return Context.HEAT_MAP;
        if (o instanceof Overlay.ConfirmQuit || o instanceof Overlay.Preflight) return Context.CONFIRM;
        if (o instanceof Overlay.Prompt) return Context.PROMPT;
        return switch (m.pane()) {
            case NODES -> Context.NODES;
            case PLAN -> Context.PLAN;
            case LOG -> Context.LOG;
            case TIMELINE -> Context.MAIN;
        };
    }

    static Next act(Model m, UiAction a) {
        if (a == UiAction.REDRAW) return Next.of(m, new Effect.Redraw());
        Overlay o = m.overlay();
        if (a == UiAction.QUIT) return o instanceof Overlay.ConfirmQuit ? Next.of(m, new Effect.Quit()) : quit(m);
        if (o instanceof Overlay.Menu menu) return Menus.key(m, menu, a);
        if (o instanceof Overlay.Pager || o instanceof Overlay.Tables) return Next.of(Navigation.pager(m, a));
        if (o instanceof Overlay.WhatIf w) return WhatIf.key(m, w, a);
        if (o instanceof Overlay.ConfirmQuit) {
            if (a == UiAction.YES) return Next.of(m, new Effect.Quit());
            return a == UiAction.NO ? Next.of(m.with(new Overlay.None())) : Next.of(m);
        }
        if (o instanceof Overlay.Preflight p) {
            return a == UiAction.YES || a == UiAction.NO ? Update.preflight(m, p.thenRun(), a == UiAction.YES) : Next.of(m);
        }
        return main(m, a);
    }

    /** Focus on a pane; the timeline is folded from the session's events when it comes into view. */
    private static Next pane(Model m, Model.Pane p) {
        Model n = m.with(p);
        return p == Model.Pane.TIMELINE ? Next.of(n, new Effect.Refresh()) : Next.of(n);
    }

    /** Quitting asks while a rehearsal is under way (the dialog names the journal). */
    static Next quit(Model m) {
        return m.world().underWay() ? Next.of(m.with(new Overlay.ConfirmQuit())) : Next.of(m, new Effect.Quit());
    }

    private static Next main(Model m, UiAction a) {
        Model.Playback pb = m.playback();
        long now = m.world().state().clock();
        return switch (a) {
            case HELP -> Next.of(m.with(new Overlay.Pager("Keys", KeyMap.help(), 0)));
            case NEXT_PANE -> pane(m, switch (m.pane()) {
                case NODES -> Model.Pane.PLAN;
                case PLAN -> Model.Pane.LOG;
                case LOG -> Model.Pane.TIMELINE;
                case TIMELINE -> Model.Pane.NODES;
            });
            case PREVIOUS_PANE -> pane(m, switch (m.pane()) {
                case NODES -> Model.Pane.TIMELINE;
                case PLAN -> Model.Pane.NODES;
                case LOG -> Model.Pane.PLAN;
                case TIMELINE -> Model.Pane.LOG;
            });
            case TIMELINE -> pane(m, m.pane() == Model.Pane.TIMELINE ? Model.Pane.LOG : Model.Pane.TIMELINE);
            case LEFT -> Next.of(Navigation.column(m, -1));
            case RIGHT -> Next.of(Navigation.column(m, 1));
            case UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM -> Next.of(Navigation.scroll(m, a));
            case OPEN -> switch (m.pane()) {
                case NODES -> Next.of(Menus.actions(m));
                case PLAN -> Next.of(Menus.recovery(m));
                case LOG -> Next.of(Navigation.detail(m));
                case TIMELINE -> Next.of(m);
            };
            case TOGGLE_RESOURCES -> Next.of(Navigation.selectedGroup(m).map(g -> Navigation.toggle(m, g.name())).orElse(m));
            case TARGET_PICKER -> Menus.targets(m);
            case TABLES -> Next.of(m.with(new Overlay.Tables(0, 0)));
            case WHAT_IF -> WhatIf.open(m);
            case STEP -> Update.step(m);
            case RUN -> Update.run(m);
            case PAUSE -> {
                Model n = Update.say(m.with(pb.paused(!pb.paused())),
                        new LogEntry.Remark(now, pb.paused() ? LogEntry.Say.RESUMED : LogEntry.Say.PAUSED, ""));
                yield pb.paused() ? Next.of(n) : Next.of(n, new Effect.MarkClock());
            }
            case FASTER -> Next.of(m.with(new Model.Playback(Math.min(Update.SPEEDS.length - 1, pb.speed() + 1), pb.paused(), pb.runAll(),
                    pb.sinceClockMark())));
            case SLOWER -> Next.of(m.with(new Model.Playback(Math.max(0, pb.speed() - 1), pb.paused(), pb.runAll(), pb.sinceClockMark())));
            case FAULTS -> Next.of(Menus.faults(m));
            case EXPORT -> Next.of(m.with(new Overlay.Prompt(Overlay.Line.EXPORT,
                    m.settings().export().map(java.nio.file.Path::toString).orElse(""), m.history().size())));
            case REWIND_STEP -> {
                // The start of the step before now; before any step, the start of the rehearsal.
                long to = Math.max(0, m.world().previousStepStart());
                yield now == 0 ? Next.of(Update.say(m, new LogEntry.Remark(now, LogEntry.Say.NOTHING_TO_REWIND, "")))
                        : Next.of(m, new Effect.Submit(rehearse.command.Commands.rewindTo(to)));
            }
            case PROMPT -> Next.of(m.with(new Overlay.Prompt(Overlay.Line.COMMAND, "", m.history().size())));
            case SEARCH -> Next.of(m.with(new Overlay.Prompt(Overlay.Line.SEARCH, "", m.history().size())));
            case SEARCH_NEXT -> Next.of(Navigation.search(m, m.log().search(), 1));
            case SEARCH_PREVIOUS -> Next.of(Navigation.search(m, m.log().search(), -1));
            case DISMISS -> Next.of(m.withMessage(Optional.empty()));
            default -> Next.of(m);
        };
    }
}
