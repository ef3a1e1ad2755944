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
        b.append(String.format("  %d hop%s, %d offline (standard)%n", path.hops().size(), path.hops().size() == 1 ? "" : "s",
                path.offlineHops()));
        int n = 1;
        for (Hop hop : path.hops()) {
            b.append(String.format("%nHop %d of %d: %s -> %s, %s%n", n++, path.hops().size(), hop.from().label(),
                    hop.to().label(), hop.kind() == UpgradeKind.ROLLING
                            ? "rolling (IIS stays available)"
                            : "standard (IIS offline)"));
            int s = 1;
            for (PlanStep step : HopSteps.of(hop, nodes, iisResources)) {
                for (String line : Text.wrap(String.format("  %d. %s", s++, step.text()), 79, "     ")) {
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
