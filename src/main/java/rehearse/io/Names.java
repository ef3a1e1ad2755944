package rehearse.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names declared in an input file, compared as MSCS compares them: node, group and resource
 * names are case-insensitive (NetBIOS names, cluster.exe), so {@code nodea} and {@code NODEA}
 * are one name. A reference in any case resolves to the spelling of the declaration.
 */
public final class Names {
    /** A declared name: its spelling and where it is declared. */
    public record Declared(String name, int line, int column) {}

    private final String what;
    private final Map<String, Declared> byKey = new LinkedHashMap<>();

    /** {@code what} names the kind in messages: "node name", "group name", ... */
    public Names(String what) {
        this.what = what;
    }

    /** The comparison key: {@link rehearse.model.Names#key}, the one place that says how names compare. */
    public static String key(String name) {
        return rehearse.model.Names.key(name);
    }

    /**
     * Declares {@code name} at {@code at}; a second declaration in any case is a problem there
     * that gives the first one's position. Returns whether the name was new.
     */
    public boolean declare(String name, YamlNode at, Problems problems) {
        return declare(name, at.line(), at.column(), (line, column, message) -> problems.add(Location.of(problems.file(), line, column), message));
    }

    /** Where problems go, for readers that are not YAML files. */
    public interface Sink {
        void problem(int line, int column, String message);
    }

    public boolean declare(String name, int line, int column, Sink problems) {
        Declared first = byKey.putIfAbsent(key(name), new Declared(name, line, column));
        if (first == null) return true;
        String where = "line " + first.line() + (first.column() > 0 ? ", column " + first.column() : "");
        if (first.name().equals(name)) {
            problems.problem(line, column, "duplicate " + what + " '" + name + "' (first at " + where + ")");
        } else {
            problems.problem(line, column, "duplicate " + what + " '" + name + "': names ignore case, and '" + first.name()
                    + "' is at " + where);
        }
        return false;
    }

    /** The declared spelling of {@code name} in any case, or null. */
    public String resolve(String name) {
        Declared d = byKey.get(key(name));
        return d == null ? null : d.name();
    }

    public Declared declared(String name) {
        return byKey.get(key(name));
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public List<String> spellings() {
        List<String> out = new ArrayList<>(byKey.size());
        for (Declared d : byKey.values()) out.add(d.name());
        return out;
    }

    /** At most ten names for a message, then how many more. */
    public static String some(Collection<String> names) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String s : names) {
            if (n == 10) {
                b.append(", ... (").append(names.size() - 10).append(" more)");
                break;
            }
            if (n++ > 0) b.append(", ");
            b.append(s);
        }
        return b.toString();
    }
}
