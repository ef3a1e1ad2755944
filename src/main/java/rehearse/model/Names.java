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
        for (int i = 0; i < name.length(); i++) b.append(Character.toLowerCase(Character.toUpperCase(name.charAt(i))));
        return b.toString();
    }

    public static boolean same(String a, String b) {
        return a.equals(b) || (a.length() == b.length() && key(a).equals(key(b)));
    }
}
