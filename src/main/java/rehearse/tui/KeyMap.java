package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one key map: which key does what, where, in the words the help overlay shows and the
 * status line hints. The update function looks keys up here and nowhere else.
 */
public final class KeyMap {
    /** Where a binding holds: a pane of the main screen, any of them, or an overlay. */
    public enum Context { GLOBAL, MAIN, NODES, PLAN, LOG, MENU, PAGER, HEAT_MAP, CONFIRM, PROMPT }

    /**
     * {@code hint}: the word the status line shows next to the key (null: not hinted);
     * {@code help}: the help overlay's line.
     */
    public record Binding(List<Key> keys, Context context, UiAction action, String hint, String help) {
        public Binding {
            keys = List.copyOf(keys);
        }

        /** The keys as the help shows them: "q, Ctrl-C". */
        public String label() {
            List<String> l = new ArrayList<>();
            for (Key k : keys) l.add(k.label());
            return String.join(", ", l);
        }
    }

    private static Binding b(Context c, UiAction a, String hint, String help, Key... keys) {
        return new Binding(List.of(keys), c, a, hint, help);
    }

    private static Key k(char c) {
        return Key.of(c);
    }

    private static Key k(Key.Kind kind) {
        return Key.of(kind);
    }

    public static final List<Binding> BINDINGS = List.of(
            b(Context.GLOBAL, UiAction.QUIT, null, "quit (asks while a rehearsal is under way)", Key.ctrl('c')),
            b(Context.GLOBAL, UiAction.REDRAW, null, "redraw the screen", Key.ctrl('l')),
            // The log pane's own keys come before the main screen's: there n and N search.
            b(Context.LOG, UiAction.SEARCH_NEXT, null, "log: next match of the search", k('n')),
            b(Context.LOG, UiAction.SEARCH_PREVIOUS, null, "log: previous match", k('N')),
            b(Context.LOG, UiAction.OPEN, null, "log: the selected line whole, wrapped", k(Key.Kind.ENTER)),
            b(Context.PLAN, UiAction.OPEN, null, "plan: at a no-go, the recovery actions", k(Key.Kind.ENTER)),
            b(Context.MAIN, UiAction.HELP, "help", "this help", k('?'), k(Key.Kind.F1)),
            b(Context.MAIN, UiAction.QUIT, "quit", "quit (asks while a rehearsal is under way)", k('q')),
            b(Context.MAIN, UiAction.TARGET_PICKER, "target", "target picker", k('t')),
            b(Context.MAIN, UiAction.STEP, "step", "run the next plan step, live", k('n'), k(' ')),
            b(Context.MAIN, UiAction.RUN, "run", "run the rest of the plan, stopping at a no-go", k('r')),
            b(Context.MAIN, UiAction.PAUSE, "pause", "pause / resume playback", k('p')),
            b(Context.MAIN, UiAction.FASTER, null, "playback faster (1x 10x 60x 300x 1800x instant)", k('+'), k('=')),
            b(Context.MAIN, UiAction.SLOWER, null, "playback slower", k('-'), k('_')),
            b(Context.MAIN, UiAction.TABLES, "tables", "the upgrade tables", k('m')),
            b(Context.MAIN, UiAction.FAULTS, "faults", "fault menu: fail a node, an upgrade, a join, a resource", k('f')),
            b(Context.MAIN, UiAction.EXPORT, "export", "export: the report (.md, .html) or the runbook (.runbook.md, .cmd)", k('x')),
            b(Context.MAIN, UiAction.WHAT_IF, "what-if", "what if: every fault at every step of the plan, a heat map of the IIS outage; Enter"
                    + " rehearses the one under the cursor live", k('i')),
            b(Context.MAIN, UiAction.REWIND_STEP, "back", "back to the start of the step before now (a rewind; a new branch)", k('b')),
            b(Context.MAIN, UiAction.PROMPT, "command", "command prompt (the language of scripts; :help, :q)", k(':')),
            b(Context.MAIN, UiAction.SEARCH, "search", "search the log (then n / N in the log)", k('/')),
            b(Context.MAIN, UiAction.TIMELINE, "timeline", "the timeline instead of the log, and back", k('w')),
            b(Context.MAIN, UiAction.NEXT_PANE, "panes", "next pane (nodes, plan, log, timeline)", k(Key.Kind.TAB)),
            b(Context.MAIN, UiAction.PREVIOUS_PANE, null, "previous pane", k(Key.Kind.BACK_TAB)),
            b(Context.MAIN, UiAction.LEFT, null, "previous node", k(Key.Kind.LEFT), k('h')),
            b(Context.MAIN, UiAction.RIGHT, null, "next node", k(Key.Kind.RIGHT), k('l')),
            b(Context.MAIN, UiAction.UP, null, "up: groups, plan steps, log lines", k(Key.Kind.UP), k('k')),
            b(Context.MAIN, UiAction.DOWN, null, "down", k(Key.Kind.DOWN), k('j')),
            b(Context.MAIN, UiAction.PAGE_UP, null, "a page up (plan, log)", k(Key.Kind.PAGE_UP)),
            b(Context.MAIN, UiAction.PAGE_DOWN, null, "a page down", k(Key.Kind.PAGE_DOWN)),
            b(Context.MAIN, UiAction.TOP, null, "top (plan, log)", k('g'), k(Key.Kind.HOME)),
            b(Context.MAIN, UiAction.BOTTOM, null, "bottom (the log follows its end again)", k('G'), k(Key.Kind.END)),
            b(Context.MAIN, UiAction.OPEN, "actions", "actions of the selected node or group", k(Key.Kind.ENTER)),
            b(Context.MAIN, UiAction.TOGGLE_RESOURCES, null, "show or hide the selected group's resources", k('e')),
            b(Context.MAIN, UiAction.DISMISS, null, "clear the bottom line", k(Key.Kind.ESCAPE)),
            b(Context.MENU, UiAction.UP, null, "previous choice", k(Key.Kind.UP), k('k')),
            b(Context.MENU, UiAction.DOWN, null, "next choice", k(Key.Kind.DOWN), k('j')),
            b(Context.MENU, UiAction.CHOOSE, null, "choose", k(Key.Kind.ENTER)),
            b(Context.MENU, UiAction.CLOSE, null, "close", k(Key.Kind.ESCAPE), k('q')),
            b(Context.PAGER, UiAction.UP, null, "scroll up", k(Key.Kind.UP), k('k')),
            b(Context.PAGER, UiAction.DOWN, null, "scroll down", k(Key.Kind.DOWN), k('j')),
            b(Context.PAGER, UiAction.LEFT, null, "scroll left (tables)", k(Key.Kind.LEFT), k('h')),
            b(Context.PAGER, UiAction.RIGHT, null, "scroll right (tables)", k(Key.Kind.RIGHT), k('l')),
            b(Context.PAGER, UiAction.PAGE_UP, null, "a page up", k(Key.Kind.PAGE_UP)),
            b(Context.PAGER, UiAction.PAGE_DOWN, null, "a page down", k(Key.Kind.PAGE_DOWN), k(' ')),
            b(Context.PAGER, UiAction.TOP, null, "top", k('g'), k(Key.Kind.HOME)),
            b(Context.PAGER, UiAction.BOTTOM, null, "bottom", k('G'), k(Key.Kind.END)),
            b(Context.PAGER, UiAction.CLOSE, null, "close", k(Key.Kind.ESCAPE), k('q'), k(Key.Kind.ENTER), k('?'), k('m'),
                    k(Key.Kind.F1)),
            b(Context.HEAT_MAP, UiAction.UP, null, "previous step", k(Key.Kind.UP), k('k')),
            b(Context.HEAT_MAP, UiAction.DOWN, null, "next step", k(Key.Kind.DOWN), k('j')),
            b(Context.HEAT_MAP, UiAction.LEFT, null, "previous fault", k(Key.Kind.LEFT), k('h')),
            b(Context.HEAT_MAP, UiAction.RIGHT, null, "next fault", k(Key.Kind.RIGHT), k('l')),
            b(Context.HEAT_MAP, UiAction.PAGE_UP, null, "ten faults back", k(Key.Kind.PAGE_UP)),
            b(Context.HEAT_MAP, UiAction.PAGE_DOWN, null, "ten faults on", k(Key.Kind.PAGE_DOWN)),
            b(Context.HEAT_MAP, UiAction.TOP, null, "first fault", k('g'), k(Key.Kind.HOME)),
            b(Context.HEAT_MAP, UiAction.BOTTOM, null, "last fault", k('G'), k(Key.Kind.END)),
            b(Context.HEAT_MAP, UiAction.CHOOSE, null, "rehearse this fault at this step, live", k(Key.Kind.ENTER)),
            b(Context.HEAT_MAP, UiAction.CLOSE, null, "close", k(Key.Kind.ESCAPE), k('q'), k('i')),
            b(Context.CONFIRM, UiAction.YES, null, "yes", k('y'), k('Y')),
            b(Context.CONFIRM, UiAction.NO, null, "no", k('n'), k('N'), k(Key.Kind.ESCAPE)),
            b(Context.PROMPT, UiAction.SUBMIT, null, "run the command (or search)", k(Key.Kind.ENTER)),
            b(Context.PROMPT, UiAction.CLOSE, null, "leave the prompt", k(Key.Kind.ESCAPE)),
            b(Context.PROMPT, UiAction.CLEAR, null, "clear the line", Key.ctrl('u')),
            b(Context.PROMPT, UiAction.COMPLETE, null, "complete the word (as the shell does)", k(Key.Kind.TAB)),
            b(Context.PROMPT, UiAction.HISTORY_BACK, null, "earlier command", k(Key.Kind.UP)),
            b(Context.PROMPT, UiAction.HISTORY_FORWARD, null, "later command", k(Key.Kind.DOWN)),
            b(Context.PROMPT, UiAction.ERASE, null, "erase a character", k(Key.Kind.BACKSPACE)));

