package rehearse.cli;

import java.util.List;
import rehearse.io.Text;
import rehearse.matrix.UpgradeKind;
import rehearse.plan.Hop;
import rehearse.plan.HopSteps;
import rehearse.plan.PlanStep;
import rehearse.plan.UpgradePath;

/** A path and its operator steps as text. */
public final class PlanView {
    private PlanView() {}

    public static String render(UpgradePath path, List<String> nodes, List<String> iisResources) {
        StringBuilder b = new StringBuilder();
        b.append("Plan: ").append(path.from().label()).append(" -> ").append(path.to().label()).append('\n');
        if (!path.reachable()) {
            b.append("  not supported: ").append(path.reason()).append('\n');
            return b.toString();
        }
        if (path.hops().isEmpty()) {
            b.append("  nothing to do: already at ").append(path.to().label()).append('\n');
            return b.toString();
        }
        // Plain appends, not String.format: the formatter's locale data is a few ms of a short command's start.
        int hops = path.hops().size();
        b.append("  ").append(hops).append(hops == 1 ? " hop, " : " hops, ").append(path.offlineHops())
         .append(" offline (standard)\n");
        int n = 1;
        for (Hop hop : path.hops()) {
            b.append("\nHop ").append(n++).append(" of ").append(hops).append(": ").append(hop.from().label())
             .append(" -> ").append(hop.to().label()).append(", ")
             .append(hop.kind() == UpgradeKind.ROLLING ? "rolling (IIS stays available)" : "standard (IIS offline)")
             .append('\n');
            int s = 1;
            for (PlanStep step : HopSteps.of(hop, nodes, iisResources)) {
                for (String line : Text.wrap("  " + s++ + ". " + step.text(), 79, "     ")) {
                    b.append(line).append('\n');
                }
                if (hop.kind() == UpgradeKind.STANDARD && s == 2) {
                    b.append("     For each IIS resource, one of:\n")
                     .append("       offline   take it offline; it stays offline until the last step\n")
                     .append("       remove    delete it now and re-create it when every node is upgraded\n")
                     .append("       restrict  make only nodes still at ").append(hop.from().label())
                     .append(" its possible owners,\n")
                     .append("                 so it can come online only on a supported node\n");
                }
            }
        }
        return b.toString();
    }
}
