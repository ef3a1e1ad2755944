package rehearse.io;

import java.util.List;

/**
 * A YAML value and where it starts (line and column from 1). The readers need no more than
 * this, and it is small: SnakeYAML Engine's own nodes keep two marks, two optionals and three
 * comment lists each, about 250 bytes a scalar, which put a 5 MB file of small values past the
 * launcher's heap.
 */
public abstract sealed class YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
    private final int line;
    private final int column;

    YamlNode(int line, int column) {
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What a plain scalar resolves to under YAML 1.2's core schema; quoted scalars are text. */
    public enum Kind { TEXT, NULL, BOOL, INT, FLOAT, OTHER }

    public static final class Scalar extends YamlNode {
        private final String value;
        private final Kind kind;
        private final boolean plain;

        public Scalar(int line, int column, String value, Kind kind, boolean plain) {
            super(line, column);
            this.value = value;
            this.kind = kind;
            this.plain = plain;
        }

        public String value() {
            return value;
        }

        public Kind kind() {
            return kind;
        }

        /** Unquoted: the value starts at the node's column (a quoted one, one column later). */
        public boolean plain() {
            return plain;
        }
    }

    public static final class Sequence extends YamlNode {
        private final List<YamlNode> items;

        public Sequence(int line, int column, List<YamlNode> items) {
            super(line, column);
            this.items = items;
        }

        public List<YamlNode> items() {
            return items;
        }
    }

    public record Entry(YamlNode key, YamlNode value) {}

    public static final class Mapping extends YamlNode {
        private final List<Entry> entries;

        public Mapping(int line, int column, List<Entry> entries) {
            super(line, column);
            this.entries = entries;
        }

        public List<Entry> entries() {
            return entries;
        }
    }
}
