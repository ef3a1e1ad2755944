package rehearse.tui;

import com.googlecode.lanterna.TextColor;
import java.util.Locale;
import java.util.Map;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;

/**
 * How things look: line-drawing or ASCII characters, colour or none. Every state is also a
 * word or symbol, so nothing depends on colour alone. Whether there is colour is decided by
 * {@link rehearse.base.TerminalType#color}, for the shell too.
 */
public record Theme(boolean unicode, boolean color) {

    /** UTF-8 only when the locale says so (Lanterna would otherwise follow Java's default charset). */
    public static boolean localeIsUtf8(Map<String, String> env) {
        for (String key : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(key);
            if (v != null && !v.isEmpty()) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }

    public char horizontal() {
        return unicode ? '\u2500' : '-';
    }

    public char vertical() {
        return unicode ? '\u2502' : '|';
    }

    /** Box corners: 0 top left, 1 top right, 2 bottom left, 3 bottom right. */
    public char corner(int which) {
        return unicode ? "\u250C\u2510\u2514\u2518".charAt(which) : '+';
    }

    public char bar() {
        return unicode ? '\u2588' : '#';
    }

    public char barEmpty() {
        return unicode ? '\u2591' : '.';
    }

    public String groupSymbol(GroupState s) {
        return switch (s) {
            case ONLINE -> "[+]";
            case OFFLINE -> "[ ]";
            case FAILED -> "[X]";
            case PENDING -> "[~]";
            case PARTIALLY_ONLINE -> "[/]";
        };
    }

    public String resourceSymbol(ResourceState s) {
        return switch (s) {
            case ONLINE -> "+";
            case OFFLINE -> " ";
            case FAILED -> "X";
            case ONLINE_PENDING, OFFLINE_PENDING -> "~";
        };
    }

    public TextColor groupColor(GroupState s) {
        if (!color) return TextColor.ANSI.DEFAULT;
        return switch (s) {
            case ONLINE -> TextColor.ANSI.GREEN;
            case FAILED -> TextColor.ANSI.RED;
            case PENDING, PARTIALLY_ONLINE -> TextColor.ANSI.YELLOW;
            case OFFLINE -> TextColor.ANSI.DEFAULT;
        };
    }

    public TextColor resourceColor(ResourceState s) {
        if (!color) return TextColor.ANSI.DEFAULT;
        return switch (s) {
            case ONLINE -> TextColor.ANSI.GREEN;
            case FAILED -> TextColor.ANSI.RED;
            case ONLINE_PENDING, OFFLINE_PENDING -> TextColor.ANSI.YELLOW;
            case OFFLINE -> TextColor.ANSI.DEFAULT;
        };
    }

    public TextColor nodeColor(NodeState s) {
        if (!color) return TextColor.ANSI.DEFAULT;
        return switch (s) {
            case UP -> TextColor.ANSI.GREEN;
            case DOWN -> TextColor.ANSI.RED;
            case PAUSED, JOINING -> TextColor.ANSI.YELLOW;
        };
    }

    public TextColor accent() {
        return color ? TextColor.ANSI.CYAN : TextColor.ANSI.DEFAULT;
    }

    public TextColor warning() {
        return color ? TextColor.ANSI.RED : TextColor.ANSI.DEFAULT;
    }
}
