package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.io.Printable;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;
import rehearse.plan.Hop;
import rehearse.plan.HopSteps;
import rehearse.plan.PlanStep;
import rehearse.plan.UpgradePath;
import rehearse.sim.Clock;
import rehearse.sim.Estimate;
import rehearse.sim.Rehearsal;

/**
 * The runbook of a plan: every step with the exact cluster.exe commands, the state to expect
 * and how to check it, go/no-go points with their rollback, and the restore of the settings
 * the run changed. The commands come from rehearsing the plan on a copy of the cluster, so a
 * "move all" lists exactly the groups the node will own at that point.
 */
public final class Runbook {
    /** One instruction: words for the operator, commands to run, and what to expect. */
    record Item(String text, List<String> commands, List<String> expect, List<String> verify, String goNoGo, String rollback) {}

    record Section(String title, List<Item> items) {}

    private final Cluster start;
    private final UpgradePath path;
    private final List<Section> sections = new ArrayList<>();
    private final List<Estimate.HopEstimate> estimates;

    private Runbook(Cluster start, UpgradePath path, List<Estimate.HopEstimate> estimates) {
        this.start = start;
        this.path = path;
        this.estimates = estimates;
    }

    public static Runbook of(UpgradeMatrix matrix, Cluster cluster, UpgradePath path) {
        Runbook rb = new Runbook(cluster, path, Estimate.of(matrix, cluster, path));
        rb.build(matrix);
        return rb;
    }

    private String cluster() {
        return "cluster /cluster:" + arg(start.name());
    }

    private void build(UpgradeMatrix matrix) {
        List<Item> pre = new ArrayList<>();
        pre.add(new Item("Back up both nodes (system state and data) and the cluster configuration.", List.of(), List.of(), List.of(), null, null));
        pre.add(new Item("Have the service pack ready to re-apply after IIS is installed.", List.of(), List.of(), List.of(), null, null));
        pre.add(new Item("Consult the documentation of every clustered resource before the rolling upgrade.", List.of(), List.of(),
                List.of(), null, null));
        List<String> failbackOff = new ArrayList<>();
        for (Group g : start.groups()) if (g.failback()) failbackOff.add(cluster() + " group " + arg(g.name()) + " /prop AutoFailbackType=0");
        pre.add(new Item("Disable failback for the run" + (failbackOff.isEmpty() ? " (no group has it on)." : "."), failbackOff,
                List.of(), List.of(cluster() + " group /status"), null, null));
        pre.add(new Item("Record the present state.", List.of(cluster() + " node /status", cluster() + " group /status",
                cluster() + " resource /status"), List.of(), List.of(), null, null));
        sections.add(new Section("Pre-flight checklist", pre));

        Rehearsal sim = new Rehearsal(matrix, start);
        sim.execute(new Command.AckPreflight("ack preflight"));
        int h = 0;
        for (Hop hop : path.hops()) {
            h++;
            List<Item> items = new ArrayList<>();
            for (PlanStep step : HopSteps.of(hop, start.nodeNames(), start.iisResources())) {
                List<String> cmds = new ArrayList<>();
                String goNoGo = null, rollback = null;
                List<String> verify = new ArrayList<>();
                for (Command c : CommandParser.parseGenerated(step.commands())) {
                    cmds.addAll(clusterExe(sim, c));
                    if (c instanceof Command.Upgrade u) {
                        goNoGo = "GO if " + u.node() + " is Up at " + hop.to().label() + " and every group is as expected; "
                                + "otherwise NO-GO: stop here.";
                        rollback = "Leave the groups where they are (they run on the other node). Windows 2000 has no uninstall:"
                                + " restore " + u.node() + " from the pre-flight backup (or reinstall it at " + hop.from().label()
                                + "), then check '" + cluster() + " node " + arg(u.node()) + " /status' shows Up.";
                        verify.add(cluster() + " node " + arg(u.node()) + " /status");
                    }
                    sim.execute(c);
                }
                sim.settle();
                sim.drainEvents();
                verify.add(cluster() + " group /status");
                items.add(new Item(step.text(), cmds, expected(sim.cluster()), verify, goNoGo, rollback));
            }
            sections.add(new Section("Hop " + h + " of " + path.hops().size() + ": " + hop.from().label() + " -> " + hop.to().label()
                    + ", " + (hop.kind() == UpgradeKind.ROLLING ? "rolling (IIS stays available)" : "standard (IIS offline)"), items));
        }

        List<Item> restore = new ArrayList<>();
        Cluster end = sim.cluster();
        List<String> cmds = new ArrayList<>();
        for (Group g : start.groups()) {
            Group now = end.group(g.name()).orElseThrow();
            for (Resource r : g.resources()) {
                List<String> was = r.possibleOwners(), is = now.resource(r.name()).get().possibleOwners();
                for (String n : was) if (!is.contains(n)) cmds.add(cluster() + " resource " + arg(r.name()) + " /addowner:" + arg(n));
                for (String n : is) if (!was.contains(n)) cmds.add(cluster() + " resource " + arg(r.name()) + " /removeowner:" + arg(n));
            }
            if (!g.preferredOwners().isEmpty()) {
                cmds.add(cluster() + " group " + arg(g.name()) + " /setowners:" + String.join(",", g.preferredOwners().stream().map(Runbook::arg).toList()));
            }
            if (g.failback()) cmds.add(cluster() + " group " + arg(g.name()) + " /prop AutoFailbackType=1");
        }
        restore.add(new Item("Restore the original possible owners, preferred owners and failback settings.", cmds, List.of(),
                List.of(cluster() + " group /status"), null, null));
        sections.add(new Section("Restore", restore));
    }

