package rehearse.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping for plain-text output that must stay readable at 80 columns, counted in the
 * columns a terminal gives the text (a CJK character takes two), not in UTF-16 units.
 */
public final class Text {
    private Text() {}

    /** The terminal columns {@code s} takes (Lanterna's measure, as the full-screen UI counts). */
    public static int columns(String s) {
        return com.googlecode.lanterna.TerminalTextUtils.getColumnWidth(s);
    }

    /** The longest start of {@code s} that takes at most {@code columns} terminal columns. */
    public static String fit(String s, int columns) {
        return com.googlecode.lanterna.TerminalTextUtils.fitString(s, Math.max(0, columns));
    }

    /** Wraps {@code text} to {@code width} columns; lines after the first start with {@code indent}. */
    public static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (String word : text.split(" +")) {
            int w = columns(word);
            if (line.length() > 0 && used + 1 + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
                used = indent.length();
            }
            if (line.length() > 0 && !line.toString().equals(indent)) {
                line.append(' ');
                used++;
            }
            line.append(word);
            used += w;
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
