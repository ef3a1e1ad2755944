package rehearse.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import rehearse.base.Printable;

/**
 * Text measured in terminal columns, not UTF-16 units: a CJK character takes two, a combining
 * mark none. Every piece of text the UI places goes through here, escaped first, so a name can
 * neither write control characters nor push a column separator.
 */
final class Cells {
    private Cells() {}

    /**
     * The text as it may reach the terminal: escaped ({@link Printable}), ASCII only in the ASCII
     * theme. Lanterna gives every UTF-16 unit a cell of its own, so what would not take exactly the
     * cells it is given is escaped too: a combining mark left after composing (NFC) and a character
     * beyond the BMP (an emoji would go out as two lone surrogates).
     */
    static String safe(String s, boolean unicode) {
        if (!unicode) return Printable.ascii(s);
        String c = Normalizer.normalize(Printable.clean(s), Normalizer.Form.NFC);
        boolean plain = true;
        for (int i = 0; i < c.length() && plain; i++) plain = !Character.isSurrogate(c.charAt(i)) && !zeroWidth(c.charAt(i));
        if (plain) return c;
        StringBuilder out = new StringBuilder(c.length() + 16);
        c.codePoints().forEach(cp -> {
            if (cp > 0xFFFF || zeroWidth(cp)) out.append(Printable.escape(cp));
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }

    private static boolean zeroWidth(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    static int width(String s) {
        return TerminalTextUtils.getColumnWidth(s);
    }

    /** At most {@code columns} wide; cut text ends in "..." (or is cut bare when there is no room for it). */
    static String fit(String s, int columns) {
        if (columns <= 0) return "";
        if (width(s) <= columns) return s;
        if (columns <= 3) return TerminalTextUtils.fitString(s, columns);
        String cut = TerminalTextUtils.fitString(s, columns - 3);
        return cut + "...";
    }

    /** Exactly {@code columns} wide: fitted, then padded with spaces. */
    static String pad(String s, int columns) {
        String f = fit(s, columns);
        int w = width(f);
        return w >= columns ? f : f + " ".repeat(columns - w);
    }

    /**
     * Lines of at most {@code columns}, broken at spaces where there are any. Follow-on lines keep
     * the indent, or hang under the second column where the line is two columns apart ("q  quit",
     * "upgrade NODE  upgrade a node"), so a description goes on under itself, not under its key.
     */
    static List<String> wrap(String text, int columns) {
        List<String> out = new ArrayList<>();
        if (columns <= 0) return out;
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') indent++;
        int gap = text.indexOf("  ", indent);
        int hang = gap;
        while (hang >= 0 && hang < text.length() && text.charAt(hang) == ' ') hang++;
        int under = gap > indent && hang < text.length() && width(text.substring(0, hang)) <= columns / 2 ? width(text.substring(0, hang)) : indent;
        String lead = " ".repeat(Math.min(under, Math.max(0, columns / 2)));
        String rest = text;
        boolean first = true;
        while (!rest.isEmpty()) {
            String prefix = first ? "" : lead;
            int room = columns - prefix.length();
            if (width(rest) <= room) {
                out.add(prefix + rest);
                break;
            }
            String head = TerminalTextUtils.fitString(rest, room);
            int brk = head.lastIndexOf(' ');
            if (brk > 0 && brk > head.length() / 3) head = head.substring(0, brk);
            if (head.isBlank()) head = rest.substring(0, Character.charCount(rest.codePointAt(0)));
            out.add(prefix + head.stripTrailing());
            rest = rest.substring(head.length()).stripLeading();
            first = false;
        }
        if (out.isEmpty()) out.add("");
        return out;
    }

    /** Every line wrapped. */
    static List<String> wrapAll(List<String> lines, int columns) {
        List<String> out = new ArrayList<>();
        for (String l : lines) out.addAll(wrap(l, columns));
        return out;
    }
}
