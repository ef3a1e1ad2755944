package rehearse.session;

import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.model.GroupState;
import rehearse.model.NodeState;

/** Why an {@code expect} did not hold. */
public sealed interface Mismatch {
    record NotRefused() implements Mismatch {}

    record NoSuchGroup(String group) implements Mismatch {}

    record NoSuchNode(String node) implements Mismatch {}

    record NoSuchIisGroup(String group) implements Mismatch {}

    record UnknownConfiguration(String text, String known) implements Mismatch {}

    record GroupInState(String group, GroupState actual, GroupState expected) implements Mismatch {}

    record GroupOnNode(String group, String actual, String expected) implements Mismatch {}

    record NodeInState(String node, NodeState actual, NodeState expected) implements Mismatch {}

    record NodeAtConfiguration(String node, Configuration actual, Configuration expected) implements Mismatch {}

    record Downtime(String group, long actualMs, Command.Comparison op, long expectedMs) implements Mismatch {}
}
