package rehearse.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.GroupState;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.plan.NoGo;
import rehearse.plan.Recovery;
import rehearse.plan.Targets;
import rehearse.plan.UpgradePath;
import rehearse.sim.State;
import rehearse.tui.Overlay.Choice;
import rehearse.tui.Overlay.MenuItem;
import rehearse.tui.Update.Next;

/** The menus: a node's or group's actions, faults, targets, recovery; only what the state allows can be chosen. */
final class Menus {
    private Menus() {}

    private static MenuItem item(String label, Command c) {
        return new MenuItem(label, new Choice.Submit(c));
    }

    private static MenuItem not(String label) {
        return new MenuItem(label, new Choice.Nothing());
    }

    private static Model open(Model m, Overlay.Purpose purpose, String title, List<MenuItem> items, int index) {
        int i = Math.max(0, Math.min(items.size() - 1, index));
        while (i < items.size() - 1 && !items.get(i).selectable()) i++;
        return m.with(new Overlay.Menu(purpose, title, items, i));
    }

    /** Enter on the nodes pane: the selected group's actions, or the node's. */
    static Model actions(Model m) {
        Cluster c = m.world().state().cluster();
        Optional<Group> group = Navigation.selectedGroup(m);
        List<MenuItem> items = new ArrayList<>();
        if (group.isPresent()) {
            Group g = group.get();
            for (Node other : c.nodes()) {
                if (other.name().equals(g.owner())) continue;
                String to = "Move to " + other.name();
                if (!other.accepts()) items.add(not(to + " (" + other.state().label() + ": takes no groups)"));
                else if (!g.canBeOwnedBy(other.name())) items.add(not(to + " (not a possible owner of every resource)"));
                else items.add(item(to, Commands.move(g.name(), other.name())));
            }
            if (g.state() != GroupState.ONLINE) items.add(item("Bring online", Commands.online(Command.Scope.GROUP, g.name())));
            boolean quorum = c.quorumResource().map(q -> g.resource(q.name()).isPresent()).orElse(false);
            if (g.state() != GroupState.OFFLINE) {
                items.add(quorum ? not("Take offline (it holds the quorum resource, which stays online)")
                        : item("Take offline", Commands.offline(Command.Scope.GROUP, g.name())));
            }
            items.add(new MenuItem(m.expanded().contains(g.name()) ? "Hide resources" : "Show resources", new Choice.ToggleResources(g.name())));
            for (Resource r : g.resources()) {
                if (!r.isIis()) continue;
                for (Node other : c.nodes()) {
                    if (r.possibleOwners().equals(List.of(other.name()))) continue;
                    items.add(item("Possible owners of " + r.name() + ": only " + other.name(), Commands.owners(r.name(), List.of(other.name()))));
                }
                if (!r.possibleOwners().containsAll(c.nodeNames())) {
                    items.add(item("Possible owners of " + r.name() + ": every node", Commands.owners(r.name(), c.nodeNames())));
                }
            }
            return open(m, Overlay.Purpose.ACTIONS, "Group " + g.name() + " on " + g.owner(), items, 0);
        }
        Node node = Navigation.selectedNode(m);
        State st = m.world().state();
        if (node.state() == NodeState.UP) items.add(item("Pause", Commands.pause(node.name())));
        if (node.state() == NodeState.PAUSED) items.add(item("Resume", Commands.resume(node.name())));
        if (node.state() == NodeState.DOWN) items.add(item("Restore (bring back at its configuration)", Commands.restore(node.name())));
        boolean owns = !c.groupsOwnedBy(node.name()).isEmpty();
        if (node.state() != NodeState.DOWN && st.upgradingTo(node.name()).isEmpty()) {
            for (var u : st.matrix().upgrades()) {
                if (!u.from().equals(node.config())) continue;
                String label = "Upgrade to " + u.to().label() + " (" + u.kind().word() + ")";
                items.add(owns ? not(label + ": move its groups away first") : item(label, Commands.upgrade(node.name(), u.to().label())));
            }
        }
        if (owns) {
            items.add(not("Move all its groups to another node:"));
            for (Node other : c.nodes()) {
                if (other.name().equals(node.name())) continue;
                items.add(other.accepts() ? item("  to " + other.name(), Commands.moveAll(node.name(), other.name()))
                        : not("  to " + other.name() + " (" + other.state().label() + ")"));
            }
        }
        if (items.isEmpty()) items.add(not("nothing to do on a node that is " + node.state().label().toLowerCase(java.util.Locale.ROOT)));
        return open(m, Overlay.Purpose.ACTIONS, "Node " + node.name() + " (" + node.state().label() + ", " + node.config().label() + ")",
                items, 0);
    }

    /**
     * The target picker: every configuration with how it is reached, starting on the furthest
     * reachable one; the estimates are worked out off the UI thread (an effect) and arrive as
     * they are ready.
     */
    static Next targets(Model m) {
        State st = m.world().state();
        Configuration present = Targets.present(st);
        List<MenuItem> items = new ArrayList<>();
        List<Configuration> reachable = new ArrayList<>();
        int furthest = -1;
        for (Configuration c : st.matrix().configurations()) {
            UpgradePath p = Targets.path(st, c);
            if (c.equals(present)) items.add(not(c.label() + "   (present configuration)"));
            else if (!p.reachable()) {
                items.add(not(c.label() + "   unreachable: " + (st.matrix().leadsTo(c, present) ? "a downgrade; the tables only go forward" : p.reason())));
            } else {
                String how = (p.offlineHops() == 0 ? "rolling only" : "needs " + p.offlineHops() + " standard hop" + (p.offlineHops() == 1 ? "" : "s"))
                        + ", " + p.hops().size() + " hop" + (p.hops().size() == 1 ? "" : "s");
                furthest = items.size();
                reachable.add(c);
                items.add(new MenuItem(c.label() + "   " + how, new Choice.ChooseTarget(c)));
            }
        }
        Model n = open(m.withEstimates(java.util.Map.of()), Overlay.Purpose.TARGET,
                "Choose the target configuration (from " + present.label() + ")", items, Math.max(0, furthest));
        return reachable.isEmpty() ? Next.of(n) : Next.of(n, new Effect.Estimate(reachable));
    }

