package rehearse.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import rehearse.command.Command;
import rehearse.command.Commands;
import rehearse.base.Printable;
import rehearse.matrix.Configuration;
import rehearse.io.MatrixLoader;
import rehearse.model.GroupState;
import rehearse.model.NodeState;
import rehearse.model.ResourceState;
import rehearse.plan.Hop;
import rehearse.plan.NoGo;
import rehearse.plan.NodeActions;
import rehearse.plan.PlanRefusal;
import rehearse.plan.Problem;
import rehearse.plan.Recovery;
import rehearse.plan.Step;
import rehearse.plan.UpgradePath;
import rehearse.session.Mismatch;
import rehearse.sim.Event;
import rehearse.sim.Refused;

/**
 * Every kind of refusal, problem, recovery, event and mismatch has words: the renderers are
 * chains of type tests (Java 17 has no exhaustive switch over sealed types), so each permitted
 * record is made here with sample values and rendered.
 */
class WordsTest {
    private static final Configuration C = MatrixLoader.builtIn().byId("iis5").orElseThrow();
    private static final Step STEP = new Step(0, new NodeActions.Pause("NODEA"));

    /** A sample value for each component type the records use. */
    private static Object sample(Class<?> type) {
        if (type == String.class) return "NAME";
        if (type == long.class) return 1_000L;
        if (type == int.class) return 2;
        if (type == boolean.class) return true;
        if (type == List.class) return List.of("A", "B");
        if (type == Configuration.class) return C;
        if (type == NodeState.class) return NodeState.DOWN;
        if (type == ResourceState.class) return ResourceState.FAILED;
        if (type == GroupState.class) return GroupState.FAILED;
        if (type == Command.Scope.class) return Command.Scope.EITHER;
        if (type == Command.Comparison.class) return Command.Comparison.LE;
        if (type == Command.class) return Commands.pause("NODEA");
        if (type == Refused.class) return new Refused.NodeAlreadyDown("NODEA");
        if (type == Event.MoveCause.class || type == Event.NodeCause.class) return type.getEnumConstants()[0];
        if (type == Event.Fault.class) return new Event.NodeFails("NODEA");
        if (type == Event.JoinRefusal.class) return new Event.InjectedRefusal();
        if (type == Step.class) return STEP;
        if (type == Hop.class) return new Hop(C, C, rehearse.matrix.UpgradeKind.ROLLING);
        if (type == UpgradePath.class) return new UpgradePath(C, C, List.of(), "a reason");
        if (type == NoGo.Cause.class) return NoGo.Cause.GUARD;
        if (type == Problem.class) return new Problem.NodeFailedDuringStep("NODEB");
        if (type == Recovery.class) return new Recovery.RestoreNode("NODEB");
        throw new IllegalArgumentException("no sample of " + type);
    }

    private static <T> List<T> every(Class<T> sealed) throws Exception {
        List<T> out = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isInterface()) {
                out.addAll(every(c).stream().map(sealed::cast).toList());
                continue;
            }
            RecordComponent[] parts = c.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                values[i] = sample(types[i]);
                if (types[i] == List.class && parts[i].getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                        && pt.getActualTypeArguments()[0] != String.class) {
                    values[i] = List.of(sample((Class<?>) pt.getActualTypeArguments()[0]));
                }
            }
            Constructor<?> k = c.getDeclaredConstructor(types);
            out.add(sealed.cast(k.newInstance(values)));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static <T> void allSaid(Class<T> sealed, Function<T, String> words) throws Exception {
        for (T v : every(sealed)) {
            String w = words.apply(v);
            assertThat(w).as(v.toString()).isNotBlank();
            assertThat(Printable.firstUnsafe(w)).as(w).isNegative();
        }
    }

    @Test
    void everyRefusalProblemRecoveryEventAndMismatchHasWords() throws Exception {
        allSaid(Refused.class, Refusals::of);
        allSaid(PlanRefusal.class, r -> Refusals.of(r));
        allSaid(Problem.class, Problems::of);
        allSaid(Recovery.class, r -> Problems.recovery(List.of(r)));
        allSaid(Event.class, Events::of);
        allSaid(Mismatch.class, Outcomes::mismatch);
    }

    @Test
    void aNoGoSaysTheStepWhatFailedAndTheRecovery() {
        NoGo n = new NoGo(STEP, NoGo.Cause.INTERRUPTED, List.of(new Problem.NodeFailedDuringStep("NODEB")),
                List.of(new Recovery.RestoreNode("NODEB"), new Recovery.RunAgain()));
        assertThat(Refusals.of(n)).isEqualTo("no-go at 'pause NODEA': stopped while under way: NODEB failed. Recovery: 'restore NODEB'"
                + " brings it back at its configuration; then 'run' goes on from what the cluster then needs (retrying this step).");
        assertThat(Refusals.of(n)).doesNotContain("refused");
        assertThat(Optional.of(n)).isPresent();
    }

    @Test
    void aRefusedStepIsSaidRefusedOnce() throws Exception {
        Refused inner = new Refused.NodeNotAccepting("Web Group", "NODEB", NodeState.PAUSED);
        NoGo noGo = new NoGo(STEP, NoGo.Cause.REFUSED, List.of(new Problem.CommandRefused(new Command.Pause("pause NODEA", "NODEA"), inner)),
                List.of());
        rehearse.session.Session s = rehearse.session.Fixture.sample().session;
        rehearse.session.Session.Result r = new rehearse.session.Session.Result(0, new Command.Step("step"),
                new rehearse.session.Outcome.Refused(noGo), List.of());
        for (Transcript.Line l : Transcript.of(r, s, "s.rh:1")) {
            String lower = l.text().toLowerCase(java.util.Locale.ROOT);
            assertThat(lower.indexOf("refused")).as(l.text()).isEqualTo(lower.lastIndexOf("refused"));
        }
        assertThat(Transcript.of(r, s, "s.rh:1").get(0).tone()).isEqualTo(Transcript.Tone.BAD);
    }
}
