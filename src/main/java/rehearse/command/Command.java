package rehearse.command;

import java.util.List;
import rehearse.model.GroupState;
import rehearse.model.NodeState;

/**
 * One line of the command language, the same for scripts, the shell and the UI's prompt, and
 * what plan steps are made of. Names are kept as typed; the engine resolves them, in any case.
 */
public sealed interface Command {

    /** The text the command was parsed from (normalised), for journals and transcripts. */
    String text();

    record Target(String text, String config) implements Command {}

    record ShowPlan(String text) implements Command {}

    record Step(String text) implements Command {}

    record Run(String text) implements Command {}

    record Move(String text, String group, String node) implements Command {}

    record MoveAll(String text, String fromNode, String toNode) implements Command {}

    /** {@code config} is null when the plan's hop under way decides. */
    record Upgrade(String text, String node, String config) implements Command {}

    record Pause(String text, String node) implements Command {}

    record Resume(String text, String node) implements Command {}

    /** Bring a node that is down (failed, failed upgrade, refused join) back at its configuration. */
    record Restore(String text, String node) implements Command {}

    enum Scope { GROUP, RESOURCE, EITHER }

    record Online(String text, Scope scope, String name) implements Command {}

    record Offline(String text, Scope scope, String name) implements Command {}

    record Owners(String text, String resource, List<String> nodes) implements Command {
        public Owners {
            nodes = List.copyOf(nodes);
        }
    }

    /** A group's failback setting. */
    record Failback(String text, String group, boolean on) implements Command {}

    /** A standard upgrade's option: remove an (offline) IIS resource from the cluster, keeping its definition. */
    record Remove(String text, String resource) implements Command {}

    /** Bring a removed IIS resource back, as the platform's IIS type, once every node is upgraded. */
    record Recreate(String text, String resource) implements Command {}

    record AckPreflight(String text) implements Command {}

    /** {@code afterMs} > 0 schedules the fault that far in the simulated future. */
    record FailNode(String text, String node, long afterMs) implements Command {}

    record FailUpgrade(String text, String node) implements Command {}

    record FailJoin(String text, String node) implements Command {}

    record FailResource(String text, String resource, int times) implements Command {}

    /** {@code ms} < 0 means "until the cluster settles". */
    record Wait(String text, long ms) implements Command {}

    record Status(String text) implements Command {}

    record Help(String text, String topic) implements Command {}

    /**
     * Goes back in the rehearsal, and a new branch goes on from there: to the moment the clock
     * read {@code ms} ({@link RewindTo}), or to before the last {@code commands} commands that
     * acted ({@link RewindBack}).
     */
    sealed interface Rewind extends Command permits RewindTo, RewindBack {}

    record RewindTo(String text, long ms) implements Rewind {}

    record RewindBack(String text, int commands) implements Rewind {}

    /** Assertions a script makes about the state; they change nothing. */
    sealed interface Expect extends Command permits ExpectGroup, ExpectNode, ExpectDowntime, ExpectRefused {}

    /** {@code state} null means any state; {@code node} null means any owner. */
    record ExpectGroup(String text, String group, GroupState state, String node) implements Expect {}

    /** {@code state} and {@code config} may each be null. */
    record ExpectNode(String text, String node, NodeState state, String config) implements Expect {}

    enum Comparison {
        LE("<="), LT("<"), EQ("="), GE(">="), GT(">");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(long actual, long expected) {
            return switch (this) {
                case LE -> actual <= expected;
                case LT -> actual < expected;
                case EQ -> actual == expected;
                case GE -> actual >= expected;
                case GT -> actual > expected;
            };
        }
    }

    record ExpectDowntime(String text, String group, Comparison op, long ms) implements Expect {}

    record ExpectRefused(String text) implements Expect {}
}
