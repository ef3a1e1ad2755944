package rehearse.plan;

import java.util.List;

/** What an operator can do after a no-go, in the order worth trying. */
public sealed interface Recovery {
    record AckPreflight() implements Recovery {}

    /** Bring a down node back at its configuration ({@code restore}). */
    record RestoreNode(String node) implements Recovery {}

    record ResumeNode(String node) implements Recovery {}

    /**
     * A node whose Cluster service is more than one version from {@code other}'s: restoring it
     * would be refused again; bring {@code other} within one version, or return the node to its
     * old configuration from its backup.
     */
    record BringWithinOneVersion(String node, String other) implements Recovery {}

    /** A removed IIS resource comes back only with {@code recreate} (bringing its group online does not). */
    record RecreateResource(String resource) implements Recovery {}

    record BringOnline(String group) implements Recovery {}

    /** Give a resource these possible owners ({@code owners}), while the nodes run one version (or its IIS is offline). */
    record AddPossibleOwners(String resource, List<String> owners) implements Recovery {}

    /** Wait for what is under way to end ({@code wait}). */
    record Wait() implements Recovery {}

    /** After the recovery, {@code run} goes on from what the cluster then needs (retrying this step). */
    record RunAgain() implements Recovery {}

    /**
     * Roll the hop back by hand: {@code upgraded}, the nodes that made it or began its upgrade, go back to its old
     * configuration; {@code uninstall}: by uninstalling a service pack (else from their backups,
     * as an operating system or IIS setup has no uninstall: the pre-flight backup for the first hop,
     * the one taken as the hop began for a later one, {@code firstHop} says which). None upgraded:
     * only the pauses and moves are undone.
     */
    record RollBack(Hop hop, java.util.List<String> upgraded, boolean uninstall, boolean firstHop) implements Recovery {
        public RollBack {
            upgraded = java.util.List.copyOf(upgraded);
        }
    }
}
