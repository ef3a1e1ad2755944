package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Node;
import rehearse.session.Session;
import rehearse.sim.Engine;

/** The update function on its own: a model and a message in, the next model and the effects out; no terminal. */
class UpdateTest {
    private static Session sample() {
        return new Session(Engine.start(MatrixLoader.builtIn(), new ClusterLoader(MatrixLoader.builtIn()).sample()));
    }

    private static Model start(Session s) {
        return Update.initial(Snapshot.of(s), s.history(), s.events(), new Model.Settings(0, Optional.empty(), "rehearse", Optional.empty()),
                new Model.Size(80, 24));
    }

    private static Update.Next press(Model m, Key... keys) {
        Update.Next n = Update.Next.of(m);
        List<Effect> all = new ArrayList<>();
        for (Key k : keys) {
            n = Update.update(n.model(), new Msg.KeyPressed(k));
            all.addAll(n.effects());
        }
        return new Update.Next(n.model(), all);
    }

    private static Key[] typed(String s) {
        Key[] k = new Key[s.length()];
        for (int i = 0; i < s.length(); i++) k[i] = Key.of(s.charAt(i));
        return k;
    }

    private static final Key ENTER = Key.of(Key.Kind.ENTER);

    @Test
    void theHelpAndTheHintsComeFromTheOneKeyMap() {
        List<String> help = KeyMap.help();
        for (KeyMap.Binding b : KeyMap.BINDINGS) {
            assertThat(help).anyMatch(l -> l.contains(b.label()) && l.contains(b.help()));
        }
        assertThat(KeyMap.hints(a -> true)).contains("t target").contains("n step").contains(": command").contains("/ search");
        assertThat(KeyMap.hints(a -> a != UiAction.STEP)).doesNotContain("n step");
        // The same key means what the map says where the UI stands: n steps on the nodes pane, searches on the log.
        assertThat(KeyMap.action(KeyMap.Context.NODES, Key.of('n'))).contains(UiAction.STEP);
        assertThat(KeyMap.action(KeyMap.Context.LOG, Key.of('n'))).contains(UiAction.SEARCH_NEXT);
        assertThat(KeyMap.action(KeyMap.Context.PROMPT, Key.of('q'))).isEmpty();
    }

    @Test
    void f1AndQuestionMarkOpenTheHelpInAScrollableWindow() {
        Model m = start(sample());
        Model help = press(m, Key.of(Key.Kind.F1)).model();
        assertThat(help.overlay()).isInstanceOf(Overlay.Pager.class);
        assertThat(press(m, Key.of('?')).model().overlay()).isEqualTo(help.overlay());
        Model down = press(help, Key.of('j'), Key.of('j')).model();
        assertThat(((Overlay.Pager) down.overlay()).top()).isEqualTo(2);
        assertThat(((Overlay.Pager) press(down, Key.of('g')).model().overlay()).top()).isZero();
        assertThat(press(down, Key.of(Key.Kind.ESCAPE)).model().overlayOpen()).isFalse();
    }

