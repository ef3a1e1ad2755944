package rehearse.base;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment says about the terminal, decided in this one place for the full-screen UI
 * and the shell: whether the cursor can be addressed (the UI needs it), and whether to use colour.
 * Pure functions of the environment: nothing is asked of the terminal and no process is started
 * (no {@code tput}, no terminfo read), so start-up pays nothing for them.
 */
public final class TerminalType {
    private TerminalType() {}

    /**
     * Why the full-screen UI cannot run on this terminal, or empty when it can. The UI writes ANSI
     * (ECMA-48) sequences whatever terminfo says, so every TERM is taken but those that say the
     * terminal cannot place the cursor: none at all (an unset TERM: cron, a service, a stripped
     * environment), {@code dumb} (Emacs' shell and compilation buffers, CI logs, IDE consoles; and
     * JLine's {@code dumb-color}) and {@code unknown} (what login and ssh set when the client named no
     * type). An allow-list from terminfo would refuse working terminals whose entries a jump host
     * lacks (xterm-kitty, tmux-256color on an older system).
     */
    public static Optional<String> cannotAddressCursor(Map<String, String> env) {
        String term = env.get("TERM");
        if (term == null) return Optional.of("TERM is not set");
        if (term.isBlank()) return Optional.of("TERM is empty");
        String t = term.strip().toLowerCase(Locale.ROOT);
        if (t.equals("dumb") || t.startsWith("dumb-") || t.equals("unknown")) return Optional.of("TERM=" + t);
        return Optional.empty();
    }

    /**
     * Whether to colour the output: not when the operator said {@code --no-color}, not when
     * {@code NO_COLOR} is set to a value that is not empty (no-color.org: an empty one counts as
     * unset), and not on a terminal that cannot place the cursor or one that shows no colour
     * (vt100, vt52 and their variants).
     */
    public static boolean color(boolean noColorOption, Map<String, String> env) {
        if (noColorOption) return false;
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        if (cannotAddressCursor(env).isPresent()) return false;
        String term = env.get("TERM").strip().toLowerCase(Locale.ROOT);
        return !term.startsWith("vt100") && !term.startsWith("vt52");
    }
}
