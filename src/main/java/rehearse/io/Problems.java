package rehearse.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** Collects problems while reading one file, so an operator sees them all at once. */
public final class Problems {
    private static final int MAX = 100;
    private final String file;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void at(YamlNode node, String message) {
        if (node == null) add(new Location(file, 0, 0), message);
        else add(new Location(file, node.line(), node.column()), message);
    }

    public void at(Mark mark, String message) {
        if (mark == null) add(new Location(file, 0, 0), message);
        else add(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), message);
    }

    /** A problem inside a scalar: {@code offset} counts characters from where the scalar starts. */
    public void inside(YamlNode node, int offset, String message) {
        add(new Location(file, node.line(), node.column() + offset), message);
    }

    public void add(Location where, String message) {
        if (list.size() < MAX) list.add(new Problem(where, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() throws InputException {
        if (!list.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt((Problem p) -> p.where().line())
                    .thenComparingInt(p -> p.where().column()));
            throw new InputException(sorted);
        }
    }
}
