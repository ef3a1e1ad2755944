package rehearse.plan;

import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeKind;

/** One table row taken on the way to the target: every node goes from {@code from} to {@code to}. */
public record Hop(Configuration from, Configuration to, UpgradeKind kind) {}
