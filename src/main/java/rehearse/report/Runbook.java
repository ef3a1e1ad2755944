package rehearse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rehearse.base.Printable;
import rehearse.command.Command;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;
import rehearse.plan.Forecast;
import rehearse.plan.Hop;
import rehearse.plan.IisActions;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.Plan;
import rehearse.plan.RunActions;
import rehearse.plan.Status;
import rehearse.plan.Step;
import rehearse.plan.Target;
import rehearse.sim.Event;
import rehearse.sim.State;
import rehearse.text.Refusals;
import rehearse.text.Steps;

/**
 * The runbook of a plan: every step with the exact cluster.exe commands, the state to expect
 * and how to check it, go/no-go points with their rollback, and the restore of what the run
 * changed. It is read off a rehearsal of the plan on a copy of the cluster (the forecast), so a
 * "move all" lists exactly the groups the node owns at that point. {@link #markdown} and
 * {@link RunbookBatch} write it out.
 */
public final class Runbook {
    /**
     * One instruction: words for the operator, manual work, commands to run, what to expect, how
     * to check it, a go/no-go with its rollback, and the rollback point should a command fail.
     */
    record Item(String text, List<String> manual, List<String> commands, List<String> expect, List<String> verify, String goNoGo,
            String rollback, String rollbackPoint, Step step) {}

    /** {@code label} is short, for the batch file's messages ("hop 1 of 2"). */
    record Section(String title, String label, String rollback, List<Item> items) {}

    private final Cluster start;
    private final Target target;
    private final State state;
    private final long windowMs;
    private final List<Section> sections = new ArrayList<>();
    private Optional<NoGo> stopped = Optional.empty();

    private Runbook(State state, Target target, long windowMs) {
        this.state = state;
        this.start = state.cluster();
        this.target = target;
        this.windowMs = windowMs;
    }

    /** The runbook of {@code target} from {@code state}, its downtime judged against a window of {@code windowMs}. */
    public static Runbook of(State state, Target target, long windowMs) {
        Runbook rb = new Runbook(state, target, windowMs);
        rb.build(Forecast.of(state, target));
        return rb;
    }

    Cluster cluster() {
        return start;
    }

    Target target() {
        return target;
    }

    List<Section> sections() {
        return sections;
    }

    Optional<NoGo> stopped() {
        return stopped;
    }

    Downtime downtime() {
        return new Downtime(target.estimates(), windowMs);
    }

    private String clusterExe() {
        return "cluster /cluster:" + arg(start.name());
    }

    /** Each node's work in each hop, from the hop's configurations and platforms. */
    NodeWork work(int hop) {
        return NodeWork.of(state.matrix(), target.path().hops().get(hop), hop == 0);
    }

