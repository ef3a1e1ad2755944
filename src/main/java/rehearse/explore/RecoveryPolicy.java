package rehearse.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.plan.Recovery;

/**
 * What the operator does at a no-go, as data: for each kind of recovery a no-go can name, whether
 * the operator carries it out at once (the command that does it) or it needs a human decision,
 * and how many times the plan is run again. Exploration follows it after every fault; the runbook
 * prints it. In order: at a no-go, carry out the recovery it names and run the plan again, at most
 * {@link #retries} times (a recovery the cluster refuses because it changed meanwhile, a second fault
 * landing, sends the operator back to the no-go as it then stands, at most {@link #rereads} times);
 * if a recovery needs a human, or the retries are spent, roll the hop back
 * where the no-go allows it (a human's work: upgraded nodes are returned from their backups), else
 * stop: the plan needs a human.
 */
public record RecoveryPolicy(int retries, int rereads, List<Rule> rules) {
    /** The kinds of recovery a no-go names (plan.Recovery's records). */
    public enum Kind {
        WAIT, RESTORE_NODE, RESUME_NODE, BRING_ONLINE, RECREATE_RESOURCE, ADD_POSSIBLE_OWNERS, ACK_PREFLIGHT,
        BRING_WITHIN_ONE_VERSION, RUN_AGAIN, ROLL_BACK;

        public static Kind of(Recovery r) {
            if (r instanceof Recovery.Wait) return WAIT;
            if (r instanceof Recovery.RestoreNode) return RESTORE_NODE;
            if (r instanceof Recovery.ResumeNode) return RESUME_NODE;
            if (r instanceof Recovery.BringOnline) return BRING_ONLINE;
            if (r instanceof Recovery.RecreateResource) return RECREATE_RESOURCE;
            if (r instanceof Recovery.AddPossibleOwners) return ADD_POSSIBLE_OWNERS;
            if (r instanceof Recovery.AckPreflight) return ACK_PREFLIGHT;
            if (r instanceof Recovery.BringWithinOneVersion) return BRING_WITHIN_ONE_VERSION;
            if (r instanceof Recovery.RunAgain) return RUN_AGAIN;
            return ROLL_BACK;
        }
    }

    /** Whether the operator carries a kind of recovery out at once, or it waits for a human decision. */
    public enum Response { AT_ONCE, HUMAN }

    public record Rule(Kind kind, Response response) {}

    public RecoveryPolicy {
        rules = List.copyOf(rules);
    }

    /**
     * The policy exploration follows and the runbook prints: every recovery a command can carry
     * out is done at once (wait for the failover, restore a node, resume one, bring a group
     * online, recreate a removed IIS resource, widen possible owners), and the plan runs again,
     * once; the pre-flight checklist is the operator's to sign, a node too many versions apart is
     * returned from its backup by hand, and rolling a hop back returns upgraded nodes from their
     * backups: those need a human.
     */
    public static final RecoveryPolicy STANDARD = new RecoveryPolicy(1, 2, List.of(
            new Rule(Kind.WAIT, Response.AT_ONCE),
            new Rule(Kind.RESTORE_NODE, Response.AT_ONCE),
            new Rule(Kind.RESUME_NODE, Response.AT_ONCE),
            new Rule(Kind.BRING_ONLINE, Response.AT_ONCE),
            new Rule(Kind.RECREATE_RESOURCE, Response.AT_ONCE),
            new Rule(Kind.ADD_POSSIBLE_OWNERS, Response.AT_ONCE),
            new Rule(Kind.RUN_AGAIN, Response.AT_ONCE),
            new Rule(Kind.ACK_PREFLIGHT, Response.HUMAN),
            new Rule(Kind.BRING_WITHIN_ONE_VERSION, Response.HUMAN),
            new Rule(Kind.ROLL_BACK, Response.HUMAN)));

    public Response response(Kind kind) {
        for (Rule r : rules) if (r.kind() == kind) return r.response();
        return Response.HUMAN;
    }

    /**
     * The commands that carry out a no-go's recovery before the plan runs again, in the no-go's
     * order; empty when a recovery it names (other than rolling back) needs a human, or when it
     * offers no running again.
     */
    public Optional<List<Command>> commands(List<Recovery> recovery) {
        List<Command> out = new ArrayList<>();
        boolean runAgain = false;
        for (Recovery r : recovery) {
            Kind k = Kind.of(r);
            if (k == Kind.ROLL_BACK) continue;
            if (response(k) == Response.HUMAN) return Optional.empty();
            if (k == Kind.RUN_AGAIN) runAgain = true;
            else out.add(command(r));
        }
        return runAgain ? Optional.of(out) : Optional.empty();
    }

    /** Whether the no-go offers rolling its hop back. */
    public static boolean offersRollBack(List<Recovery> recovery) {
        for (Recovery r : recovery) if (r instanceof Recovery.RollBack) return true;
        return false;
    }

    private static Command command(Recovery r) {
        if (r instanceof Recovery.Wait) return new Command.Wait("wait", -1);
        if (r instanceof Recovery.RestoreNode n) return Commands.restore(n.node());
        if (r instanceof Recovery.ResumeNode n) return Commands.resume(n.node());
        if (r instanceof Recovery.BringOnline g) return Commands.online(Command.Scope.GROUP, g.group());
        if (r instanceof Recovery.RecreateResource c) return Commands.recreate(c.resource());
        if (r instanceof Recovery.AddPossibleOwners o) return Commands.owners(o.resource(), o.owners());
        if (r instanceof Recovery.AckPreflight) return Commands.ackPreflight();
        throw new IllegalArgumentException("no command for " + r);
    }
}