    /** The cluster.exe commands for one command of the plan, given the state before it runs. */
    private List<String> clusterExe(Rehearsal sim, Command c) {
        List<String> out = new ArrayList<>();
        if (c instanceof Command.MoveAll m) {
            for (Group g : sim.cluster().groupsOwnedBy(m.fromNode())) {
                out.add(cluster() + " group " + arg(g.name()) + " /moveto:" + arg(m.toNode()) + " /wait");
            }
        } else if (c instanceof Command.Move m) {
            out.add(cluster() + " group " + arg(m.group()) + " /moveto:" + arg(m.node()) + " /wait");
        } else if (c instanceof Command.Offline o) {
            out.add(cluster() + " resource " + arg(o.name()) + " /offline /wait");
        } else if (c instanceof Command.Online o) {
            out.add(cluster() + " resource " + arg(o.name()) + " /online /wait");
        } else if (c instanceof Command.Upgrade u) {
            out.add("(on " + u.node() + ") upgrade to " + u.config() + ": run the operating system upgrade, re-apply the service pack"
                    + " after IIS, restart, and let the node rejoin the cluster");
        }
        return out;
    }

    private static List<String> expected(Cluster c) {
        List<String> out = new ArrayList<>();
        for (Node n : c.nodes()) out.add("node " + n.name() + ": " + n.state().label() + ", " + n.config().label());
        for (Group g : c.groups()) out.add("group " + g.name() + ": " + g.state().label() + " on " + g.owner());
        return out;
    }

    /** A cluster.exe argument: quoted when it holds anything but letters, digits and - _ . */
    static String arg(String name) {
        String clean = Printable.clean(name).replace("\"", "'");
        return clean.matches("[A-Za-z0-9._-]+") ? clean : '"' + clean + '"';
    }

