package rehearse.command;

/** How the command language writes a name: as it is when it is a plain word, else double-quoted. */
public final class Quote {
    private Quote() {}

    public static String name(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
            return name;
        }
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
