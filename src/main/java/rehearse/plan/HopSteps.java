package rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import rehearse.matrix.UpgradeKind;

/**
 * The operator steps of one hop, after the source page: a rolling hop is its four steps
 * (generalised to N nodes as a chain: empty a node onto the previous, already upgraded one);
 * a standard hop first makes every IIS resource safe, runs the same sequence, then brings
 * the IIS resources back.
 */
public final class HopSteps {
    /** The seed's own wording, for plans made without a cluster. */
    public static final List<String> SEED_NODES = List.of("node A", "node B");

    private HopSteps() {}

    public static List<PlanStep> of(Hop hop, List<String> nodes, List<String> iisResources) {
        List<PlanStep> steps = new ArrayList<>();
        boolean standard = hop.kind() == UpgradeKind.STANDARD;
        if (standard) {
            List<String> cmds = iisResources.stream().map(r -> "offline resource " + quote(r)).toList();
            steps.add(new PlanStep("Before the first node is upgraded, make every IIS resource safe;"
                    + " this plan takes them offline.", cmds));
        }
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            if (nodes.size() > 1) {
                String to = nodes.get(i == 0 ? 1 : i - 1);
                String text = i == 0
                        ? "Move all groups from " + node + " to " + to + "."
                        : "After a successful upgrade of " + to + ", move all groups from " + node + " to " + to + ".";
                steps.add(new PlanStep(text, List.of("move all from " + quote(node) + " to " + quote(to))));
            }
            steps.add(new PlanStep("Upgrade " + node + " to " + hop.to().label() + " (" + hop.to().platform() + ").",
                    List.of("upgrade " + quote(node) + " to " + quote(hop.to().label()))));
        }
        if (standard) {
            List<String> cmds = iisResources.stream().map(r -> "online resource " + quote(r)).toList();
            steps.add(new PlanStep("Every node is at " + hop.to().label() + ": bring the IIS resources back online"
                    + " (and restore their possible owners if you restricted them).", cmds));
        }
        return steps;
    }

    /** Quotes a name for the command language when it is not a plain word. */
    public static String quote(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
            return name;
        }
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
