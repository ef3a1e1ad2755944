package rehearse.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** The edge where Lanterna's key strokes become the UI's own {@link Key}s. */
public final class KeyDecoder {
    private KeyDecoder() {}

    public static Key decode(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Character) {
            char c = k.getCharacter();
            return new Key(Key.Kind.CHAR, k.isCtrlDown() ? Character.toLowerCase(c) : c, k.isCtrlDown(), k.isAltDown());
        }
        Key.Kind kind = switch (t) {
            case Enter -> Key.Kind.ENTER;
            case Escape -> Key.Kind.ESCAPE;
            case Tab -> Key.Kind.TAB;
            case ReverseTab -> Key.Kind.BACK_TAB;
            case ArrowUp -> Key.Kind.UP;
            case ArrowDown -> Key.Kind.DOWN;
            case ArrowLeft -> Key.Kind.LEFT;
            case ArrowRight -> Key.Kind.RIGHT;
            case PageUp -> Key.Kind.PAGE_UP;
            case PageDown -> Key.Kind.PAGE_DOWN;
            case Home -> Key.Kind.HOME;
            case End -> Key.Kind.END;
            case Backspace -> Key.Kind.BACKSPACE;
            case Delete -> Key.Kind.DELETE;
            case F1 -> Key.Kind.F1;
            case EOF -> Key.Kind.EOF;
            default -> Key.Kind.OTHER;
        };
        return new Key(kind, '\0', k.isCtrlDown(), k.isAltDown());
    }
}
