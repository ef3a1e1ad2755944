package rehearse.report;

import java.util.ArrayList;
import java.util.List;
import rehearse.explore.RecoveryPolicy;

/** The recovery policy in words, read from its data: what the runbook prints and exploration follows. */
public final class PolicyText {
    private PolicyText() {}

    /** One line per kind of recovery, in the policy's order. */
    public static List<String> rules(RecoveryPolicy p) {
        List<String> out = new ArrayList<>();
        for (RecoveryPolicy.Rule r : p.rules()) {
            out.add(what(r.kind()) + ": " + (r.response() == RecoveryPolicy.Response.AT_ONCE ? "at once" : "needs a human") + " (" + why(r.kind(), p) + ")");
        }
        return out;
    }

    /** The procedure in one paragraph. */
    public static String procedure(RecoveryPolicy p) {
        return "At a no-go, carry out the recovery it names and run the plan again, at most " + times(p.retries())
                + " (where the cluster refuses a recovery because it changed meanwhile, a second fault landing, read the no-go again"
                + " as it then stands, at most " + times(p.rereads()) + ")"
                + "; if a recovery needs a human, or the plan stops again, roll the hop back where the no-go offers that"
                + " (by hand: upgraded nodes are returned to the hop's old configuration by uninstalling a service pack, or from"
                + " their backups where the hop has no uninstall), else stop: the plan needs a human.";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static String what(RecoveryPolicy.Kind k) {
        return switch (k) {
            case WAIT -> "wait for what is under way";
            case RESTORE_NODE -> "restore a node that is down";
            case RESUME_NODE -> "resume a paused node";
            case BRING_ONLINE -> "bring a group online";
            case RECREATE_RESOURCE -> "recreate a removed IIS resource";
            case ADD_POSSIBLE_OWNERS -> "widen a resource's possible owners";
            case RUN_AGAIN -> "run the plan again";
            case ACK_PREFLIGHT -> "acknowledge the pre-flight checklist";
            case BRING_WITHIN_ONE_VERSION -> "bring nodes within one Cluster service version";
            case ROLL_BACK -> "roll the hop back";
        };
    }

    private static String why(RecoveryPolicy.Kind k, RecoveryPolicy p) {
        return switch (k) {
            case WAIT -> "'wait': the cluster fails groups over and ends upgrades and joins by itself";
            case RESTORE_NODE -> "'restore NODE': restart it at its configuration";
            case RESUME_NODE -> "'resume NODE'";
            case BRING_ONLINE -> "'online group GROUP'";
            case RECREATE_RESOURCE -> "'recreate resource RESOURCE'";
            case ADD_POSSIBLE_OWNERS -> "'owners RESOURCE NODE...'";
            case RUN_AGAIN -> "'run', retrying the step, at most " + times(p.retries());
            case ACK_PREFLIGHT -> "the checklist is the operator's to sign";
            case BRING_WITHIN_ONE_VERSION -> "a node is returned to its old configuration from its backup";
            case ROLL_BACK -> "a service pack is uninstalled from the folder kept when it was applied; IIS set up from the Option Pack"
                    + " and Windows 2000 have no uninstall: the node is restored from its backup";
        };
    }
}
