package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rehearse.command.Command;
import rehearse.base.Printable;
import rehearse.matrix.UpgradeKind;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.plan.Forecast;
import rehearse.plan.Hop;
import rehearse.plan.HopEstimate;
import rehearse.plan.IisActions;
import rehearse.plan.NodeActions;
import rehearse.plan.RunActions;
import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.sim.State;
import rehearse.text.Clock;
import rehearse.text.Steps;

/**
 * The runbook of a plan: every step with the exact cluster.exe commands, the state to expect
 * and how to check it, go/no-go points with their rollback, and the restore of what the run
 * changed. It is read off a rehearsal of the plan on a copy of the cluster (the forecast), so a
 * "move all" lists exactly the groups the node owns at that point.
 */
public final class Runbook {
    /** One instruction: words for the operator, commands to run, what to expect, and how to check it. */
    record Item(String text, List<String> manual, List<String> commands, List<String> expect, List<String> verify, String goNoGo,
            String rollback) {}

    record Section(String title, List<Item> items) {}

    private final Cluster start;
    private final Target target;
    private final List<Section> sections = new ArrayList<>();
    private java.util.Optional<rehearse.plan.NoGo> stopped = java.util.Optional.empty();
    private boolean mixed;

    private Runbook(Cluster start, Target target) {
        this.start = start;
        this.target = target;
    }

    public static Runbook of(State state, Target target) {
        Runbook rb = new Runbook(state.cluster(), target);
        rb.mixed = state.mixedVersions();
        rb.build(state, Forecast.of(state, target));
        return rb;
    }

    private String cluster() {
        return "cluster /cluster:" + arg(start.name());
    }

    private void build(State now, Forecast f) {
        stopped = f.stopped();
        java.util.Set<Step> doneAlready = new java.util.HashSet<>();
        for (rehearse.plan.Plan.Entry e : rehearse.plan.Plan.of(now, target, rehearse.plan.Plan.Marks.NONE).entries()) {
            if (e.status() == rehearse.plan.Status.DONE) doneAlready.add(e.step());
        }
        List<Item> pre = new ArrayList<>();
        pre.add(note("Back up every node (system state and data) and the cluster configuration."));
        pre.add(note("Have the service pack ready to re-apply after IIS is installed."));
        pre.add(note("Consult the documentation of every clustered resource before the upgrade."));
        List<String> failbackOff = new ArrayList<>();
        List<String> failbackCheck = new ArrayList<>();
        for (Group g : start.groups()) {
            if (!g.failback()) continue;
            failbackOff.add(cluster() + " group " + arg(g.name()) + " /prop AutoFailbackType=0");
            failbackCheck.add(cluster() + " group " + arg(g.name()) + " /prop");
        }
        if (mixed) {
            pre.add(note("Leave failback as it is: the cluster is mid-way through a rolling upgrade, where Microsoft advises no"
                    + " configuration changes."));
        } else {
            pre.add(new Item("Disable failback for the run" + (failbackOff.isEmpty() ? " (no group has it on)." : "."), List.of(),
                    failbackOff, List.of(), failbackCheck, null, null));
        }
        pre.add(new Item("Record the present state.", List.of(), List.of(cluster() + " node /status", cluster() + " group /status",
                cluster() + " resource /status"), List.of(), List.of(), null, null));
        sections.add(new Section("Pre-flight checklist", pre));
        int hops = target.hops();
        List<List<Item>> perHop = new ArrayList<>();
        for (int h = 0; h <= hops; h++) perHop.add(new ArrayList<>());
        // Every step of the plan, in order: as the rehearsal ran it, or, where the cluster already had what the step
        // asks (a go/no-go that holds, a step done before), as a check of the state at that point.
        java.util.Map<Step, Forecast.Stage> ran = new java.util.HashMap<>();
        for (Forecast.Stage s : f.stages()) ran.put(s.step(), s);
        State at = f.start();
        for (Step step : target.steps(f.start())) {
            if (step.hop() < 0) continue;
            Forecast.Stage s = ran.get(step);
            if (s == null) s = new Forecast.Stage(step, at, at, List.of(), List.of());
            boolean skipped = doneAlready.contains(step) && !ran.containsKey(step) && !(step.action() instanceof NodeActions.GoNoGo);
            perHop.get(step.hop()).add(skipped ? note("Already done: " + Steps.text(step.action())) : item(s));
            at = s.after();
        }
        for (int h = 0; h < hops; h++) {
            Hop hop = target.path().hops().get(h);
            sections.add(new Section("Hop " + (h + 1) + " of " + hops + ": " + hop.from().label() + " -> " + hop.to().label() + ", "
                    + (hop.kind() == UpgradeKind.ROLLING ? "rolling (IIS stays available)" : "standard (IIS offline)"), perHop.get(h)));
        }
        sections.add(new Section("Restore", perHop.get(hops)));
        List<Item> policy = new ArrayList<>();
        policy.add(note(PolicyText.procedure(rehearse.explore.RecoveryPolicy.STANDARD)));
        for (String rule : PolicyText.rules(rehearse.explore.RecoveryPolicy.STANDARD)) policy.add(note(rule));
        sections.add(new Section("At a no-go: the recovery policy", policy));
        f.stopped().ifPresent(n -> sections.add(new Section("Stopped", List.of(note("The rehearsal of this plan stops at a no-go: "
                + rehearse.text.Refusals.noGo(n))))));
    }

