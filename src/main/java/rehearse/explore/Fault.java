package rehearse.explore;

import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.command.Quote;
import rehearse.sim.State;

/**
 * One fault of the command language that exploration injects: a node fails, a node's upgrade
 * fails, a node's join is refused, an IIS resource fails often enough to exhaust its restart
 * policy, or the quorum resource does.
 */
public record Fault(Kind kind, String name) {
    public enum Kind {
        NODE, UPGRADE, JOIN, RESOURCE, QUORUM;
    }

    /** Failures that exhaust MSCS's restart policy: one more than the restarts it allows. */
    public static final int FAILURES_TO_EXHAUST = State.RESTARTS_BEFORE_FAILOVER + 1;

    /** The command that injects it now ({@code afterMs} 0) or, for a node, that far into the next step. */
    public Command command(long afterMs) {
        return switch (kind) {
            case NODE -> afterMs <= 0 ? Commands.failNode(name)
                    : new Command.FailNode("fail node " + Quote.name(name) + " after " + Durations.words(afterMs), name, afterMs);
            case UPGRADE -> Commands.failUpgrade(name);
            case JOIN -> Commands.failJoin(name);
            case RESOURCE, QUORUM -> Commands.failResource(name, FAILURES_TO_EXHAUST);
        };
    }

    /** The command's words without a time: the fault as a column of the matrix. */
    public String text() {
        return command(0).text();
    }

    /** Only a node's failure can land inside a step ({@code fail node N after T}); the others are typed between commands. */
    public boolean landsMidStep() {
        return kind == Kind.NODE;
    }
}
