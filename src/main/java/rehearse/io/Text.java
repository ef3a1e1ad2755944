package rehearse.io;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for plain-text output that must stay readable at 80 columns. */
public final class Text {
    private Text() {}

    /** Wraps {@code text} to {@code width}; lines after the first start with {@code indent}. */
    public static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
