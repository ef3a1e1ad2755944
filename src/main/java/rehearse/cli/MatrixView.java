package rehearse.cli;

import java.util.Set;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.plan.Planner;

/** The tables as text that fits 80 columns. */
public final class MatrixView {
    private MatrixView() {}

    public static String render(UpgradeMatrix m) {
        StringBuilder b = new StringBuilder();
        section(b, m, UpgradeKind.STANDARD, "Supported upgrades (standard): IIS resources removed, offline,",
                "or restricted by possible owners to the supported node while nodes differ");
        b.append('\n');
        section(b, m, UpgradeKind.ROLLING, "Supported rolling upgrades: IIS resources stay available,",
                "moved to the other node while each node is upgraded");
        b.append('\n');
        grid(b, m);
        b.append('\n').append(String.format(java.util.Locale.ROOT, "  %-9s %-38s %s%n", "id", "platform", "IIS resource type"));
        for (Configuration c : m.configurations()) {
            b.append(String.format(java.util.Locale.ROOT, "  %-9s %-38s %s%n", c.id(), c.platform(), c.iisResourceType()));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, UpgradeMatrix m, UpgradeKind kind, String title, String subtitle) {
        b.append(title).append('\n').append(subtitle).append('\n');
        if (m.upgrades(kind).isEmpty()) b.append("  (none)\n");
        for (Upgrade u : m.upgrades(kind)) {
            b.append(String.format(java.util.Locale.ROOT, "  %-14s -> %s%n", u.from().label(), u.to().label()));
        }
    }

    /** Present configurations down, upgraded across: R rolling, S standard, + through several hops. */
    private static void grid(StringBuilder b, UpgradeMatrix m) {
        Planner planner = new Planner(m);
        int w = 4;
        for (Configuration c : m.configurations()) w = Math.max(w, c.id().length() + 1);
        String head = "Present \\ Upgraded";
        int first = Math.max(head.length(), 15) + 1;
        b.append(String.format(java.util.Locale.ROOT, "%-" + first + "s", head));
        for (Configuration c : m.configurations()) b.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", c.id()));
        trimEnd(b);
        b.append('\n');
        for (Configuration from : m.configurations()) {
            b.append(String.format(java.util.Locale.ROOT, "%-" + first + "s", from.label()));
            Set<Configuration> reachable = planner.reachableSet(from); // one search per row, not per cell
            for (Configuration to : m.configurations()) {
                String cell;
                if (from.equals(to)) cell = "=";
                else {
                    Upgrade u = m.direct(from, to).orElse(null);
                    if (u != null) cell = u.kind() == UpgradeKind.ROLLING ? "R" : "S";
                    else cell = reachable.contains(to) ? "+" : ".";
                }
                pad(b, cell, w);
            }
            trimEnd(b);
            b.append('\n');
        }
        b.append("R rolling  S standard  + through several hops  . not supported  = same\n");
    }

    private static void pad(StringBuilder b, String cell, int width) {
        b.append(cell);
        for (int i = cell.length(); i < width; i++) b.append(' ');
    }

    private static void trimEnd(StringBuilder b) {
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') b.setLength(b.length() - 1);
    }
}
