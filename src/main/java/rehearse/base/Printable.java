package rehearse.base;

/**
 * Names come from files an operator did not necessarily write (imports, a colleague's cluster
 * file). Anything that could move the cursor, change colours or reorder text on a terminal is
 * made visible instead of being sent.
 */
public final class Printable {
    private Printable() {}

    /** Index of the first character that must not reach a terminal, or -1. */
    public static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (unsafe(cp)) return i;
            i += Character.charCount(cp);
        }
        return -1;
    }

    public static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The text with every unsafe character shown as a {@code \\uXXXX} escape. */
    public static String clean(String s) {
        if (s == null) return "";
        if (firstUnsafe(s) < 0) return s;
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            if (unsafe(cp)) out.append(escape(cp));
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /** How a character that must not be sent is shown instead: {@code \\u001B}, {@code \\U0001F680}. */
    public static String escape(int cp) {
        return String.format(java.util.Locale.ROOT, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", cp);
    }

    /** {@link #clean} line by line: a message of several lines keeps its line ends and nothing else. */
    public static String cleanLines(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
            out.append(clean(s.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        return out.append(clean(s.substring(start))).toString();
    }

    /** Like {@link #clean} but keeps only ASCII, for terminals that cannot show the rest. */
    public static String ascii(String s) {
        String c = clean(s);
        StringBuilder out = new StringBuilder(c.length());
        c.codePoints().forEach(cp -> out.append(cp < 0x7F ? (char) cp : '?'));
        return out.toString();
    }
}
