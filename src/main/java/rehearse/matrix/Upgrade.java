package rehearse.matrix;

/** One row of a table: every node at {@code from} may be upgraded to {@code to} this way. */
public record Upgrade(Configuration from, Configuration to, UpgradeKind kind) {}