    private void build(Forecast f) {
        stopped = f.stopped();
        Set<Step> doneAlready = new HashSet<>();
        for (Plan.Entry e : Plan.of(state, target, Plan.Marks.NONE).entries()) {
            if (e.status() == Status.DONE) doneAlready.add(e.step());
        }
        sections.add(new Section("Pre-flight checklist", "the pre-flight checklist", null, preflight()));
        int hops = target.hops();
        List<List<Item>> perHop = new ArrayList<>();
        for (int h = 0; h <= hops; h++) perHop.add(new ArrayList<>());
        // Every step of the plan, in order: as the rehearsal ran it, or, where the cluster already had what the step
        // asks (a go/no-go that holds, a step done before), as a check of the state at that point.
        Map<Step, Forecast.Stage> ran = new HashMap<>();
        for (Forecast.Stage s : f.stages()) ran.put(s.step(), s);
        State at = f.start();
        int[] upgraded = new int[hops + 1];
        boolean[] pastGo = new boolean[hops + 1];
        // A hop after the first that has no uninstall goes back to where it began from a backup taken then: the
        // pre-flight backup is of the configuration the plan started from.
        for (int h = 1; h < hops; h++) {
            Hop hop = target.path().hops().get(h);
            if (!work(h).needsBackup()) continue;
            String backup = "back up every node (system state and data) and the cluster configuration, now at " + hop.from().label();
            perHop.get(h).add(new Item("Back up again before this hop: its rollback returns upgraded nodes to " + hop.from().label()
                    + " from this backup (the pre-flight backup is of " + target.path().from().label() + ").", List.of(backup), List.of(),
                    List.of(), List.of(), null, null, rollbackPoint(h, 0, false), null));
        }
        for (Step step : target.steps(f.start())) {
            if (step.hop() < 0) continue;
            Forecast.Stage s = ran.get(step);
            if (s == null) s = new Forecast.Stage(step, at, at, List.of(), List.of());
            int h = step.hop();
            String point = rollbackPoint(h, upgraded[h], pastGo[h]);
            boolean skipped = doneAlready.contains(step) && !ran.containsKey(step) && !(step.action() instanceof NodeActions.GoNoGo);
            perHop.get(h).add(skipped ? note("Already done: " + Steps.text(step.action()), point) : item(s, point));
            if (step.action() instanceof NodeActions.Upgrade) upgraded[h]++;
            if (step.action() instanceof NodeActions.GoNoGo) pastGo[h] = true;
            at = s.after();
        }
        for (int h = 0; h < hops; h++) {
            Hop hop = target.path().hops().get(h);
            sections.add(new Section("Hop " + (h + 1) + " of " + hops + ": " + hop.from().label() + " -> " + hop.to().label() + ", "
                    + rehearse.text.PlanText.kind(hop, target.strategies().get(h)),
                    "hop " + (h + 1) + " of " + hops, "Rollback of this hop: " + work(h).rollback() + ".", perHop.get(h)));
        }
        List<Item> restore = perHop.get(hops);
        restore.addAll(possibleOwners(f));
        sections.add(new Section("Restore", "the restore", null, restore));
        List<Item> policy = new ArrayList<>();
        policy.add(note(PolicyText.procedure(rehearse.explore.RecoveryPolicy.STANDARD), null));
        for (String rule : PolicyText.rules(rehearse.explore.RecoveryPolicy.STANDARD)) policy.add(note(rule, null));
        sections.add(new Section("At a no-go: the recovery policy", "the recovery policy", null, policy));
        f.stopped().ifPresent(n -> sections.add(new Section("Stopped", "the stop", null,
                List.of(note("The rehearsal of this plan stops at a no-go: " + Refusals.noGo(n), null)))));
    }

    private List<Item> preflight() {
        String none = "nothing has been changed yet";
        List<Item> pre = new ArrayList<>();
        pre.add(note("Back up every node (system state and data) and the cluster configuration.", none));
        Set<String> ready = new LinkedHashSet<>();
        for (int h = 0; h < target.hops(); h++) ready.add(work(h).ready());
        for (String r : ready) pre.add(note(r, none));
        pre.add(note("Consult the documentation of every clustered resource before the upgrade.", none));
        pre.add(note("Run this from an administrator's workstation, never from a node of the cluster: a node's upgrade would stop it.",
                none));
        List<String> failbackOff = new ArrayList<>();
        List<String> failbackCheck = new ArrayList<>();
        for (Group g : start.groups()) {
            if (!g.failback()) continue;
            failbackOff.add(clusterExe() + " group " + arg(g.name()) + " /prop AutoFailbackType=0");
            failbackCheck.add(clusterExe() + " group " + arg(g.name()) + " /prop");
        }
        if (state.mixedVersions()) {
            pre.add(note("Leave failback as it is: the cluster is mid-way through a rolling upgrade, where Microsoft advises no"
                    + " configuration changes.", none));
        } else {
            pre.add(new Item("Disable failback for the run" + (failbackOff.isEmpty() ? " (no group has it on)." : "."), List.of(),
                    failbackOff, failbackOff.isEmpty() ? List.of() : List.of("AutoFailbackType is 0 for each of these groups"),
                    failbackCheck, null, null, none, null));
        }
        pre.add(new Item("Record the present state.", List.of(), List.of(clusterExe() + " node /status", clusterExe() + " group /status",
                clusterExe() + " resource /status"), List.of(), List.of(), null, null, none, null));
        return pre;
    }

    /** Where a failure in hop {@code h} leaves the operator, by how far the hop has gone. */
    private String rollbackPoint(int h, int upgraded, boolean pastGo) {
        if (h >= target.hops()) return "the upgrade is complete; only settings remain to put back";
        Hop hop = target.path().hops().get(h);
        String which = "hop " + (h + 1) + " (" + hop.from().label() + " -> " + hop.to().label() + ")";
        if (pastGo) return which + " is past its go/no-go: finish it; the only way back is, for every node: " + work(h).rollback();
        if (upgraded == 0) return which + " has upgraded no node yet: resume any paused node and move the groups back to their"
                + " preferred owners";
        return which + " has upgraded " + upgraded + " node(s): resume the nodes still at " + hop.from().label()
                + ", move the groups to them, and return the upgraded nodes: " + work(h).rollback();
    }

