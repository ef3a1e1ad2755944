package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rehearse.explore.Exploration;
import rehearse.explore.Explorer;
import rehearse.explore.RecoveryPolicy;
import rehearse.explore.Scenario;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.session.Session;
import rehearse.sim.Engine;

/** The what-if key: the heat map of every fault at every step, worked out off the UI thread; Enter rehearses a cell live. */
class WhatIfTest {
    private static final Key ENTER = Key.of(Key.Kind.ENTER);

    private static Program sample() {
        return new Program(new Session(Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample())), 0);
    }

    private static void type(Program p, String line) {
        p.send(new Msg.KeyPressed(Key.of(':')));
        for (char ch : line.toCharArray()) p.send(new Msg.KeyPressed(Key.of(ch)));
        p.send(new Msg.KeyPressed(ENTER));
    }

    private static Overlay.WhatIf heatMap(Program p) {
        assertThat(p.model().overlay()).isInstanceOf(Overlay.WhatIf.class);
        return (Overlay.WhatIf) p.model().overlay();
    }

    @Test
    void withoutATargetThereIsNothingToExplore() {
        Program p = sample();
        p.send(new Msg.KeyPressed(Key.of('i')));
        assertThat(p.model().overlay()).isInstanceOf(Overlay.None.class);
        assertThat(LogText.message(p.model().message().orElseThrow()).text()).contains("no target yet");
    }

    /** The heat map is the same matrix 'rehearse explore' works out from the same moment, the cursor on the worst case. */
    @Test
    void theHeatMapIsTheExplorationOfTheRestOfThePlan() {
        Program p = sample();
        type(p, "target 5.0");
        var before = p.session().state();
        p.send(new Msg.KeyPressed(Key.of('i')));
        Overlay.WhatIf w = heatMap(p);
        assertThat(w.on()).isSameAs(before);
        Exploration x = w.exploration().orElseThrow();
        Exploration cli = Explorer.explore(before, p.session().target().orElseThrow(),
                new Explorer.Options(1, false, -1, RecoveryPolicy.STANDARD, (d, t) -> { }));
        assertThat(x.matrix()).isEqualTo(cli.matrix());
        assertThat(x.faults()).isEqualTo(cli.faults());
        assertThat(WhatIf.selected(w)).contains(cli.worst().get(0));
        assertThat(p.session().state()).isSameAs(before); // explored on copies: the rehearsal did not move
        assertThat(p.session().history()).hasSize(1);
    }

    /** The question the change board asks: NODEB fails while NODEA upgrades. Enter plays it out on the screen, up to its no-go. */
    @Test
    void enterRehearsesTheCellLive() throws Exception {
        Program p = sample();
        type(p, "target 5.0");
        // Not before the checklist is signed: the scenario's run begins with it signed, and that is the operator's to do.
        p.send(new Msg.KeyPressed(Key.of('i')));
        int before = p.session().history().size();
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(p.session().history()).hasSize(before);
        assertThat(LogText.message(p.model().message().orElseThrow()).text()).contains("sign the pre-flight checklist first (n shows it)");
        assertThat(p.model().overlay()).isInstanceOf(Overlay.None.class);
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        type(p, "ack preflight");
        p.send(new Msg.KeyPressed(Key.of('i')));
        Exploration x = heatMap(p).exploration().orElseThrow();
        int row = -1;
        for (int k = 0; k < x.baseline().steps().size() && row < 0; k++) {
            if (x.baseline().steps().get(k).action() instanceof rehearse.plan.NodeActions.Upgrade u && u.node().equals("NODEA")) row = k;
        }
        int col = x.faults().indexOf(new rehearse.explore.Fault(rehearse.explore.Fault.Kind.NODE, "NODEB"));
        assertThat(row).isNotNegative();
        assertThat(col).isNotNegative();
        // Walk the cursor there with the keys.
        Overlay.WhatIf w = heatMap(p);
        for (int i = w.row(); i < row; i++) p.send(new Msg.KeyPressed(Key.of('j')));
        for (int i = w.row(); i > row; i--) p.send(new Msg.KeyPressed(Key.of('k')));
        for (int i = w.column(); i < col; i++) p.send(new Msg.KeyPressed(Key.of('l')));
        for (int i = w.column(); i > col; i--) p.send(new Msg.KeyPressed(Key.of('h')));
        w = heatMap(p);
        assertThat(w.row()).isEqualTo(row);
        assertThat(w.column()).isEqualTo(col);
        Scenario s = WhatIf.selected(w).orElseThrow();
        assertThat(s.windowHeld()).isFalse();

        p.send(new Msg.KeyPressed(ENTER));
        assertThat(p.model().overlay()).isInstanceOf(Overlay.None.class);
        assertThat(p.session().history()).anyMatch(r -> r.command() instanceof rehearse.command.Command.FailNode f && f.node().equals("NODEB"));
        assertThat(p.animating()).isTrue(); // the rest plays out on the screen
        for (int i = 0; i < 20_000 && p.animating(); i++) p.send(new Msg.Tick(App.TICK_MS));
        // Live, it stops where the scenario's first no-go was; the operator takes it from there.
        assertThat(s.firstNoGo()).isPresent();
        assertThat(p.model().log().entries()).filteredOn(e -> e instanceof LogEntry.Stopped).first()
                .matches(e -> ((LogEntry.Stopped) e).noGo().step().equals(s.firstNoGo().get().step()), "stopped at the scenario's first no-go");
        // Paused there, the plan marks that step failed and the recovery menu is for it.
        assertThat(p.session().lastNoGo().map(n -> n.step())).contains(s.firstNoGo().get().step());
        PlanLines.Lines plan = PlanLines.of(p.model().world(), 78);
        assertThat(plan.lines().get(plan.current()).text()).startsWith("  [!] ");
        assertThat(plan.lines().get(plan.current() + 1).text()).contains("! no-go at");
        // Stopped at the no-go's moment, as the scenario's own run was: the recovery its script then gives comes to the
        // outage the cell showed.
        List<String> script = s.script();
        int fault = 0;
        for (int i = 0; i < script.size(); i++) if (script.get(i).startsWith("fail ")) fault = i;
        List<String> after = script.subList(fault + 1, script.size());
        assertThat(after.get(0)).isEqualTo("run");
        for (String line : after.subList(1, after.size())) {
            if (!line.startsWith("expect ")) p.session().submit(rehearse.command.CommandParser.parse(line).orElseThrow(), true);
        }
        assertThat(p.session().state().outageMs()).isEqualTo(s.outageMs());
    }

    @Test
    void aHeatMapWorkedOutOnAnEarlierMomentRehearsesNothing() {
        Program p = sample();
        type(p, "target 5.0");
        p.send(new Msg.KeyPressed(Key.of('i')));
        int commands = p.session().history().size();
        p.session().submit(rehearse.command.Commands.pause("NODEB"), true); // the cluster moves on behind the heat map
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(p.session().history()).hasSize(commands + 1);
        assertThat(LogText.message(p.model().message().orElseThrow()).text()).contains("changed since the what-if");
        // And news of an exploration begun on another moment does not touch an open heat map.
        p.send(new Msg.KeyPressed(Key.of('i')));
        Overlay.WhatIf open = heatMap(p);
        var elsewhere = Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample());
        Model same = Update.update(p.model(), new Msg.Explored(elsewhere, Optional.empty(), "elsewhere")).model();
        assertThat(same.overlay()).isEqualTo(open);
    }

    @Test
    void notWhileAStepIsUnderWay() {
        Program p = sample();
        type(p, "target 5.0");
        type(p, "pause NODEA");
        type(p, "move all from NODEA to NODEB");
        assertThat(p.session().state().busy()).isTrue();
        p.send(new Msg.KeyPressed(Key.of('i')));
        assertThat(p.model().overlay()).isInstanceOf(Overlay.None.class);
        assertThat(LogText.message(p.model().message().orElseThrow()).text()).contains("a step is under way");
    }

    @Test
    void whileItIsWorkedOutTheHeatMapCountsAndEscClosesIt() {
        Program p = sample();
        type(p, "target 5.0");
        List<Runnable> later = new java.util.ArrayList<>();
        p.background(later::add, p::send); // the work waits: the key must not
        p.send(new Msg.KeyPressed(Key.of('i')));
        Overlay.WhatIf w = heatMap(p);
        assertThat(w.exploration()).isEmpty();
        p.send(new Msg.Exploring(w.on(), 12, 123));
        assertThat(heatMap(p).done()).isEqualTo(12);
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        assertThat(p.model().overlay()).isInstanceOf(Overlay.None.class);
        later.forEach(Runnable::run); // the answer arrives after: nothing opens again
        assertThat(p.model().overlay()).isInstanceOf(Overlay.None.class);
        assertThat(later).hasSize(1);
    }

    /** Across many faults: a page key moves ten, Home and End (g, G) go to the first and the last. */
    @Test
    void pageHomeAndEndMoveAcrossTheFaults() {
        Program p = sample();
        type(p, "target 5.0");
        p.send(new Msg.KeyPressed(Key.of('i')));
        int faults = heatMap(p).exploration().orElseThrow().faults().size();
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.END)));
        assertThat(heatMap(p).column()).isEqualTo(faults - 1);
        p.send(new Msg.KeyPressed(Key.of('g')));
        assertThat(heatMap(p).column()).isZero();
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.PAGE_DOWN)));
        assertThat(heatMap(p).column()).isEqualTo(Math.min(faults - 1, WhatIf.PAGE));
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.PAGE_UP)));
        assertThat(heatMap(p).column()).isZero();
        p.send(new Msg.KeyPressed(Key.of('G')));
        assertThat(heatMap(p).column()).isEqualTo(faults - 1);
    }

    /**
     * NODEA fails while NODEB upgrades: the no-go stops 'upgrade NODEB', and NODEA's own upgrade step
     * no longer holds (NODEA is down), so it is next again above it. The plan pane shows the step
     * the no-go stopped, with its reason, not the earlier one (trial of 16).
     */
    @Test
    void thePlanShowsTheStepTheNoGoStoppedEvenBelowAStepThatIsNextAgain() throws Exception {
        Program p = sample();
        type(p, "target 5.0");
        type(p, "ack preflight");
        p.send(new Msg.KeyPressed(Key.of('i')));
        Exploration x = heatMap(p).exploration().orElseThrow();
        int row = -1;
        for (int k = 0; k < x.baseline().steps().size() && row < 0; k++) {
            if (x.baseline().steps().get(k).action() instanceof rehearse.plan.NodeActions.Upgrade u && u.node().equals("NODEB")) row = k;
        }
        int col = x.faults().indexOf(new rehearse.explore.Fault(rehearse.explore.Fault.Kind.NODE, "NODEA"));
        Overlay.WhatIf w = heatMap(p);
        for (int i = w.row(); i < row; i++) p.send(new Msg.KeyPressed(Key.of('j')));
        for (int i = w.row(); i > row; i--) p.send(new Msg.KeyPressed(Key.of('k')));
        for (int i = w.column(); i < col; i++) p.send(new Msg.KeyPressed(Key.of('l')));
        for (int i = w.column(); i > col; i--) p.send(new Msg.KeyPressed(Key.of('h')));
        p.send(new Msg.KeyPressed(ENTER));
        for (int i = 0; i < 20_000 && p.animating(); i++) p.send(new Msg.Tick(App.TICK_MS));
        PlanLines.Lines plan = PlanLines.of(p.model().world(), 78);
        assertThat(plan.lines().get(plan.current()).text()).startsWith("  [!] ").contains("Upgrade NODEB");
        assertThat(plan.lines().subList(0, plan.current())).anyMatch(l -> l.text().startsWith("  [>] ") && l.text().contains("Upgrade NODEA"));
    }
}
