package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import rehearse.command.ParseException;
import rehearse.io.ClusterLoader;
import rehearse.matrix.MatrixLoader;
import rehearse.model.Cluster;

/** A session on a cluster, driven by command lines as a script would. */
final class Fixture {
    final Session session;

    Fixture(Cluster c) {
        session = new Session(new Rehearsal(MatrixLoader.builtIn(), c));
    }

    static Fixture sample() {
        return new Fixture(new ClusterLoader(MatrixLoader.builtIn()).sample());
    }

    static Fixture of(String yaml) throws Exception {
        return new Fixture(new ClusterLoader(MatrixLoader.builtIn()).parse("t.yaml", yaml.getBytes()));
    }

    Session.Result run(String line) {
        try {
            return session.submit(line, true).orElseThrow();
        } catch (ParseException e) {
            throw new AssertionError(line + ": " + e.getMessage());
        }
    }

    Fixture ok(String... lines) {
        for (String l : lines) {
            Session.Result r = run(l);
            assertThat(r.outcome().ok()).as(l + " -> " + r.outcome().message()).isTrue();
        }
        return this;
    }

    String refused(String line) {
        Session.Result r = run(line);
        assertThat(r.outcome().refused()).as(line + " should be refused").isTrue();
        return r.outcome().message();
    }

    Rehearsal engine() {
        return session.engine();
    }

    long downtime(String group) {
        return engine().downtime().downtimeMs(group, engine().now());
    }
}