    private static Item note(String text, String rollbackPoint) {
        return new Item(text, List.of(), List.of(), List.of(), List.of(), null, null, rollbackPoint, null);
    }

    private Item item(Forecast.Stage s, String rollbackPoint) {
        Step step = s.step();
        List<String> manual = new ArrayList<>();
        List<String> cmds = new ArrayList<>();
        List<String> verify = new ArrayList<>();
        List<String> expect = new ArrayList<>();
        String goNoGo = null;
        String rollback = null;
        for (Command c : s.commands()) {
            if (c instanceof Command.Upgrade u) manual.add(work(step.hop()).manual(u.node()));
            else cmds.addAll(clusterExe(s.before(), c));
        }
        if (step.action() instanceof NodeActions.Upgrade u) {
            verify.add(clusterExe() + " node " + arg(u.node()) + " /prop");
            expect.add("node " + u.node() + ": NodeHighestVersion and NodeLowestVersion (cluster node /prop) are those of the "
                    + state.matrix().platform(u.to()).name() + " Cluster service");
        }
        if (step.action() instanceof NodeActions.Pause p) verify.add(clusterExe() + " node " + arg(p.node()) + " /status");
        if (step.action() instanceof NodeActions.Resume r) verify.add(clusterExe() + " node " + arg(r.node()) + " /status");
        if (step.action() instanceof NodeActions.GoNoGo g) {
            Hop hop = target.path().hops().get(step.hop());
            goNoGo = "GO if every other node is Up at " + hop.to().label() + " and every group is as expected above; otherwise"
                    + " NO-GO: stop here, " + g.node() + " still runs " + hop.from().label() + ".";
            rollback = "Resume " + g.node() + " (still at " + hop.from().label() + "), move the groups back to it, and return the"
                    + " upgraded nodes to " + hop.from().label() + ": " + work(step.hop()).rollback() + ".";
            verify.add(clusterExe() + " node /status");
            verify.add(clusterExe() + " resource /status");
        }
        if (step.action() instanceof IisActions.RestrictIis || step.action() instanceof IisActions.RestoreIisOwners) {
            for (Command c : s.commands()) {
                if (c instanceof Command.Owners o) verify.add(clusterExe() + " resource " + arg(o.resource()) + " /listowners");
            }
        }
        if (step.action() instanceof RunActions.RestoreFailback) {
            for (Command c : s.commands()) if (c instanceof Command.Failback fb) verify.add(clusterExe() + " group " + arg(fb.group()) + " /prop");
        }
        verify.add(clusterExe() + " group /status");
        expect.addAll(expected(s.after().cluster()));
        return new Item(Steps.text(step.action()), manual, cmds, expect, verify, goNoGo, rollback, rollbackPoint, step);
    }

    /**
     * The possible owners the run changed (a standard hop's restriction, a removed and recreated
     * IIS resource): checked at the end, and put back where the rehearsal did not put them back.
     */
    private List<Item> possibleOwners(Forecast f) {
        Set<String> changed = new LinkedHashSet<>();
        for (Forecast.Stage s : f.stages()) {
            for (Event e : s.events()) if (e instanceof Event.OwnersChanged o) changed.add(o.resource());
        }
        List<String> cmds = new ArrayList<>();
        List<String> verify = new ArrayList<>();
        for (Group g : start.groups()) {
            for (Resource was : g.resources()) {
                Optional<Resource> now = f.end().cluster().groupOfResource(was.name()).flatMap(x -> x.resource(was.name()));
                boolean differs = now.isPresent() && !now.get().possibleOwners().equals(was.possibleOwners());
                if (!changed.contains(was.name()) && !differs) continue;
                if (differs) cmds.addAll(ownerCommands(was.name(), now.get().possibleOwners(), was.possibleOwners()));
                verify.add(clusterExe() + " resource " + arg(was.name()) + " /listowners");
            }
        }
        if (verify.isEmpty()) return List.of();
        return List.of(new Item("Check that every possible owner the run changed is as it was before it.", List.of(), cmds,
                List.of("each listed resource has the possible owners it had before the run"), verify, null, null,
                rollbackPoint(target.hops(), 0, false), null));
    }

