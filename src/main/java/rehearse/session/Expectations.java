package rehearse.session;

import java.util.Optional;
import rehearse.command.Command;
import rehearse.matrix.Configuration;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.sim.State;

/** Checks a script's {@code expect} against the state; it changes nothing. */
final class Expectations {
    private Expectations() {}

    static Outcome check(State s, Command.Expect e, Outcome last) {
        Mismatch m = mismatch(s, e, last);
        return m == null ? new Outcome.Passed() : new Outcome.Failed(m);
    }

    private static Mismatch mismatch(State s, Command.Expect e, Outcome last) {
        if (e instanceof Command.ExpectRefused) return last.refused() ? null : new Mismatch.NotRefused();
        if (e instanceof Command.ExpectGroup g) {
            Optional<Group> group = s.cluster().group(g.group());
            if (group.isEmpty()) return new Mismatch.NoSuchGroup(g.group());
            if (g.state() != null && group.get().state() != g.state()) {
                return new Mismatch.GroupInState(group.get().name(), group.get().state(), g.state());
            }
            if (g.node() != null && !group.get().owner().equalsIgnoreCase(g.node())) {
                return new Mismatch.GroupOnNode(group.get().name(), group.get().owner(), g.node());
            }
            return null;
        }
        if (e instanceof Command.ExpectNode n) {
            Optional<Node> node = s.cluster().node(n.node());
            if (node.isEmpty()) return new Mismatch.NoSuchNode(n.node());
            if (n.state() != null && node.get().state() != n.state()) {
                return new Mismatch.NodeInState(node.get().name(), node.get().state(), n.state());
            }
            if (n.config() != null) {
                Configuration want = s.matrix().find(n.config());
                if (want == null) return new Mismatch.UnknownConfiguration(n.config(), s.matrix().known());
                if (!node.get().config().equals(want)) return new Mismatch.NodeAtConfiguration(node.get().name(), node.get().config(), want);
            }
            return null;
        }
        Command.ExpectDowntime d = (Command.ExpectDowntime) e;
        Optional<String> group = s.groupName(d.group());
        if (group.isEmpty() || !s.tracksDowntime(group.get())) return new Mismatch.NoSuchIisGroup(d.group());
        long actual = s.downtimeMs(group.get());
        return d.op().holds(actual, d.ms()) ? null : new Mismatch.Downtime(group.get(), actual, d.op(), d.ms());
    }
}
