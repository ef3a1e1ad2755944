package rehearse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.plan.Plan;
import rehearse.plan.Status;
import rehearse.plan.Target;
import rehearse.sim.Engine;
import rehearse.sim.Event;
import rehearse.sim.Refusal;
import rehearse.sim.State;
import rehearse.text.Outcomes;
import rehearse.text.Refusals;

/** A session on a cluster, driven by command lines as a script would. */
public final class Fixture {
    public final Session session;

    public Fixture(UpgradeMatrix matrix, Cluster c) {
        session = new Session(Engine.start(matrix, c));
    }

    public static Fixture sample() {
        return new Fixture(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample());
    }

    public static Fixture of(String yaml) throws Exception {
        return new Fixture(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).parse("t.yaml", yaml.getBytes()));
    }

    public static Fixture at(String config) throws Exception {
        return of(Clusters.SAMPLE_AT.formatted(config));
    }

    /** The no-go a command stopped at. */
    public static rehearse.plan.NoGo noGo(Session.Result r) {
        assertThat(r.outcome()).isInstanceOf(Outcome.Refused.class);
        return (rehearse.plan.NoGo) ((Outcome.Refused) r.outcome()).refusal();
    }

    /** The embedded sample cluster's file, to vary. */
    public static String sampleYaml() {
        return new String(ClusterLoader.sampleBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public Session.Result run(String line) {
        try {
            return session.submit(line, true).orElseThrow();
        } catch (ParseException e) {
            throw new AssertionError(line + ": " + e.getMessage());
        }
    }

    /** Lines that must be accepted (or hold). */
    public Fixture ok(String... lines) {
        for (String l : lines) {
            Session.Result r = run(l);
            assertThat(r.outcome().ok()).as(l + " -> " + Outcomes.of(r.outcome())).isTrue();
        }
        return this;
    }

    /** A line that must be refused: the refusal. */
    public Refusal refused(String line) {
        Session.Result r = run(line);
        assertThat(r.outcome()).as(line + " should be refused, got " + Outcomes.of(r.outcome())).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) r.outcome()).refusal();
    }

    /** The refusal in words, for the few tests that check what an operator reads. */
    public String refusedText(String line) {
        return Refusals.of(refused(line));
    }

    public State state() {
        return session.state();
    }

    public Node node(String name) {
        return state().cluster().node(name).orElseThrow();
    }

    public Group group(String name) {
        return state().cluster().group(name).orElseThrow();
    }

    public long downtime(String group) {
        return state().downtimeMs(group);
    }

    public Plan plan() {
        return session.plan().orElseThrow();
    }

    public Target target() {
        return session.target().orElseThrow();
    }

    public Status status(int index) {
        return plan().entries().get(index).status();
    }

    /** Every event of the session so far. */
    public List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (Session.Result r : session.history()) out.addAll(r.events());
        return out;
    }
}
