package rehearse.model;

/**
 * Node, group and resource names are case-insensitive in MSCS (NetBIOS names, cluster.exe):
 * {@code nodea} and {@code NODEA} are one node. This is the one place that says how two names
 * compare; everything that looks a name up goes through {@link #key}.
 */
public final class Names {
    private Names() {}

    /**
     * The form under which a name is looked up: each character folded as Windows upcases names,
     * one for one (so "ß" is not "ss" and the length never changes), the same in every locale.
     */
    public static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) b.append(fold(name.charAt(i)));
        return b.toString();
    }

    /** {@code key(a).equals(key(b))}, without making either key (names are compared in every lookup). */
    public static boolean same(String a, String b) {
        if (a.equals(b)) return true;
        if (a.length() != b.length()) return false;
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && fold(x) != fold(y)) return false;
        }
        return true;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