    @Test
    void colonQAndColonQuitQuitAndAskWhileUnderWay() {
        Model m = start(sample());
        assertThat(press(m, typed(":q")).effects()).isEmpty(); // not before Enter
        assertThat(press(press(m, typed(":q")).model(), ENTER).effects()).containsExactly(new Effect.Quit());
        assertThat(press(press(m, typed(":quit")).model(), ENTER).effects()).containsExactly(new Effect.Quit());
        Program p = new Program(sample(), 0);
        p.send(new Msg.KeyPressed(Key.of('t')));
        p.send(new Msg.KeyPressed(ENTER));
        p.send(new Msg.KeyPressed(Key.of('n')));
        p.send(new Msg.KeyPressed(Key.of('y')));
        for (Key k : typed(":q")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(p.quitRequested()).isFalse();
        assertThat(p.model().overlay()).isInstanceOf(Overlay.ConfirmQuit.class);
    }

    @Test
    void ctrlUClearsThePromptAndUpRecallsTheLastLine() {
        Model m = press(start(sample()), typed(":pause NODEB")).model();
        assertThat(((Overlay.Prompt) m.overlay()).text()).isEqualTo("pause NODEB");
        Model cleared = press(m, Key.ctrl('u')).model();
        assertThat(((Overlay.Prompt) cleared.overlay()).text()).isEmpty();
        Update.Next sent = press(m, ENTER);
        assertThat(sent.effects()).hasSize(1).first().isInstanceOf(Effect.Submit.class);
        Model again = press(sent.model(), Key.of(':'), Key.of(Key.Kind.UP)).model();
        assertThat(((Overlay.Prompt) again.overlay()).text()).isEqualTo("pause NODEB");
    }

    @Test
    void tabCompletesFromTheGrammarAsTheShellDoes() {
        Model m = start(sample());
        Model verb = press(m, Key.of(':'), Key.of('m'), Key.of('o'), Key.of(Key.Kind.TAB)).model();
        assertThat(((Overlay.Prompt) verb.overlay()).text()).isEqualTo("move ");
        Model group = press(verb, Key.of('W'), Key.of(Key.Kind.TAB)).model();
        assertThat(((Overlay.Prompt) group.overlay()).text()).isEqualTo("move \"Web Group\" ");
        Model to = press(group, Key.of(Key.Kind.TAB)).model();
        assertThat(((Overlay.Prompt) to.overlay()).text()).isEqualTo("move \"Web Group\" to ");
        Model rewind = press(m, Key.of(':'), Key.of('r'), Key.of('e'), Key.of('w'), Key.of(Key.Kind.TAB), Key.of('t'), Key.of(Key.Kind.TAB)).model();
        assertThat(((Overlay.Prompt) rewind.overlay()).text()).isEqualTo("rewind to ");
        Model node = press(to, Key.of(Key.Kind.TAB)).model();
        assertThat(((Overlay.Prompt) node.overlay()).text()).isEqualTo("move \"Web Group\" to NODEB ");
        // Several candidates: their common start, and the choices on the bottom line (not in the log).
        Model several = press(m, Key.of(':'), Key.of('f'), Key.of('a'), Key.of('i'), Key.of('l'), Key.of(' '), Key.of(Key.Kind.TAB)).model();
        assertThat(LogText.message(several.message().orElseThrow()).text()).isEqualTo("node  upgrade  join  resource");
        assertThat(several.log().entries()).hasSameSizeAs(m.log().entries());
    }

    @Test
    void slashSearchesTheLogAndNNGoToTheNextAndPreviousMatch() {
        Program p = new Program(sample(), 0);
        for (String line : List.of("pause NODEB", "resume NODEB", "pause NODEA")) {
            for (Key k : typed(":" + line)) p.send(new Msg.KeyPressed(k));
            p.send(new Msg.KeyPressed(ENTER));
        }
        for (Key k : typed("/pause node")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        Model m = p.model();
        assertThat(m.pane()).isEqualTo(Model.Pane.LOG);
        List<LogEntry> log = m.log().entries();
        assertThat(LogText.of(log.get(m.log().cursor())).text()).contains("> pause NODEA"); // the newest match first
        Model older = press(m, Key.of('N')).model();
        assertThat(LogText.of(log.get(older.log().cursor())).text()).contains("> pause NODEB");
        Model wrapped = press(older, Key.of('N')).model();
        assertThat(wrapped.log().cursor()).isEqualTo(m.log().cursor());
        assertThat(press(older, Key.of('n')).model().log().cursor()).isEqualTo(m.log().cursor());
        assertThat(press(m, Key.of('g')).model().log().cursor()).isZero();
        assertThat(press(m, Key.of('g'), Key.of('G')).model().log().cursor()).isEqualTo(-1); // following the end again
        Model none = press(press(m, typed("/nowhere")).model(), ENTER).model();
        assertThat(LogText.message(none.message().orElseThrow()).text()).isEqualTo("no log line contains 'nowhere'");
        // Searched again, it is still nowhere: the failed search's own words are not a log line to find.
        Model again = press(press(none, typed("/nowhere")).model(), ENTER).model();
        assertThat(again.log().entries()).hasSameSizeAs(none.log().entries());
        assertThat(LogText.message(again.message().orElseThrow()).text()).isEqualTo("no log line contains 'nowhere'");
    }

    @Test
    void enterOnTheLogShowsTheSelectedLineWholeInAWindow() {
        Program p = new Program(sample(), 0);
        for (Key k : typed(":move \"Web Group\" to NOWHERE")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        Model m = press(p.model(), Key.of(Key.Kind.TAB), Key.of(Key.Kind.TAB), ENTER).model();
        Overlay.Pager pager = (Overlay.Pager) m.overlay();
        assertThat(pager.title()).startsWith("Log line");
        assertThat(String.join(" ", pager.lines())).contains("refused: ").contains("NOWHERE").contains("NODEA");
    }

    @Test
    void statusAndHelpAtThePromptOpenInAWindow() {
        Program p = new Program(sample(), 0);
        for (Key k : typed(":status")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        Overlay.Pager pager = (Overlay.Pager) p.model().overlay();
        assertThat(pager.title()).isEqualTo("status");
        assertThat(String.join("\n", pager.lines())).contains("NODEA").contains("Web Group");
    }

    /** Esc then Tab or Enter typed quickly arrive as Alt+Tab, Alt+Enter: both keys count, as Esc then a letter does. */
    @Test
    void escapeThenTabTypedQuicklyIsBothKeys() {
        Model m = start(sample());
        Model tables = press(m, Key.of('m')).model();
        assertThat(tables.overlay()).isInstanceOf(Overlay.Tables.class);
        Model after = press(tables, new Key(Key.Kind.TAB, '\0', false, true)).model();
        assertThat(after.overlay()).isInstanceOf(Overlay.None.class);
        assertThat(after.pane()).isEqualTo(Model.Pane.PLAN);
        Model help = press(m, Key.of('?')).model();
        assertThat(press(help, new Key(Key.Kind.ENTER, '\0', false, true)).model().overlay()).isInstanceOf(Overlay.Menu.class);
    }

    @Test
    void menusOfferOnlyWhatTheStateAllows() {
        Program p = new Program(sample(), 0);
        p.send(new Msg.KeyPressed(ENTER)); // NODEA, up
        List<String> up = labels(p.model());
        assertThat(up).contains("Pause").doesNotContain("Resume").noneMatch(l -> l.startsWith("Restore"));
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        for (Key k : typed(":fail node NODEB")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        p.send(new Msg.KeyPressed(Key.of('l'))); // NODEB, down
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(labels(p.model())).noneMatch(l -> l.equals("Pause")).anyMatch(l -> l.startsWith("Restore"));
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        p.send(new Msg.KeyPressed(Key.of('h')));
        p.send(new Msg.KeyPressed(Key.of('j'))); // the cluster group, then a group holding IIS, online on NODEA
        p.send(new Msg.KeyPressed(Key.of('j')));
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(selectable(p.model())).doesNotContain("Bring online").contains("Take offline").noneMatch(l -> l.startsWith("Move to NODEB"));
    }

    private static List<String> labels(Model m) {
        return ((Overlay.Menu) m.overlay()).items().stream().map(Overlay.MenuItem::label).toList();
    }

    private static List<String> selectable(Model m) {
        return ((Overlay.Menu) m.overlay()).items().stream().filter(Overlay.MenuItem::selectable).map(Overlay.MenuItem::label).toList();
    }

    @Test
    void theCursorFollowsAGroupWhenItMoves() {
        Program p = new Program(sample(), 0);
        p.send(new Msg.KeyPressed(Key.of('j')));
        p.send(new Msg.KeyPressed(Key.of('j')));
        assertThat(p.model().selection()).isEqualTo(new Model.Selection(0, "Web Group"));
        for (Key k : typed(":move \"Web Group\" to NODEB")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        for (int i = 0; i < 10_000 && p.animating(); i++) p.send(new Msg.Tick(App.TICK_MS));
        assertThat(p.session().state().cluster().group("Web Group").orElseThrow().owner()).isEqualTo("NODEB");
        assertThat(p.model().selection()).isEqualTo(new Model.Selection(1, "Web Group"));
    }

    @Test
    void theTargetPickerStartsOnTheFurthestReachableTargetAndEstimatesOffTheUiThread() {
        UpgradeMatrix mx = MatrixLoader.builtIn();
        Cluster c = new ClusterLoader(mx).sample();
        List<Node> old = c.nodes().stream().map(n -> n.withConfig(mx.find("iis3-sp3"))).toList();
        Session s = new Session(Engine.start(mx, new Cluster(c.name(), old, c.groups(), c.timings())));
        List<Runnable> later = new ArrayList<>();
        List<Msg> posted = new ArrayList<>();
        Program p = new Program(s, 0);
        p.background(later::add, posted::add);
        p.send(new Msg.KeyPressed(Key.of('t')));
        Overlay.Menu menu = (Overlay.Menu) p.model().overlay();
        assertThat(menu.items().get(menu.index()).label()).startsWith("IIS 5.0");
        // Nothing estimated yet, and keys still work while it is.
        assertThat(later).hasSize(1);
        p.send(new Msg.KeyPressed(Key.of('k')));
        assertThat(((Overlay.Menu) p.model().overlay()).index()).isLessThan(menu.index());
        later.get(0).run();
        assertThat(posted).hasSizeGreaterThan(1).allMatch(m -> m instanceof Msg.Estimated);
        posted.forEach(p::send);
        assertThat(p.model().estimates()).hasSize(posted.size());
        assertThat(p.model().estimates().get(mx.find("iis5")).outageMs()).isPositive();
    }

    @Test
    void choosingATargetWorksItOutOffTheUiThreadAndKeysKeepWorking() {
        Session s = sample();
        List<Runnable> later = new ArrayList<>();
        List<Msg> posted = new ArrayList<>();
        Program p = new Program(s, 0);
        p.background(later::add, posted::add);
        p.send(new Msg.KeyPressed(Key.of('t')));
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(p.model().choosing()).contains(MatrixLoader.builtIn().find("iis5"));
        assertThat(s.target()).isEmpty(); // not yet: it is being worked out
        p.send(new Msg.KeyPressed(Key.of('j')));
        assertThat(p.model().selection().group()).isEqualTo("Cluster Group");
        later.forEach(Runnable::run); // the estimate round, then the choice
        posted.stream().filter(m -> m instanceof Msg.Chosen).forEach(p::send);
        assertThat(s.target()).isPresent();
        assertThat(p.model().choosing()).isEmpty();
        assertThat(p.model().world().plan()).isPresent();
    }

    @Test
    void afterAResumeTheLogHoldsTheReplayedHistory() throws Exception {
        Session s = sample();
        s.submit("target 5.0", true);
        s.submit("pause NODEA", true);
        Model m = start(s);
        List<String> lines = m.log().entries().stream().map(e -> LogText.of(e).text()).toList();
        assertThat(lines).anyMatch(l -> l.contains("> target 5.0")).anyMatch(l -> l.contains("> pause NODEA"))
                .anyMatch(l -> l.contains("node NODEA: Up -> Paused"));
        assertThat(m.world().state().cluster().node("NODEA").orElseThrow().state().label()).isEqualTo("Paused");
    }

    /** 'r' on the sample with NODEA's next join refused, played out: the run stops at the no-go of NODEA's upgrade. */
    private static Program runIntoARefusedJoin() {
        Program p = new Program(sample(), 0);
        for (String line : List.of("target 5.0", "fail join NODEA")) {
            for (Key k : typed(":" + line)) p.send(new Msg.KeyPressed(k));
            p.send(new Msg.KeyPressed(ENTER));
        }
        p.send(new Msg.KeyPressed(Key.of('r')));
        p.send(new Msg.KeyPressed(Key.of('y')));
        for (int i = 0; i < 10_000 && p.animating(); i++) p.send(new Msg.Tick(App.TICK_MS));
        return p;
    }

    @Test
    void afterAResumeTheLogAlsoHoldsWhatPlayedOutWhileTheClockRan() {
        Program p = runIntoARefusedJoin();
        List<String> live = p.model().log().entries().stream().filter(e -> e instanceof LogEntry.Happened).map(e -> LogText.of(e).text()).toList();
        // The refused join played out during playback: no command caused it.
        assertThat(p.model().log().entries()).anyMatch(e -> e instanceof LogEntry.Happened h && h.event() instanceof rehearse.sim.Event.JoinRefused);

        // The same session, as --resume rebuilds it: every event the live log showed, in the same order.
        Model resumed = new Program(p.session(), 0).model();
        List<String> again = resumed.log().entries().stream().filter(e -> e instanceof LogEntry.Happened).map(e -> LogText.of(e).text()).toList();
        assertThat(again).containsExactlyElementsOf(live);
        assertThat(LogText.message(resumed.message().orElseThrow()).text()).startsWith("resumed from the journal at ");
    }

    /** A run played out, then its last step undone by a rewind: the resumed log tells it in the order the live one did. */
    @Test
    void afterAResumeTheLogKeepsTheLiveOrderAcrossARewind() {
        Program p = new Program(sample(), 0);
        for (Key k : typed(":target 5.0")) p.send(new Msg.KeyPressed(k));
        p.send(new Msg.KeyPressed(ENTER));
        p.send(new Msg.KeyPressed(Key.of('r')));
        p.send(new Msg.KeyPressed(Key.of('y')));
        for (int i = 0; i < 20_000 && p.animating(); i++) p.send(new Msg.Tick(App.TICK_MS));
        p.send(new Msg.KeyPressed(Key.of('b'))); // back to the start of the last step: it is undone
        assertThat(p.session().history()).anyMatch(r -> r.command() instanceof rehearse.command.Command.Rewind);
        java.util.function.Predicate<LogEntry> told = e -> e instanceof LogEntry.Submitted || e instanceof LogEntry.Happened;
        List<String> live = p.model().log().entries().stream().filter(told).map(e -> LogText.of(e).text()).toList();
        Model resumed = new Program(p.session(), 0).model();
        List<String> again = resumed.log().entries().stream().filter(told).map(e -> LogText.of(e).text()).toList();
        // In the live order; only what played out on the undone branch is not kept by the session, so not retold.
        assertThat(live).containsSubsequence(again);
        assertThat(again.stream().filter(l -> l.contains("  > "))).containsExactlyElementsOf(live.stream().filter(l -> l.contains("  > ")).toList());
        assertThat(again).contains(" 1:21:26  node NODEB upgraded: IIS 4.0 / SP4 -> IIS 5.0");
    }

    @Test
    void aNoGoMarksTheStepFailedWithItsReasonAndOffersTheRecovery() {
        Program p = runIntoARefusedJoin();
        PlanLines.Lines lines = PlanLines.of(p.model().world(), 78);
        PlanLines.Line current = lines.lines().get(lines.current());
        assertThat(current.text()).startsWith("  [!] ").contains("Upgrade NODEA");
        assertThat(lines.lines().get(lines.current() + 1).text()).contains("! no-go at 'upgrade NODEA to IIS 5.0'");
        assertThat(lines.lines()).noneMatch(l -> l.text().contains("plan complete"));
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.TAB))); // the plan pane
        p.send(new Msg.KeyPressed(ENTER));
        List<String> recovery = labels(p.model());
        assertThat(recovery).contains("Restore NODEA (bring it back at its configuration)", "Go on with the plan (r), once the above is done");
        // Going on before the node is back would only stop at the same no-go: it is not offered yet.
        assertThat(selectable(p.model())).noneMatch(l -> l.startsWith("Go on"));
        p.send(new Msg.KeyPressed(ENTER)); // restore NODEA
        assertThat(p.session().state().cluster().node("NODEA").orElseThrow().state().label()).isNotEqualTo("Down");
    }

    @Test
    void theQuorumGroupIsNotOfferedToBeTakenOffline() {
        Program p = new Program(sample(), 0);
        String quorumGroup = p.session().state().cluster().groupOfResource(p.session().state().cluster().quorumResource().orElseThrow().name())
                .orElseThrow().name();
        for (int i = 0; i < 20 && !Navigation.selectedGroup(p.model()).map(g -> g.name().equals(quorumGroup)).orElse(false); i++) {
            p.send(new Msg.KeyPressed(Key.of('j')));
        }
        assertThat(Navigation.selectedGroup(p.model()).orElseThrow().name()).isEqualTo(quorumGroup);
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(labels(p.model())).contains("Take offline (it holds the quorum resource, which stays online)");
        assertThat(selectable(p.model())).doesNotContain("Take offline");
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        p.send(new Msg.KeyPressed(Key.of('j'))); // the next group holds IIS, no quorum: it can be taken offline
        p.send(new Msg.KeyPressed(ENTER));
        assertThat(selectable(p.model())).contains("Take offline");
    }

    @Test
    void everyPlanStepCanBeReachedAt80x24() {
        Program p = new Program(sample(), 0);
        p.send(new Msg.KeyPressed(Key.of('t')));
        p.send(new Msg.KeyPressed(ENTER));
        p.send(new Msg.KeyPressed(Key.of(Key.Kind.TAB)));
        p.send(new Msg.KeyPressed(Key.of('g')));
        int total = PlanLines.of(p.model().world(), 78).lines().size();
        int rows = Layout.of(80, 24).planLines();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < total; i++) {
            int top = PlanLines.top(p.model());
            for (int r = 0; r < rows; r++) seen.add(top + r);
            p.send(new Msg.KeyPressed(Key.of('j')));
        }
        assertThat(total).isGreaterThan(rows);
        assertThat(seen).containsAll(java.util.stream.IntStream.range(0, total).boxed().toList());
        // G shows the plan's last lines, g its first, wherever the current step is.
        p.send(new Msg.KeyPressed(Key.of('g')));
        assertThat(PlanLines.top(p.model())).isZero();
        p.send(new Msg.KeyPressed(Key.of('G')));
        assertThat(PlanLines.top(p.model())).isEqualTo(total - rows);
    }

    @Test
    void theWindowIsMeasuredInWordsAndTheDowntimeNeverPassesTheClock() {
        assertThat(StatusLine.window(30 * 60_000L, 2 * 3_600_000L)).isEqualTo("of the 2h 00m window (25%, 1h 30m left)");
        assertThat(StatusLine.window(150 * 60_000L, 2 * 3_600_000L)).isEqualTo("of the 2h 00m window (125%, over by 30m 00s)");
        assertThat(StatusLine.use(30 * 60_000L, 2 * 3_600_000L)).isEqualTo(StatusLine.Use.WITHIN);
        assertThat(StatusLine.use(60 * 60_000L, 2 * 3_600_000L)).isEqualTo(StatusLine.Use.NEAR);
        assertThat(StatusLine.use(121 * 60_000L, 2 * 3_600_000L)).isEqualTo(StatusLine.Use.OVER);
    }

    @Test
    void theStatusLineShowsTheWindowOnlyWhenGivenAndAvailabilityOnlyOnceTimeHasPassed() throws Exception {
        VirtualScreen none = VirtualScreen.sample(132, 43);
        assertThat(none.draw()[41]).doesNotContain("window").doesNotContain("avail");
        VirtualScreen v = new VirtualScreen(sample(), new Theme(true, true), 132, 43, 2 * 3_600_000L);
        assertThat(v.draw()[41]).contains("outage 0s of the 2h 00m window (0%, 2h 00m left)").doesNotContain("avail");
        v.keys("t").key(Key.of(Key.Kind.ENTER)).keys("ry").play();
        String status = v.draw()[41];
        assertThat(status).contains("outage 39s of the 2h 00m window (1%, 1h 59m left)").contains("avail 99.")
                .contains("Web Group 26s");
    }

    /** At 80 columns the window and the downtimes are shown whole or left out (counted), never a figure cut in half. */
    @Test
    void theStatusLineAt80ColumnsCutsNoFigure() throws Exception {
        VirtualScreen v = new VirtualScreen(sample(), new Theme(true, true), 80, 24, 2 * 3_600_000L);
        v.keys("t").key(Key.of(Key.Kind.ENTER)).keys("ry").play();
        String status = v.draw()[22].stripTrailing();
        assertThat(status).startsWith("clock ").contains("outage 39s").endsWith("more");
        // Each part after the outage is whole: the window's use, availability, a group's downtime, or the count left out.
        String after = status.substring(status.indexOf("outage 39s") + "outage 39s".length());
        assertThat(after).matches("( of the 2h 00m window \\(1%, 1h 59m left\\)| 1% of 2h 00m)(  avail \\d+\\.\\d\\d%)?(  [^ ].*? \\d+s)*  \\+\\d+ more");
        assertThat(StatusLine.fitted(List.of("  avail 99.99%", "  Web 1s", "  FTP 2s"), 30)).isEqualTo("  avail 99.99%  Web 1s  FTP 2s");
        assertThat(StatusLine.fitted(List.of("  avail 99.99%", "  Web 1s", "  FTP 2s"), 24)).isEqualTo("  avail 99.99%  +2 more");
        assertThat(StatusLine.fitted(List.of("  avail 99.99%", "  Web 1s", "  FTP 2s"), 5)).isEqualTo("");
    }

    @Test
    void theJournalIsNamedInTheQuitDialog() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        v.ui.journalAt(Path.of("/tmp/state/rehearse/j.jsonl"), "rehearse");
        v.keys("t").key(Key.of(Key.Kind.ENTER)).keys("ny").play().keys("q");
        assertThat(v.text()).contains("Quit?").contains("Its journal is saved:").contains("/tmp/state/rehearse/j.jsonl")
                .contains("rehearse --resume /tmp/state/rehearse/j.jsonl");
    }

    /** A long path and a launcher off the PATH: every character of the resume line is on the screen, over as many lines as it takes. */
    @Test
    void aLongResumeLineIsShownWholeAt80Columns() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        String dir = "/home/administrator/.local/state/rehearse/WEBCLUSTER-change-4711/branch-after-nodeb-failed";
        v.ui.journalAt(Path.of(dir, "journal-WEBCLUSTER-20261204-031500.jsonl"), "/srv/checkouts/rehearse/scripts/rehearse");
        v.keys("t").key(Key.of(Key.Kind.ENTER)).keys("ny").play().keys("q");
        String line = rehearse.text.ResumeCommand.line("/srv/checkouts/rehearse/scripts/rehearse",
                Path.of(dir, "journal-WEBCLUSTER-20261204-031500.jsonl"), rehearse.text.ResumeCommand.FrontEnd.UI);
        assertThat(line.length()).isGreaterThan(160);
        StringBuilder shown = new StringBuilder();
        for (String row : v.draw()) {
            String inside = row.length() > 4 ? row.substring(2, row.length() - 2).strip() : "";
            shown.append(inside.replace(" ", ""));
        }
        assertThat(shown.toString()).contains(line.replace(" ", ""));
    }
}
