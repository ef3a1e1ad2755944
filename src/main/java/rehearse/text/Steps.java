package rehearse.text;

import java.util.List;
import rehearse.plan.Action;
import rehearse.plan.IisActions;
import rehearse.plan.NodeActions;
import rehearse.plan.RunActions;
import rehearse.plan.Status;
import rehearse.plan.Step;

/** Plan steps in words, and their marks. */
public final class Steps {
    private Steps() {}

    public static String text(Action a) {
        if (a instanceof RunActions.Preflight p) {
            return "Acknowledge the pre-flight checklist: backups taken, " + (p.servicePackAfterIis() ? "the service pack re-applied after IIS, " : "")
                    + "the documentation of every clustered resource consulted, failback disabled for the run.";
        }
        if (a instanceof NodeActions.Pause p) return "Pause " + p.node() + ", so no group moves or fails over to it.";
        if (a instanceof NodeActions.Drain d) {
            return d.iisStays() ? "Move the groups that hold no IIS from " + d.node() + " to " + d.onto() + " (the IIS groups,"
                    + " restricted to " + d.node() + ", stay: they go offline for its upgrade and wait for it)." : "Move all groups from " + d.node() + " to " + d.onto() + ".";
        }
        if (a instanceof NodeActions.Upgrade u) {
            return "Upgrade " + u.node() + " to " + u.to().label() + " (" + u.to().platform() + "); it rejoins the cluster still paused.";
        }
        if (a instanceof NodeActions.Resume r) return "Resume " + r.node() + ".";
        if (a instanceof NodeActions.GoNoGo g) {
            return "Go/no-go before upgrading " + g.node() + ", the last node on the old configuration: every other node is"
                    + " upgraded and up, every resource that should be online is" + (g.drained() ? ", and " + (g.iisStays()
                    ? "every group without IIS" : "every group") + " runs on an upgraded node." : ".");
        }
        if (a instanceof IisActions.MoveIisGroups m) return "Move every group holding IIS to " + m.onto() + ", the node upgraded last.";
        if (a instanceof IisActions.RestrictIis r) {
            return "Restrict the possible owners of every IIS resource to " + r.node() + ", so IIS can be online only there.";
        }
        if (a instanceof IisActions.TakeIisOffline) return "Take every IIS resource offline.";
        if (a instanceof IisActions.RestoreIisOwners) {
            return "Give the IIS resources back their possible owners (they stay offline until every node is upgraded).";
        }
        if (a instanceof IisActions.RemoveIis) return "Remove every IIS resource from the cluster, keeping its definition.";
        if (a instanceof IisActions.RecreateIis) return "Recreate the IIS resources, as the new platform's IIS resource type.";
        if (a instanceof IisActions.BringIisOnline) return "Bring the IIS resources back online.";
        if (a instanceof RunActions.RestoreFailback) return "Restore the failback settings the pre-flight checklist turned off.";
        if (a instanceof RunActions.ReturnToPreferredOwners) return "Move every group back to its preferred owner.";
        throw new IllegalArgumentException("no words for " + a);
    }

    /** A step in a few words, for messages: {@code upgrade NODEA to IIS 5.0}. */
    public static String label(Action a) {
        if (a instanceof RunActions.Preflight) return "the pre-flight checklist";
        if (a instanceof NodeActions.Pause p) return "pause " + p.node();
        if (a instanceof NodeActions.Drain d) return "move " + (d.iisStays() ? "the groups without IIS" : "all groups") + " from "
                + d.node() + " to " + d.onto();
        if (a instanceof NodeActions.Upgrade u) return "upgrade " + u.node() + " to " + u.to().label();
        if (a instanceof NodeActions.Resume r) return "resume " + r.node();
        if (a instanceof NodeActions.GoNoGo g) return "go/no-go before upgrading " + g.node();
        if (a instanceof IisActions.MoveIisGroups m) return "move the IIS groups to " + m.onto();
        if (a instanceof IisActions.RestrictIis r) return "restrict IIS to " + r.node();
        if (a instanceof IisActions.TakeIisOffline) return "take IIS offline";
        if (a instanceof IisActions.RestoreIisOwners) return "restore the IIS possible owners";
        if (a instanceof IisActions.RemoveIis) return "remove IIS";
        if (a instanceof IisActions.RecreateIis) return "recreate IIS";
        if (a instanceof IisActions.BringIisOnline) return "bring IIS back online";
        if (a instanceof RunActions.RestoreFailback) return "restore failback";
        if (a instanceof RunActions.ReturnToPreferredOwners) return "move the groups back to their preferred owners";
        throw new IllegalArgumentException("no words for " + a);
    }

    /**
     * The number {@code step} has where the plan's text and the runbook show it: its place in its hop
     * ("7"; "2.7" when the plan has several hops), "end 2" for the steps at the end, "pre" for the
     * pre-flight checklist; "" for a step not in {@code plan}.
     */
    public static String number(List<Step> plan, Step step, int hops) {
        int n = 0;
        for (Step s : plan) {
            if (s.hop() != step.hop()) continue;
            n++;
            if (s.equals(step)) {
                if (step.hop() < 0) return "pre";
                if (step.hop() >= hops) return "end " + n;
                return hops > 1 ? (step.hop() + 1) + "." + n : Integer.toString(n);
            }
        }
        return "";
    }

    /** The mark a plain-text view shows: {@code [x]} done, {@code [~]} under way, {@code [!]} failed, {@code [>]} next. */
    public static String mark(Status s) {
        return switch (s) {
            case DONE -> "[x]";
            case UNDER_WAY -> "[~]";
            case FAILED -> "[!]";
            case NEXT -> "[>]";
            case TODO -> "[ ]";
        };
    }
}
