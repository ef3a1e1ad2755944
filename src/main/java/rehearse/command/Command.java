package rehearse.command;

import java.util.List;

/**
 * One line of the command language, the same for scripts, the shell and the UI's prompt.
 * Names are kept as typed; the engine resolves them against the cluster.
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

    /** {@code config} is null when the plan's next hop decides. */
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

    /** Assertions a script makes about the state; they change nothing. */
    sealed interface Expect extends Command permits ExpectGroup, ExpectNode, ExpectDowntime, ExpectRefused {}

    /** {@code state} is a group state label or null; {@code node} null means any owner. */
    record ExpectGroup(String text, String group, String state, String node) implements Expect {}

    /** {@code state} (up/down/paused/joining) and {@code config} may each be null. */
    record ExpectNode(String text, String node, String state, String config) implements Expect {}

    record ExpectDowntime(String text, String group, String op, long ms) implements Expect {}

    record ExpectRefused(String text) implements Expect {}
}
