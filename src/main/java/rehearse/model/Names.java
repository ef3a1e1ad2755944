package rehearse.model;

import java.util.Locale;

/**
 * Node, group and resource names are case-insensitive in MSCS (NetBIOS names, cluster.exe):
 * {@code nodea} and {@code NODEA} are one node. This is the one place that says how two names
 * compare; everything that looks a name up goes through {@link #key}.
 */
public final class Names {
    private Names() {}

    /** The form under which a name is looked up: case folded the same way in every locale. */
    public static String key(String name) {
        return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        if (a.equals(b) || a.equalsIgnoreCase(b)) return true;
        return !ascii(a) && !ascii(b) && key(a).equals(key(b)); // ASCII names that differ ignoring case differ
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }
}