    private List<String> ownerCommands(String resource, List<String> was, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String n : wanted) if (!was.contains(n)) out.add(clusterExe() + " resource " + arg(resource) + " /addowner:" + arg(n));
        for (String n : was) if (!wanted.contains(n)) out.add(clusterExe() + " resource " + arg(resource) + " /removeowner:" + arg(n));
        return out;
    }

    /** The cluster.exe commands for one command of the plan, given the state before it runs. */
    private List<String> clusterExe(State before, Command c) {
        List<String> out = new ArrayList<>();
        Cluster now = before.cluster();
        if (c instanceof Command.MoveAll m) {
            for (Group g : now.groupsOwnedBy(m.fromNode())) out.add(clusterExe() + " group " + arg(g.name()) + " /moveto:" + arg(m.toNode()) + " /wait");
        } else if (c instanceof Command.Move m) {
            out.add(clusterExe() + " group " + arg(m.group()) + " /moveto:" + arg(m.node()) + " /wait");
        } else if (c instanceof Command.Offline o) {
            out.add(clusterExe() + scope(now, o.name(), o.scope()) + arg(o.name()) + " /offline /wait");
        } else if (c instanceof Command.Online o) {
            out.add(clusterExe() + scope(now, o.name(), o.scope()) + arg(o.name()) + " /online /wait");
        } else if (c instanceof Command.Pause p) {
            out.add(clusterExe() + " node " + arg(p.node()) + " /pause");
        } else if (c instanceof Command.Resume r) {
            out.add(clusterExe() + " node " + arg(r.node()) + " /resume");
        } else if (c instanceof Command.Owners o) {
            List<String> was = now.groupOfResource(o.resource()).flatMap(g -> g.resource(o.resource())).orElseThrow().possibleOwners();
            out.addAll(ownerCommands(o.resource(), was, o.nodes()));
        } else if (c instanceof Command.Failback fb) {
            out.add(clusterExe() + " group " + arg(fb.group()) + " /prop AutoFailbackType=" + (fb.on() ? 1 : 0));
        } else if (c instanceof Command.Remove r) {
            out.add(clusterExe() + " resource " + arg(r.resource()) + " /delete");
        } else if (c instanceof Command.Recreate r) {
            String group = now.groupOfResource(r.resource()).map(Group::name).orElseThrow();
            out.add(clusterExe() + " resource " + arg(r.resource()) + " /create /group:" + arg(group) + " /type:"
                    + arg(now.nodes().get(0).config().iisResourceType()));
        } else {
            out.add("REM " + c.text());
        }
        return out;
    }

    private static String scope(Cluster now, String name, Command.Scope scope) {
        return now.group(name).isPresent() && scope != Command.Scope.RESOURCE ? " group " : " resource ";
    }

    private static List<String> expected(Cluster c) {
        List<String> out = new ArrayList<>();
        for (Node n : c.nodes()) out.add("node " + n.name() + ": " + n.state().label() + ", " + n.config().label());
        for (Group g : c.groups()) out.add("group " + g.name() + ": " + g.state().label() + " on " + g.owner());
        return out;
    }

    /** A cluster.exe argument: quoted when it holds anything but letters, digits and - _ . (a name with " is refused before). */
    static String arg(String name) {
        String clean = Printable.clean(name);
        return clean.matches("[A-Za-z0-9._-]+") ? clean : '"' + clean + '"';
    }

    /** Every name a runbook may write, with what it names: the cluster, its nodes, groups and resources. */
    List<Named> names() {
        List<Named> out = new ArrayList<>();
        out.add(new Named("cluster name", start.name()));
        for (Node n : start.nodes()) out.add(new Named("node name", n.name()));
        for (Group g : start.groups()) {
            out.add(new Named("group name", g.name()));
            for (Resource r : g.resources()) out.add(new Named("resource name", r.name()));
        }
        return out;
    }

    /** A name from the cluster file and what it names ("group name"). */
    record Named(String what, String name) {}

    /**
     * Why this runbook cannot be written with cluster.exe commands, if so: a name holding a double
     * quote, which no cluster.exe argument can carry in quotes (cmd.exe ends the quoted argument there).
     */
    public Optional<String> unquotable() {
        for (Named n : names()) {
            if (n.name().indexOf('"') >= 0) {
                return Optional.of("the " + n.what() + " '" + Printable.clean(n.name()) + "' holds a double quote, which a cluster.exe"
                        + " argument cannot carry: rename it on the cluster (and in the cluster file) first");
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ output

    public String markdown() {
        return RunbookMarkdown.of(this);
    }

    public RunbookBatch batch(CodePage codePage) {
        return new RunbookBatch(this, codePage);
    }
}