    private static Item note(String text) {
        return new Item(text, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    private Item item(Forecast.Stage s) {
        Step step = s.step();
        List<String> manual = new ArrayList<>(), cmds = new ArrayList<>(), verify = new ArrayList<>();
        String goNoGo = null, rollback = null;
        for (Command c : s.commands()) {
            if (c instanceof Command.Upgrade u) {
                manual.add("on " + u.node() + ", upgrade to " + u.config() + ": run the operating system or IIS setup, re-apply the"
                        + " service pack after IIS, restart, and let the node rejoin the cluster (it rejoins paused)");
            } else {
                cmds.addAll(clusterExe(s.before(), c));
            }
        }
        if (step.action() instanceof NodeActions.Upgrade u) {
            verify.add(cluster() + " node " + arg(u.node()) + " /status");
        }
        if (step.action() instanceof NodeActions.GoNoGo g) {
            Hop hop = target.path().hops().get(step.hop());
            goNoGo = "GO if every other node is Up at " + hop.to().label() + " and every group is as expected below; otherwise"
                    + " NO-GO: stop here, " + g.node() + " still runs " + hop.from().label() + ".";
            rollback = "Resume " + g.node() + " (still at " + hop.from().label() + "), move the groups back to it, and return the"
                    + " upgraded nodes to " + hop.from().label() + ": a service pack is uninstalled from the folder kept when it was"
                    + " applied; Windows 2000 has no uninstall, so restore those nodes from the pre-flight backup.";
            verify.add(cluster() + " node /status");
        }
        if (step.action() instanceof IisActions.RestrictIis || step.action() instanceof IisActions.RestoreIisOwners) {
            for (Command c : s.commands()) if (c instanceof Command.Owners o) verify.add(cluster() + " resource " + arg(o.resource()) + " /listowners");
        }
        if (step.action() instanceof RunActions.RestoreFailback) {
            for (Command c : s.commands()) if (c instanceof Command.Failback fb) verify.add(cluster() + " group " + arg(fb.group()) + " /prop");
        }
        verify.add(cluster() + " group /status");
        return new Item(Steps.text(step.action()), manual, cmds, expected(s.after().cluster()), verify, goNoGo, rollback);
    }

    /** The cluster.exe commands for one command of the plan, given the state before it runs. */
    private List<String> clusterExe(State before, Command c) {
        List<String> out = new ArrayList<>();
        Cluster now = before.cluster();
        if (c instanceof Command.MoveAll m) {
            for (Group g : now.groupsOwnedBy(m.fromNode())) out.add(cluster() + " group " + arg(g.name()) + " /moveto:" + arg(m.toNode()) + " /wait");
        } else if (c instanceof Command.Move m) {
            out.add(cluster() + " group " + arg(m.group()) + " /moveto:" + arg(m.node()) + " /wait");
        } else if (c instanceof Command.Offline o) {
            out.add(cluster() + (now.group(o.name()).isPresent() && o.scope() != Command.Scope.RESOURCE ? " group " : " resource ")
                    + arg(o.name()) + " /offline /wait");
        } else if (c instanceof Command.Online o) {
            out.add(cluster() + (now.group(o.name()).isPresent() && o.scope() != Command.Scope.RESOURCE ? " group " : " resource ")
                    + arg(o.name()) + " /online /wait");
        } else if (c instanceof Command.Pause p) {
            out.add(cluster() + " node " + arg(p.node()) + " /pause");
        } else if (c instanceof Command.Resume r) {
            out.add(cluster() + " node " + arg(r.node()) + " /resume");
        } else if (c instanceof Command.Owners o) {
            List<String> was = now.groupOfResource(o.resource()).flatMap(g -> g.resource(o.resource())).orElseThrow().possibleOwners();
            for (String n : o.nodes()) if (!was.contains(n)) out.add(cluster() + " resource " + arg(o.resource()) + " /addowner:" + arg(n));
            for (String n : was) if (!o.nodes().contains(n)) out.add(cluster() + " resource " + arg(o.resource()) + " /removeowner:" + arg(n));
        } else if (c instanceof Command.Failback fb) {
            out.add(cluster() + " group " + arg(fb.group()) + " /prop AutoFailbackType=" + (fb.on() ? 1 : 0));
        } else if (c instanceof Command.Remove r) {
            out.add(cluster() + " resource " + arg(r.resource()) + " /delete");
        } else if (c instanceof Command.Recreate r) {
            String group = now.groupOfResource(r.resource()).map(Group::name).orElseThrow();
            out.add(cluster() + " resource " + arg(r.resource()) + " /create /group:" + arg(group) + " /type:"
                    + arg(now.nodes().get(0).config().iisResourceType()));
        } else {
            out.add("REM " + c.text());
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
        b.append("# Runbook: ").append(Printable.clean(start.name())).append(", ").append(target.path().from().label()).append(" -> ")
                .append(target.to().label()).append("\n\n");
        b.append("Generated by rehearse from a rehearsal of this plan (a simulation): ")
                .append(rehearse.text.PlanText.hops(target.path())).append(".\n\n");
        stopped.ifPresent(n -> b.append("**Warning: rehearsed on a copy of the cluster, this plan stops at a no-go.** ")
                .append(Printable.clean(rehearse.text.Refusals.noGo(n))).append(" The steps after that point are not rehearsed.\n\n"));
        b.append("## Estimated IIS downtime\n\n| hop | group | downtime |\n|---|---|---|\n");
        long planned = 0;
        for (int i = 0; i < target.estimates().size(); i++) {
            HopEstimate e = target.estimates().get(i);
            for (Map.Entry<String, Long> g : e.planned().perGroupMs().entrySet()) {
                b.append("| ").append(i + 1).append(" | ").append(Printable.clean(g.getKey())).append(" | ").append(Clock.duration(g.getValue()))
                        .append(" |\n");
            }
            planned += e.planned().wallClockMs();
        }
        b.append("| all | service outage (wall clock) | ").append(Clock.duration(planned)).append(" |\n\n");
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            b.append("## ").append(s.title()).append("\n\n");
            int n = 1;
            boolean checklist = i == 0;
            for (Item item : s.items()) {
                b.append(checklist ? "- [ ] " : n++ + ". ").append(Printable.clean(item.text())).append('\n');
                for (String m : item.manual()) b.append("\n   Manual: ").append(Printable.clean(m)).append('\n');
                if (!item.commands().isEmpty()) {
                    b.append("\n   ```\n");
                    for (String c : item.commands()) b.append("   ").append(c).append('\n');
                    b.append("   ```\n");
                }
                if (!item.expect().isEmpty()) {
                    b.append("\n   Expected afterwards:\n");
                    for (String e : item.expect()) b.append("   - ").append(Printable.clean(e)).append('\n');
                }
                if (!item.verify().isEmpty()) {
                    b.append("\n   Verify: ").append(String.join("; ", item.verify().stream().map(v -> "`" + v + "`").toList())).append('\n');
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
        b.append("REM Runbook: ").append(rem(start.name())).append(", ").append(target.path().from().label()).append(" -> ")
                .append(target.to().label()).append(" (generated by rehearse)\r\n");
        for (Section s : sections) {
            b.append("REM\r\nREM === ").append(rem(s.title())).append(" ===\r\n");
            for (Item item : s.items()) {
                b.append("REM ").append(rem(item.text())).append("\r\n");
                for (String m : item.manual()) {
                    b.append("REM MANUAL: ").append(rem(m)).append("\r\n");
                    b.append("echo Do the manual step now: ").append(batchText(m)).append("\r\npause\r\n");
                }
                for (String c : item.commands()) b.append(c.replace("%", "%%")).append("\r\n");
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
