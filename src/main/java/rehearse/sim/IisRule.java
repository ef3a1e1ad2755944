package rehearse.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import rehearse.matrix.Configuration;
import rehearse.matrix.Upgrade;
import rehearse.matrix.UpgradeKind;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Node;
import rehearse.model.Resource;
import rehearse.plan.HopSteps;

/**
 * The source page's rule for standard upgrades: while the nodes differ across a standard (not
 * rolling) upgrade, an IIS resource may be online only on a node of the one configuration its
 * possible owners are restricted to.
 */
final class IisRule {
    private IisRule() {}

    /** Nodes at two configurations that only a standard upgrade joins. */
    static boolean mixedStandard(UpgradeMatrix matrix, List<Node> nodes) {
        Configuration a = null, b = null;
        for (Node n : nodes) {
            if (a == null) a = n.config();
            else if (!n.config().equals(a)) b = n.config();
        }
        if (b == null) return false;
        Optional<Upgrade> u = matrix.direct(a, b);
        if (u.isEmpty()) u = matrix.direct(b, a);
        return u.isEmpty() || u.get().kind() != UpgradeKind.ROLLING;
    }

    static boolean allowedOn(Resource r, Node host, boolean mixedStandard, Function<String, Node> nodes) {
        if (!r.isIis() || !mixedStandard) return true;
        for (String o : r.possibleOwners()) if (!nodes.apply(o).config().equals(host.config())) return false;
        return true;
    }

    static String refusal(Resource r, Node host) {
        return "IIS resource '" + r.name() + "' cannot come online on " + host.name() + " (" + host.config().label()
                + "): during a standard upgrade the nodes differ, and IIS may run only where its possible owners"
                + " are all of one configuration; restrict them ('owners " + HopSteps.quote(r.name()) + " " + host.name()
                + "') or keep it offline until every node is upgraded";
    }
}
