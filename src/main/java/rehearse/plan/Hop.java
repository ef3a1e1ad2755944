package rehearse.plan;

import rehearse.matrix.Configuration;
import rehearse.matrix.Platform;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;

/** One table row taken on the way to the target: every node goes from {@code from} to {@code to}. */
public record Hop(Configuration from, Configuration to, UpgradeKind kind) {
    /**
     * The hop changes only the service pack of one operating system (the tables' platforms say), so
     * the service pack's uninstall takes a node back; another operating system or another IIS has no
     * uninstall, and a node goes back from its backup.
     */
    public boolean servicePackOnly(UpgradeMatrix matrix) {
        Platform a = matrix.platform(from);
        Platform b = matrix.platform(to);
        return a.os().equals(b.os()) && a.servicePack() != b.servicePack();
    }

    /**
     * The hop installs another IIS on the same Windows NT 4.0 service pack (IIS 3.0 to 4.0, from the
     * Option Pack), whose setup replaces files the service pack updated: the service pack is
     * re-applied after it (KB Q191138).
     */
    public boolean installsIisOverServicePack(UpgradeMatrix matrix) {
        Platform a = matrix.platform(from);
        Platform b = matrix.platform(to);
        return a.os().equals(b.os()) && a.servicePack() == b.servicePack() && b.servicePack() > 0;
    }
}
