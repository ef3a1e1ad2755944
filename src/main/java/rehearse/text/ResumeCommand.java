package rehearse.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import rehearse.base.Printable;

/**
 * The command line that goes on with a journaled rehearsal, as the operator pastes it into a
 * POSIX shell: {@code rehearse --resume /home/admin/.local/state/rehearse/journal-WEBCLUSTER-20261203-0745.jsonl}.
 * Said when the UI or the shell ends (and there for the UI's quit dialog to show). The launcher is
 * the word that starts rehearse again: {@code rehearse} where that name on PATH is it, else its
 * path (a checkout's {@code scripts/rehearse}); the command line decides which.
 */
public final class ResumeCommand {
    private ResumeCommand() {}

    /** The front end a rehearsal is resumed in: the full-screen UI, or the line-mode shell. */
    public enum FrontEnd {
        UI(""), SHELL(" shell");

        private final String words;

        FrontEnd(String words) {
            this.words = words;
        }
    }

    /** The launcher when none is known: the name the README's install puts on PATH. */
    public static final String ON_PATH = "rehearse";

    /** {@code LAUNCHER [shell] --resume JOURNAL}, the journal's path absolute (the operator may be elsewhere next time). */
    public static String line(String launcher, Path journal, FrontEnd frontEnd) {
        return shellWord(launcher) + frontEnd.words + " --resume " + shellWord(journal.toAbsolutePath().toString());
    }

    /** What the UI prints once the terminal is restored, and the shell as it leaves: two lines, no line end. */
    public static String saved(String launcher, Path journal, FrontEnd frontEnd) {
        return "rehearse: the rehearsal is in the journal " + Printable.clean(journal.toAbsolutePath().toString())
                + "; to go on with it, run:\n  " + line(launcher, journal, frontEnd);
    }

    /**
     * One word for a POSIX shell, safe to print on a terminal: as it is when it holds only
     * characters no shell treats specially; else in single quotes (a quote inside as
     * {@code '\''}); and when it holds a character that must not reach a terminal (a control
     * character, as {@link Printable#unsafe} says), in dollar-single quotes with that character's
     * UTF-8 bytes as three-digit octal escapes ({@code $'a\033b'}: POSIX.1-2024, bash, zsh, ksh
     * and busybox read it; the name is never written raw).
     */
    public static String shellWord(String s) {
        if (!s.isEmpty() && s.chars().allMatch(ResumeCommand::plain)) return s;
        if (Printable.firstUnsafe(s) < 0) return "'" + s.replace("'", "'\\''") + "'";
        StringBuilder b = new StringBuilder("$'");
        s.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '\'') {
                b.append('\\').appendCodePoint(cp);
            } else if (Printable.unsafe(cp)) {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append(String.format(Locale.ROOT, "\\%03o", x & 0xFF));
                }
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('\'').toString();
    }

    private static boolean plain(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "_@%+=:,./-".indexOf(c) >= 0);
    }
}