    // ------------------------------------------------------------------ output

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Runbook: ").append(Printable.clean(start.name())).append(", ").append(path.from().label()).append(" -> ")
                .append(path.to().label()).append("\n\n");
        b.append("Generated by rehearse from a rehearsal of this plan (a simulation). ").append(path.hops().size())
                .append(" hop(s), ").append(path.offlineHops()).append(" offline (standard).\n\n");
        b.append("## Estimated downtime\n\n| hop | group | rolling | standard |\n|---|---|---|---|\n");
        long rolling = 0, standard = 0;
        for (int i = 0; i < estimates.size(); i++) {
            Estimate.HopEstimate e = estimates.get(i);
            for (Map.Entry<String, Long> g : e.standard().entrySet()) {
                Long r = e.rolling().map(m -> m.get(g.getKey())).orElse(null);
                b.append("| ").append(i + 1).append(" | ").append(Printable.clean(g.getKey())).append(" | ")
                        .append(r == null ? "n/a" : Clock.duration(r)).append(" | ").append(Clock.duration(g.getValue())).append(" |\n");
                rolling += r == null ? g.getValue() : r;
                standard += g.getValue();
            }
        }
        b.append("| all | total | ").append(Clock.duration(rolling)).append(" | ").append(Clock.duration(standard)).append(" |\n\n");
        for (Section s : sections) {
            b.append("## ").append(s.title()).append("\n\n");
            int n = 1;
            for (Item item : s.items()) {
                b.append(s.title().startsWith("Pre-flight") ? "- [ ] " : n++ + ". ").append(Printable.clean(item.text())).append('\n');
                List<String> manual = item.commands().stream().filter(c -> c.startsWith("(on ")).toList();
                List<String> commands = item.commands().stream().filter(c -> !c.startsWith("(on ")).toList();
                for (String m : manual) b.append("\n   Manual: ").append(m.replaceFirst("^\\(on ([^)]*)\\) ", "on $1, ")).append('\n');
                if (!commands.isEmpty()) {
                    b.append("\n   ```\n");
                    for (String c : commands) b.append("   ").append(c).append('\n');
                    b.append("   ```\n");
                }
                if (!item.expect().isEmpty()) {
                    b.append("\n   Expected afterwards:\n");
                    for (String e : item.expect()) b.append("   - ").append(Printable.clean(e)).append('\n');
                }
                if (!item.verify().isEmpty()) {
                    b.append("\n   Verify: ");
                    b.append(String.join("; ", item.verify().stream().map(v -> "`" + v + "`").toList())).append('\n');
                }
                if (item.goNoGo() != null) {
                    b.append("\n   **Go/no-go:** ").append(item.goNoGo()).append('\n');
                    b.append("\n   **Rollback:** ").append(item.rollback()).append('\n');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    public String batch() {
        StringBuilder b = new StringBuilder();
        b.append("@echo off\r\n");
        b.append("REM Runbook: ").append(rem(start.name())).append(", ").append(path.from().label()).append(" -> ")
                .append(path.to().label()).append(" (generated by rehearse)\r\n");
        for (Section s : sections) {
            b.append("REM\r\nREM === ").append(rem(s.title())).append(" ===\r\n");
            for (Item item : s.items()) {
                b.append("REM ").append(rem(item.text())).append("\r\n");
                for (String c : item.commands()) {
                    if (c.startsWith("(on ")) {
                        b.append("REM MANUAL: ").append(rem(c)).append("\r\n");
                        b.append("echo Do the manual step now: ").append(batchText(c)).append("\r\npause\r\n");
                    } else {
                        b.append(c.replace("%", "%%")).append("\r\n");
                    }
                }
                for (String v : item.verify()) b.append(v.replace("%", "%%")).append("\r\n");
                if (item.goNoGo() != null) {
                    b.append("REM GO/NO-GO: ").append(rem(item.goNoGo())).append("\r\n");
                    b.append("REM ROLLBACK: ").append(rem(item.rollback())).append("\r\n");
                    b.append("echo GO/NO-GO: check the status above. Ctrl-C stops here (NO-GO); any key goes on.\r\npause\r\n");
                }
            }
        }
        return b.toString();
    }

    private static String rem(String s) {
        return Printable.ascii(s).replace("%", "%%");
    }

    /** Text for an echo: the characters cmd.exe would act on are escaped. */
    private static String batchText(String s) {
        return Printable.ascii(s).replace("^", "^^").replace("&", "^&").replace("|", "^|").replace("<", "^<").replace(">", "^>")
                .replace("%", "%%").replace("(", "^(").replace(")", "^)");
    }
}
