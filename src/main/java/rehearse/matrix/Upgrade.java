package rehearse.matrix;

import java.util.Objects;

/** One row of a table: every node at {@code from} may be upgraded to {@code to} this way. */
public record Upgrade(Configuration from, Configuration to, UpgradeKind kind) {
    // Written out for the reason given in Configuration.
    @Override
    public boolean equals(Object o) {
        return o instanceof Upgrade u && Objects.equals(from, u.from) && Objects.equals(to, u.to) && kind == u.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, kind);
    }
}
