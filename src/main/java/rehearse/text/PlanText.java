package rehearse.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.io.Text;
import rehearse.matrix.UpgradeKind;
import rehearse.plan.Hop;
import rehearse.plan.HopEstimate;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.StandardOption;
import rehearse.plan.Status;
import rehearse.plan.Strategy;
import rehearse.plan.Target;
import rehearse.plan.UpgradePath;

/**
 * The one plain-text view of a plan, for {@code plan}, {@code show}, the shell and scripts:
 * the path, each hop's steps with their marks, the estimates, and the last no-go.
 */
public final class PlanText {
    /** {@code marks}: show each step's status (a plan of a real cluster); {@code estimates}: the rehearsed outage. */
    public record Style(boolean marks, boolean estimates, int width) {
        public static final Style CLUSTER = new Style(true, true, 79);
        /** A path with no cluster behind it: the steps, nothing measured. */
        public static final Style PATH = new Style(false, false, 79);
    }

    private PlanText() {}

    /**
     * "1 hop, rolling", "2 hops, 1 standard": what a path's hops are, in one place. How a standard hop
     * keeps IIS off the nodes that differ (offline, restricted, removed) is its own: {@link #kind}.
     */
    public static String hops(UpgradePath path) {
        int hops = path.hops().size();
        int standard = path.offlineHops();
        return hops + (hops == 1 ? " hop, " : " hops, ") + (standard == 0 ? (hops == 1 ? "rolling" : "all rolling")
                : standard == hops ? (hops == 1 ? "standard" : "all standard") : standard + " standard");
    }

    /**
     * How one hop is carried out, in the words every view uses: "rolling (IIS stays available)",
     * "standard (IIS restricted to NODEB while the nodes differ)", "standard (IIS offline while the
     * nodes differ)", "standard (IIS removed while the nodes differ, recreated after)".
     */
    public static String kind(Hop hop, Strategy s) {
        if (hop.kind() == UpgradeKind.ROLLING) return "rolling (IIS stays available)";
        StandardOption o = s instanceof Strategy.Standard st ? st.option() : StandardOption.OFFLINE;
        return "standard (IIS " + switch (o) {
            case RESTRICT -> "restricted to " + s.last() + " while the nodes differ";
            case OFFLINE -> "offline while the nodes differ";
            case REMOVE -> "removed while the nodes differ, recreated after";
        } + ")";
    }

    /** The same, short, for a table's cell: "rolling", "standard, IIS restricted to NODEB". */
    public static String kindShort(Strategy s) {
        if (s instanceof Strategy.Standard st) {
            return "standard, IIS " + switch (st.option()) {
                case RESTRICT -> "restricted to " + st.last();
                case OFFLINE -> "offline";
                case REMOVE -> "removed and recreated";
            };
        }
        return "rolling";
    }

    /** A path that is not supported, or that needs nothing. */
    public static String path(UpgradePath path) {
        StringBuilder b = new StringBuilder("Plan: ").append(path.from().label()).append(" -> ").append(path.to().label()).append('\n');
        if (!path.reachable()) b.append("  not supported: ").append(path.reason()).append('\n');
        else if (path.hops().isEmpty()) b.append("  nothing to do: already at ").append(path.to().label()).append('\n');
        return b.toString();
    }

    public static String render(Plan plan, Optional<NoGo> noGo, Style style) {
        Target t = plan.target();
        UpgradePath path = t.path();
        if (path.hops().isEmpty()) return path(path);
        StringBuilder b = new StringBuilder();
        int hops = path.hops().size();
        b.append("Plan: ").append(path.from().label()).append(" -> ").append(path.to().label()).append(", ").append(hops(path))
                .append(plan.complete() ? "; complete" : "").append('\n');
        List<Plan.Entry> entries = plan.entries();
        for (Plan.Entry e : entries) if (e.step().hop() < 0) step(b, e, 0, style);
        for (int h = 0; h < hops; h++) {
            Hop hop = path.hops().get(h);
            String head = "Hop " + (h + 1) + " of " + hops + ": " + hop.from().label() + " -> " + hop.to().label() + ", "
                    + kind(hop, t.strategies().get(h)) + why(hop, t.strategies().get(h));
            b.append('\n');
            for (String l : Text.wrap(head, style.width(), "  ")) b.append(l).append('\n');
            int n = 1;
            for (Plan.Entry e : entries) if (e.step().hop() == h) step(b, e, n++, style);
            if (style.estimates() && h < t.estimates().size()) estimate(b, t.estimates().get(h), h == hops - 1, style);
        }
        b.append("\nAt the end\n");
        int n = 1;
        for (Plan.Entry e : entries) if (e.step().hop() >= hops) step(b, e, n++, style);
        Optional<NoGo> shown = noGo.isPresent() ? noGo : plan.unfit();
        if (shown.isPresent()) {
            b.append('\n');
            for (String l : Text.wrap(Refusals.noGo(shown.get()), style.width(), "  ")) b.append(l).append('\n');
        }
        return b.toString();
    }

    /** Why a standard hop is done the way it is. */
    private static String why(Hop hop, Strategy s) {
        if (hop.kind() == UpgradeKind.ROLLING) return "";
        StandardOption o = s instanceof Strategy.Standard st ? st.option() : StandardOption.OFFLINE;
        return ". Of the source page's three ways (remove the IIS resources,"
                + " take them offline, or restrict their possible owners to the supported node), this plan " + switch (o) {
            case RESTRICT -> "restricts them to " + s.last() + ", the node upgraded last, where IIS runs until that node's turn";
            case OFFLINE -> "takes them offline for the whole hop";
            case REMOVE -> "removes them and recreates them when every node is upgraded";
        } + ": the least IIS outage.";
    }

    private static void step(StringBuilder b, Plan.Entry e, int n, Style style) {
        String head = "  " + (style.marks() ? Steps.mark(e.status()) + " " : "") + (n > 0 ? n + ". " : "");
        String indent = " ".repeat(head.length());
        String text = Steps.text(e.step().action()) + (style.marks() && e.status() == Status.UNDER_WAY ? " (under way)" : "");
        for (String l : Text.wrap(head + text, style.width(), indent)) b.append(l).append('\n');
    }

    private static void estimate(StringBuilder b, HopEstimate e, boolean last, Style style) {
        String text = "Estimated IIS outage (rehearsed when the target was chosen): " + outage(e.planned())
                + e.alternative().map(a -> "; done as a standard upgrade: " + outage(a)).orElse("")
                + (last ? " (with the groups moved back to their preferred owners)" : "") + ".";
        for (String l : Text.wrap("  " + text, style.width(), "    ")) b.append(l).append('\n');
    }

    /** "26s (Web Group 26s, FTP Group 13s)", or where the rehearsal stopped. */
    static String outage(HopEstimate.Outage o) {
        StringBuilder b = new StringBuilder(Clock.duration(o.wallClockMs()));
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, Long> g : o.perGroupMs().entrySet()) groups.add(g.getKey() + " " + Clock.duration(g.getValue()));
        if (!groups.isEmpty()) b.append(" (").append(String.join(", ", groups)).append(')');
        o.stoppedAt().ifPresent(n -> b.append(", but it stops at '").append(Steps.label(n.step().action())).append("'"));
        return b.toString();
    }
}
