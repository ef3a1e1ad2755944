package rehearse.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a plan, from its path and each hop's strategy: the pre-flight checklist; per
 * hop Microsoft's procedure (pause the node, move its groups off, upgrade it, it rejoins,
 * resume it; a go/no-go before the last node at the old configuration), with a standard hop's
 * handling of IIS around it; and at the end failback and the groups' places put back.
 */
final class Steps {
    private Steps() {}

    /** How far a node has come in a hop (by index): 0 finished it, 1 begun it (paused or upgrading), 2 not begun. */
    interface Progress {
        int rank(String node, int hop);
    }

    /**
     * @param quorumMustMove for a hop's index: the quorum resource's group holds IIS and the hop
     *     keeps one Cluster service version, so possible owners may change mid-way. Restricted to
     *     the last node, that group could not be taken by any other node while that node is
     *     upgraded, so before that upgrade its IIS goes offline, gets its possible owners back, and
     *     the group moves like any other
     * @param servicePackAfterIis a hop installs IIS over a service pack: the checklist asks for it again after
     */
    static List<Step> of(UpgradePath path, List<Strategy> strategies, Progress progress, java.util.function.IntPredicate quorumMustMove,
            boolean servicePackAfterIis) {
        List<Step> out = new ArrayList<>();
        out.add(new Step(-1, new RunActions.Preflight(servicePackAfterIis)));
        for (int h = 0; h < path.hops().size(); h++) {
            Hop hop = path.hops().get(h);
            Strategy s = strategies.get(h);
            List<String> order = order(s, h, progress);
            String last = order.get(order.size() - 1);
            if (s instanceof Strategy.Rolling) {
                nodes(out, h, hop, order, onto(order));
            } else if (s instanceof Strategy.Standard st) {
                switch (st.option()) {
                    case RESTRICT -> {
                        out.add(new Step(h, new IisActions.MoveIisGroups(last)));
                        out.add(new Step(h, new IisActions.RestrictIis(last)));
                        List<String> first = order.subList(0, order.size() - 1);
                        for (String node : first) perNode(out, h, hop, node, last, false, false, null);
                        String onto = first.isEmpty() ? null : first.get(0);
                        if (quorumMustMove.test(h)) {
                            out.add(new Step(h, new IisActions.TakeIisOffline(last)));
                            out.add(new Step(h, new IisActions.RestoreIisOwners(last)));
                            perNode(out, h, hop, last, onto, true, false, null);
                        } else {
                            // The last node's other groups move to an upgraded node while its IIS still runs; then its IIS
                            // goes offline, restricted to it, and waits for it. Then the IIS resources get their owners back
                            // and come online.
                            perNode(out, h, hop, last, onto, true, true, new IisActions.TakeIisOffline(last));
                            out.add(new Step(h, new IisActions.RestoreIisOwners(last)));
                        }
                        out.add(new Step(h, new IisActions.BringIisOnline()));
                    }
                    case OFFLINE -> {
                        out.add(new Step(h, new IisActions.TakeIisOffline(null)));
                        nodes(out, h, hop, order, onto(order));
                        out.add(new Step(h, new IisActions.BringIisOnline()));
                    }
                    case REMOVE -> {
                        out.add(new Step(h, new IisActions.TakeIisOffline(null)));
                        out.add(new Step(h, new IisActions.RemoveIis()));
                        nodes(out, h, hop, order, onto(order));
                        out.add(new Step(h, new IisActions.RecreateIis()));
                        out.add(new Step(h, new IisActions.BringIisOnline()));
                    }
                }
            }
        }
        int end = path.hops().size();
        out.add(new Step(end, new RunActions.RestoreFailback()));
        out.add(new Step(end, new RunActions.ReturnToPreferredOwners()));
        return out;
    }

    /**
     * The strategy's order with the nodes that have finished the hop first, then those whose turn
     * has begun (a node paused by hand is worked on first, not left paused beside another); for a
     * hop restricted to one node, that node last while it has not finished the hop.
     */
    private static List<String> order(Strategy s, int h, Progress progress) {
        List<String> out = new ArrayList<>(s.order());
        // stable: the strategy's order within a rank. Not Comparator.comparingInt, whose serializable
        // lambda the class-data archive does not hold (generated at every start).
        out.sort((a, b) -> Integer.compare(progress.rank(a, h), progress.rank(b, h)));
        if (s instanceof Strategy.Standard st && st.option() == StandardOption.RESTRICT && progress.rank(s.last(), h) > 0) {
            out.remove(s.last());
            out.add(s.last());
        }
        return out;
    }

    /** Each node is emptied onto the one upgraded before it (the first onto the second). */
    private static List<String> onto(List<String> order) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) out.add(order.size() < 2 ? null : order.get(i == 0 ? 1 : i - 1));
        return out;
    }

    private static void nodes(List<Step> out, int h, Hop hop, List<String> order, List<String> onto) {
        for (int i = 0; i < order.size(); i++) perNode(out, h, hop, order.get(i), onto.get(i), i == order.size() - 1, false, null);
    }

    /** The node's steps; {@code beforeGo}, if any, comes after its groups are moved off and before the go/no-go. */
    private static void perNode(List<Step> out, int h, Hop hop, String node, String onto, boolean last, boolean iisStays, Action beforeGo) {
        out.add(new Step(h, new NodeActions.Pause(node)));
        if (onto != null) out.add(new Step(h, new NodeActions.Drain(node, onto, iisStays)));
        if (beforeGo != null) out.add(new Step(h, beforeGo));
        if (last) out.add(new Step(h, new NodeActions.GoNoGo(node, onto != null, iisStays)));
        out.add(new Step(h, new NodeActions.Upgrade(node, hop.to())));
        out.add(new Step(h, new NodeActions.Resume(node)));
    }
}
