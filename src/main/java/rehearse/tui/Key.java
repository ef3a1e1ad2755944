package rehearse.tui;

/**
 * One key as the UI understands it, decoded from the terminal at the edge ({@link KeyDecoder}),
 * so the model and its update function know nothing of the terminal library.
 */
public record Key(Kind kind, char ch, boolean ctrl, boolean alt) {
    /** The keys the UI tells apart; {@code CHAR} carries its character. */
    public enum Kind {
        CHAR, ENTER, ESCAPE, TAB, BACK_TAB, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, BACKSPACE, DELETE, F1, EOF, OTHER
    }

    public static Key of(char c) {
        return new Key(Kind.CHAR, c, false, false);
    }

    public static Key ctrl(char c) {
        return new Key(Kind.CHAR, Character.toLowerCase(c), true, false);
    }

    public static Key of(Kind kind) {
        return new Key(kind, '\0', false, false);
    }

    /** A plain character key (no Ctrl, no Alt). */
    public boolean isChar() {
        return kind == Kind.CHAR && !ctrl && !alt;
    }

    /** How the help overlay writes it. */
    public String label() {
        if (kind == Kind.CHAR) {
            String c = ch == ' ' ? "Space" : String.valueOf(ch);
            return (ctrl ? "Ctrl-" + Character.toUpperCase(ch) : alt ? "Alt-" + c : c);
        }
        return switch (kind) {
            case ENTER -> "Enter";
            case ESCAPE -> "Esc";
            case TAB -> "Tab";
            case BACK_TAB -> "Shift-Tab";
            case UP -> "Up";
            case DOWN -> "Down";
            case LEFT -> "Left";
            case RIGHT -> "Right";
            case PAGE_UP -> "PgUp";
            case PAGE_DOWN -> "PgDn";
            case HOME -> "Home";
            case END -> "End";
            case BACKSPACE -> "Backspace";
            case DELETE -> "Delete";
            case F1 -> "F1";
            case EOF -> "EOF";
            default -> "?";
        };
    }
}