    private KeyMap() {}

    /**
     * The action of {@code key} in {@code context}: the global bindings first, then the
     * context's; a pane's context falls back to the main screen's.
     */
    public static Optional<UiAction> action(Context context, Key key) {
        Optional<UiAction> a = find(Context.GLOBAL, key);
        if (a.isPresent()) return a;
        a = find(context, key);
        if (a.isPresent() || !pane(context)) return a;
        return find(Context.MAIN, key);
    }

    private static boolean pane(Context c) {
        return c == Context.NODES || c == Context.PLAN || c == Context.LOG;
    }

    private static Optional<UiAction> find(Context context, Key key) {
        for (Binding b : BINDINGS) if (b.context() == context && b.keys().contains(key)) return Optional.of(b.action());
        return Optional.empty();
    }

    /** The status line's hints: "t target  n step ...", those {@code shown} allows. */
    public static String hints(java.util.function.Predicate<UiAction> shown) {
        StringBuilder s = new StringBuilder();
        for (Binding b : BINDINGS) {
            if (b.hint() == null || !shown.test(b.action())) continue;
            if (s.length() > 0) s.append("  ");
            s.append(b.keys().get(0).label()).append(' ').append(b.hint());
        }
        return s.toString();
    }

    /** The help overlay's lines, a section per context. */
    public static List<String> help() {
        List<String> out = new ArrayList<>();
        for (Context c : Context.values()) {
            String title = switch (c) {
                case GLOBAL -> "Anywhere";
                case MAIN -> "Main screen";
                case NODES -> "Nodes pane";
                case PLAN -> "Plan pane";
                case LOG -> "Log pane";
                case MENU -> "Menus and the target picker";
                case PAGER -> "Help, tables and text views";
                case HEAT_MAP -> "The what-if heat map";
                case CONFIRM -> "Questions";
                case PROMPT -> "The : and / prompts";
            };
            List<String> lines = new ArrayList<>();
            for (Binding b : BINDINGS) {
                if (b.context() == c) lines.add(String.format(java.util.Locale.ROOT, "  %-18s %s", b.label(), b.help()));
            }
            if (lines.isEmpty()) continue;
            if (!out.isEmpty()) out.add("");
            out.add(title);
            out.addAll(lines);
        }
        out.add("");
        out.add("Typed at ':': the command language ('help' lists it); :q or :quit quits.");
        out.add("States: [+] online  [~] pending  [/] partially online  [ ] offline  [X] failed");
        out.add("Plan: [x] done  [~] under way  [!] failed  [>] next  [ ] to do");
        return out;
    }
}
