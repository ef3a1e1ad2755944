package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rehearse.base.Printable;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.Completions;
import rehearse.command.ParseException;
import rehearse.tui.Update.Next;

/** The ':' command prompt and the '/' search prompt: editing, history, completion, submitting. */
final class Prompts {
    static final int MAX_LENGTH = 500;

    private Prompts() {}

    static Next key(Model m, Overlay.Prompt p, Key k, Optional<UiAction> action) {
        if (action.isEmpty()) {
            if (!k.isChar() || p.text().length() >= MAX_LENGTH || Printable.unsafe(k.ch())) return Next.of(m);
            return Next.of(m.with(new Overlay.Prompt(p.kind(), p.text() + k.ch(), p.history())));
        }
        List<String> h = m.history();
        return switch (action.get()) {
            case SUBMIT -> submit(m.with(new Overlay.None()), p);
            case CLOSE -> Next.of(m.with(new Overlay.None()));
            case CLEAR -> Next.of(m.with(new Overlay.Prompt(p.kind(), "", p.history())));
            case ERASE -> Next.of(m.with(new Overlay.Prompt(p.kind(), erase(p.text()), p.history())));
            case HISTORY_BACK -> p.history() <= 0 ? Next.of(m)
                    : Next.of(m.with(new Overlay.Prompt(p.kind(), h.get(p.history() - 1), p.history() - 1)));
            case HISTORY_FORWARD -> p.history() >= h.size() ? Next.of(m) : Next.of(m.with(new Overlay.Prompt(p.kind(),
                    p.history() + 1 < h.size() ? h.get(p.history() + 1) : "", p.history() + 1)));
            case COMPLETE -> p.kind() == Overlay.Line.COMMAND ? complete(m, p) : Next.of(m);
            default -> Keys.act(m, action.get()); // Ctrl-C, Ctrl-L
        };
    }

    private static String erase(String s) {
        if (s.isEmpty()) return s;
        return s.substring(0, s.offsetByCodePoints(s.length(), -1));
    }

    private static Next submit(Model m, Overlay.Prompt p) {
        String line = p.text().strip();
        if (line.isEmpty()) return Next.of(m);
        if (p.kind() == Overlay.Line.EXPORT) return Next.of(m, new Effect.WriteReport(line));
        List<String> h = new ArrayList<>(m.history());
        h.add(line);
        Model n = m.withHistory(h.size() > 200 ? h.subList(h.size() - 200, h.size()) : h);
        if (p.kind() == Overlay.Line.SEARCH) {
            Model fromEnd = n.with(new Model.LogPane(n.log().entries(), -1, line));
            return Next.of(Navigation.search(fromEnd, line, -1));
        }
        if (line.equals("q") || line.equals("quit")) return Keys.quit(n);
        Optional<Command> c;
        try {
            c = CommandParser.parse(line);
        } catch (ParseException e) {
            return Next.of(Update.say(n, new LogEntry.BadLine(n.world().state().clock(), e.column(), e.getMessage())));
        }
        if (c.isEmpty()) return Next.of(n);
        if (c.get() instanceof Command.Step) return Update.step(n);
        if (c.get() instanceof Command.Run) return Update.run(n);
        return Next.of(n, new Effect.Submit(c.get()));
    }

    /** Tab: the word under the cursor completed from the grammar's candidates, as the shell completes it. */
    private static Next complete(Model m, Overlay.Prompt p) {
        String text = p.text();
        List<String> words = words(text);
        boolean fresh = text.isEmpty() || text.endsWith(" ");
        String partial = fresh ? "" : words.remove(words.size() - 1);
        List<String> before = new ArrayList<>();
        for (String w : words) before.add(Completions.unquote(w));
        String want = Completions.unquote(partial).toLowerCase(Locale.ROOT);
        List<String> fits = new ArrayList<>();
        for (String c : Completions.candidates(m.world().state().cluster(), m.world().state().matrix(), m.world().rewindTimes(), before)) {
            if (Completions.unquote(c).toLowerCase(Locale.ROOT).startsWith(want)) fits.add(c);
        }
        if (fits.isEmpty()) return Next.of(m);
        String head = text.substring(0, text.length() - partial.length());
        if (fits.size() == 1) return Next.of(m.with(new Overlay.Prompt(p.kind(), head + fits.get(0) + " ", p.history())));
        String common = fits.get(0);
        for (String f : fits) {
            int i = 0;
            while (i < common.length() && i < f.length() && Character.toLowerCase(common.charAt(i)) == Character.toLowerCase(f.charAt(i))) i++;
            common = common.substring(0, i);
        }
        // The choices go to the bottom line only, not the log: a Tab is no event of the rehearsal.
        Model n = m.withMessage(Optional.of(new LogEntry.Remark(m.world().state().clock(), LogEntry.Say.COMPLETIONS, String.join("  ", fits))));
        String next = common.length() > partial.length() ? head + common : text;
        return Next.of(n.with(new Overlay.Prompt(p.kind(), next, p.history())));
    }

    /** The words typed so far; a quoted name is one word (its quotes kept). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == ' ' && !quoted) {
                if (w.length() > 0) out.add(w.toString());
                w.setLength(0);
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0 || (!text.isEmpty() && !text.endsWith(" "))) out.add(w.toString());
        return out;
    }
}
