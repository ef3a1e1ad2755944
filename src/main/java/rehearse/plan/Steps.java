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

    static List<Step> of(UpgradePath path, List<Strategy> strategies) {
        List<Step> out = new ArrayList<>();
        out.add(new Step(-1, new RunActions.Preflight()));
        for (int h = 0; h < path.hops().size(); h++) {
            Hop hop = path.hops().get(h);
            Strategy s = strategies.get(h);
            List<String> order = s.order();
            String last = s.last();
            if (s instanceof Strategy.Rolling) {
                nodes(out, h, hop, order, onto(order));
            } else if (s instanceof Strategy.Standard st) {
                switch (st.option()) {
                    case RESTRICT -> {
                        out.add(new Step(h, new IisActions.MoveIisGroups(last)));
                        out.add(new Step(h, new IisActions.RestrictIis(last)));
                        List<String> first = order.subList(0, order.size() - 1);
                        List<String> onto = new ArrayList<>();
                        for (int i = 0; i < first.size(); i++) onto.add(last);
                        for (int i = 0; i < first.size(); i++) perNode(out, h, hop, first.get(i), onto.get(i), false);
                        out.add(new Step(h, new IisActions.TakeIisOffline(last)));
                        out.add(new Step(h, new IisActions.RestoreIisOwners(last)));
                        // The last node is not drained: with IIS offline, its groups go to upgraded nodes as it shuts down.
                        perNode(out, h, hop, last, null, true);
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

    /** Each node is emptied onto the one upgraded before it (the first onto the second). */
    private static List<String> onto(List<String> order) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) out.add(order.size() < 2 ? null : order.get(i == 0 ? 1 : i - 1));
        return out;
    }

    private static void nodes(List<Step> out, int h, Hop hop, List<String> order, List<String> onto) {
        for (int i = 0; i < order.size(); i++) perNode(out, h, hop, order.get(i), onto.get(i), i == order.size() - 1);
    }

    private static void perNode(List<Step> out, int h, Hop hop, String node, String onto, boolean last) {
        out.add(new Step(h, new NodeActions.Pause(node)));
        if (onto != null) out.add(new Step(h, new NodeActions.Drain(node, onto)));
        if (last) out.add(new Step(h, new NodeActions.GoNoGo(node, onto != null)));
        out.add(new Step(h, new NodeActions.Upgrade(node, hop.to())));
        out.add(new Step(h, new NodeActions.Resume(node)));
    }
}
