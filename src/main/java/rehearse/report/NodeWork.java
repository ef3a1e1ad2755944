package rehearse.report;

import java.util.Locale;
import rehearse.matrix.Platform;
import rehearse.matrix.UpgradeMatrix;
import rehearse.plan.Hop;

/**
 * What is done by hand on each node in one hop, and how that is undone, from the hop's two
 * configurations and their platforms (never from their labels): a service pack of one operating
 * system, the operating system itself, or IIS on an unchanged platform.
 */
sealed interface NodeWork {
    /** The hop's configurations. */
    Hop hop();

    /** The manual step on {@code node}. */
    String manual(String node);

    /** How a node that made the hop is returned to the hop's old configuration. */
    String rollback();

    /** The pre-flight item this hop adds: what to have ready. */
    String ready();

    /** Whether the hop is the plan's first: its rollback uses the pre-flight backup, a later hop's the backup taken as it begins. */
    boolean firstHop();

    /** "its pre-flight backup", "the backup taken as this hop began". */
    default String backup() {
        return firstHop() ? "its pre-flight backup" : "the backup taken as this hop began";
    }

    /** A node returns from a backup (no uninstall): a hop after the first needs one taken as it begins. */
    default boolean needsBackup() {
        return !(this instanceof ServicePack);
    }

    /** Another operating system (Windows NT 4.0 to Windows 2000): its setup upgrades the node, and it has no uninstall. */
    record OperatingSystem(Hop hop, Platform to, boolean firstHop) implements NodeWork {
        @Override
        public String manual(String node) {
            return "on " + node + ", run the " + to.os() + " setup as an upgrade (it brings " + hop.to().label() + ")"
                    + (to.servicePack() > 0 ? ", then install " + servicePack(to) : "")
                    + "; restart, and let the node rejoin the cluster";
        }

        @Override
        public String rollback() {
            return "restore each upgraded node from " + backup() + " (system state and data) at " + hop.from().label() + " ("
                    + to.os() + " has no uninstall)";
        }

        @Override
        public String ready() {
            return "Have the " + to.os() + " setup ready" + (to.servicePack() > 0 ? ", and " + servicePack(to) : "")
                    + "; " + (firstHop ? "the pre-flight backup is" : "the backups taken as the hop begins are") + " the only way back (no uninstall).";
        }
    }

    /** A service pack of the same operating system: installed keeping its uninstall folder, so it can be uninstalled. */
    record ServicePack(Hop hop, Platform from, Platform to, boolean firstHop) implements NodeWork {
        @Override
        public String manual(String node) {
            return "on " + node + ", install " + servicePack(to) + ", keeping its uninstall folder (do not decline to save"
                    + " the files for uninstalling it); restart, and let the node rejoin the cluster";
        }

        @Override
        public String rollback() {
            return "uninstall " + servicePack(to) + " from the uninstall folder kept when it was applied, and restart: the node is"
                    + " back at " + (from.servicePack() > 0 ? servicePack(from) : from.name()) + " (" + hop.from().label() + ")";
        }

        @Override
        public String ready() {
            return "Have " + servicePack(to) + " ready, with room for its uninstall folder on every node.";
        }
    }

    /** IIS on an unchanged platform (IIS 3.0 to 4.0 on Windows NT 4.0): its setup replaces files the service pack updated. */
    record Iis(Hop hop, Platform on, boolean firstHop) implements NodeWork {
        @Override
        public String manual(String node) {
            return "on " + node + ", install IIS" + on.iisSetupSource().map(s -> " from " + s).orElse("") + " (to reach " + hop.to().label() + ")"
                    + (on.servicePack() > 0 ? ", then re-apply " + servicePack(on) : "") + "; restart, and let the node rejoin the cluster";
        }

        @Override
        public String rollback() {
            return "the IIS setup does not put the earlier IIS back: restore each upgraded node from " + backup() + " at "
                    + hop.from().label();
        }

        @Override
        public String ready() {
            return "Have the IIS setup ready" + on.iisSetupSource().map(s -> " (" + s + ")").orElse("")
                    + (on.servicePack() > 0 ? ", and " + servicePack(on) + " to re-apply after it" : "") + ".";
        }
    }

    static NodeWork of(UpgradeMatrix matrix, Hop hop, boolean firstHop) {
        Platform from = matrix.platform(hop.from());
        Platform to = matrix.platform(hop.to());
        if (!from.os().equals(to.os())) return new OperatingSystem(hop, to, firstHop);
        if (hop.servicePackOnly(matrix)) return new ServicePack(hop, from, to, firstHop);
        return new Iis(hop, to, firstHop);
    }

    private static String servicePack(Platform p) {
        return String.format(Locale.ROOT, "Service Pack %d for %s", p.servicePack(), p.os());
    }
}