    static Model faults(Model m) {
        Cluster c = m.world().state().cluster();
        List<MenuItem> items = new ArrayList<>();
        for (Node n : c.nodes()) {
            if (n.state() != NodeState.DOWN) items.add(item("Fail node " + n.name(), Commands.failNode(n.name())));
            items.add(item("Fail the next upgrade of " + n.name(), Commands.failUpgrade(n.name())));
            items.add(item("Refuse the next join of " + n.name(), Commands.failJoin(n.name())));
        }
        List<Resource> resources = new ArrayList<>();
        Optional<Group> g = Navigation.selectedGroup(m);
        if (g.isPresent()) resources.addAll(g.get().resources());
        else for (Group each : c.groups()) for (Resource r : each.resources()) if (r.isIis()) resources.add(r);
        for (Resource r : resources) {
            items.add(item("Fail resource " + r.name(), Commands.failResource(r.name(), 1)));
            items.add(item("Fail resource " + r.name() + " 4 times (past the restart threshold)", Commands.failResource(r.name(), 4)));
        }
        return open(m, Overlay.Purpose.FAULTS, "Inject a fault", items, 0);
    }

    /** Enter on the plan pane at a no-go: its recovery, each a command to choose, then going on with the plan. */
    static Model recovery(Model m) {
        Optional<NoGo> noGo = m.world().noGo().or(() -> m.world().plan().flatMap(rehearse.plan.Plan::unfit));
        if (noGo.isEmpty()) return Update.say(m, new LogEntry.Remark(m.world().state().clock(), LogEntry.Say.NO_NO_GO, ""));
        List<MenuItem> items = new ArrayList<>();
        // Going on is offered once nothing is left to put right first (a wait is not: run waits by itself).
        boolean pending = noGo.get().recovery().stream().anyMatch(Menus::putsRight);
        for (Recovery r : noGo.get().recovery()) {
            if (r instanceof Recovery.RunAgain && pending) items.add(not("Go on with the plan (r), once the above is done"));
            else items.add(recovery(r));
        }
        return open(m, Overlay.Purpose.RECOVERY, "Recover from the no-go at '" + rehearse.text.Steps.label(noGo.get().step().action()) + "'",
                items, 0);
    }

    /** A recovery the operator carries out before the plan can go on. */
    private static boolean putsRight(Recovery r) {
        return !(r instanceof Recovery.RunAgain || r instanceof Recovery.Wait || r instanceof Recovery.RollBack
                || r instanceof Recovery.BringWithinOneVersion);
    }

    private static MenuItem recovery(Recovery r) {
        if (r instanceof Recovery.AckPreflight) return item("Acknowledge the pre-flight checklist", Commands.ackPreflight());
        if (r instanceof Recovery.RestoreNode n) return item("Restore " + n.node() + " (bring it back at its configuration)", Commands.restore(n.node()));
        if (r instanceof Recovery.ResumeNode n) return item("Resume " + n.node(), Commands.resume(n.node()));
        if (r instanceof Recovery.RecreateResource c) return item("Recreate resource " + c.resource(), Commands.recreate(c.resource()));
        if (r instanceof Recovery.BringOnline g) return item("Bring group " + g.group() + " online", Commands.online(Command.Scope.GROUP, g.group()));
        if (r instanceof Recovery.AddPossibleOwners o) {
            return item("Possible owners of " + o.resource() + ": " + String.join(", ", o.owners()), Commands.owners(o.resource(), o.owners()));
        }
        if (r instanceof Recovery.Wait) return item("Wait for what is under way to end", new Command.Wait("wait", -1));
        if (r instanceof Recovery.RunAgain) return new MenuItem("Go on with the plan (r: step after step)", new Choice.RunPlan());
        if (r instanceof Recovery.BringWithinOneVersion v) {
            return not("Bring " + v.other() + " within one version of " + v.node() + ", or return " + v.node() + " from its backup");
        }
        Recovery.RollBack b = (Recovery.RollBack) r;
        return not("Or roll back to " + b.hop().from().label() + " by hand (Enter on the log line: how)");
    }

    static Next key(Model m, Overlay.Menu menu, UiAction a) {
        List<MenuItem> items = menu.items();
        switch (a) {
            case CLOSE -> {
                return Next.of(m.with(new Overlay.None()));
            }
            case UP, DOWN -> {
                int d = a == UiAction.UP ? -1 : 1;
                for (int i = menu.index() + d; i >= 0 && i < items.size(); i += d) {
                    if (items.get(i).selectable()) return Next.of(m.with(menu.at(i)));
                }
                return Next.of(m);
            }
            case CHOOSE -> {
                if (items.isEmpty() || !items.get(menu.index()).selectable()) return Next.of(m);
                Model closed = m.with(new Overlay.None());
                Choice c = items.get(menu.index()).choice();
                if (c instanceof Choice.Submit s) return Next.of(closed, new Effect.Submit(s.command()));
                if (c instanceof Choice.ChooseTarget t) return Next.of(closed.choosing(Optional.of(t.target())), new Effect.Choose(t.target()));
                if (c instanceof Choice.ToggleResources t) return Next.of(Navigation.toggle(closed, t.group()));
                return Update.run(closed);
            }
            default -> {
                return Next.of(m);
            }
        }
    }
}
