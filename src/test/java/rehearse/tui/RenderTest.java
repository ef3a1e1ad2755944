package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;

class RenderTest {
    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void bothNodesSideBySideWithTheirGroups(int cols, int rows) throws Exception {
        String[] s = VirtualScreen.sample(cols, rows).draw();
        assertThat(s[0]).startsWith(" SIMULATION  rehearse: cluster WEBCLUSTER");
        assertThat(s[2]).contains("NODEA").contains("NODEB");
        assertThat(s[2].indexOf("NODEB")).isGreaterThanOrEqualTo(cols / 2 - 1);
        assertThat(s[3]).contains("IIS 4.0 / SP4");
        String all = String.join("\n", s);
        assertThat(all).contains("[+] Web Group").contains("[+] FTP Group").contains("Online");
        assertThat(s[rows - 2]).startsWith("clock 0:00:00  300x");
        assertThat(s[rows - 2]).contains("Web Group 0s").doesNotContain("avail"); // no time has passed: no availability yet
    }

    @Test
    void planMarksAndEstimate() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys("t");
        assertThat(v.text()).contains("IIS 5.0   rolling only, 1 hop").contains("downgrade");
        v.key(KeyType.Enter).keys("n");
        assertThat(v.text()).contains("Pre-flight checklist");
        v.keys("y").play().keys("n").play();
        String s = v.text();
        assertThat(s).contains("Plan: IIS 4.0 / SP4 -> IIS 5.0, 1 hop, rolling")
                .contains("[x] 2. Move all groups from NODEA to NODEB.")
                .contains("[>] 3. Upgrade NODEA to IIS 5.0");
        v.key(KeyType.Tab).keys("g"); // the plan pane, scrolled to its top: the hop and its estimate
        assertThat(v.text()).contains("Hop 1 of 1: IIS 4.0 / SP4 -> IIS 5.0 [rolling]").contains("est. IIS outage of hop 1: 39s")
                .contains("[x] pre-flight checklist acknowledged");
    }

    @Test
    void theWholeRollingUpgradeWithKeysOnly() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys("t");
        v.key(KeyType.Enter).keys("r");
        assertThat(v.text()).contains("Pre-flight checklist").contains("backups");
        v.keys("y").play();
        String[] s = v.draw();
        assertThat(s[3]).contains("IIS 5.0").doesNotContain("4.0");
        assertThat(String.join("\n", java.util.Arrays.copyOfRange(s, 1, 9))).doesNotContain("Offline").doesNotContain("Failed");
        assertThat(String.join("\n", s)).contains("plan complete");
        assertThat(s[22]).contains("outage 39s").contains("Web Group 26s").contains("FTP Group 26s");
    }

    @Test
    void helpOverlayAndEscape() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys("?");
        assertThat(v.text()).contains("Keys").contains("target picker").contains("fault menu");
        v.key(KeyType.Escape);
        assertThat(v.text()).doesNotContain("target picker");
    }

    @Test
    void expandedGroupShowsResourcesWithTypeStateOwnersAndDependencies() throws Exception {
        VirtualScreen v = new VirtualScreen(new ClusterLoader(MatrixLoader.builtIn()).sample(), new Theme(true, false), 132, 43);
        v.key(KeyType.ArrowDown).key(KeyType.ArrowDown).keys("e");
        String s = v.text();
        assertThat(s).contains("+ Web Server (IIS Virtual Root)").contains("owners NODEA,NODEB; needs Web IP, Web Disk")
                .contains("+ Web Name (Network Name)");
    }

    @Test
    void tooSmallThenRecovers() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24);
        v.terminal.setTerminalSize(new TerminalSize(60, 20));
        assertThat(v.text()).contains("terminal too small: 60x20").contains("at least 80x24");
        v.terminal.setTerminalSize(new TerminalSize(80, 24));
        assertThat(v.text()).contains("SIMULATION").doesNotContain("too small");
    }

    @Test
    void refusalIsShownInPlace() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys(":pause NODEB");
        v.key(KeyType.Enter);
        v.key(KeyType.ArrowDown).key(KeyType.ArrowDown).key(KeyType.Enter); // Web Group's actions
        // The menu offers only what the state allows: the paused node is shown, not offered.
        assertThat(v.text()).contains("Group Web Group on NODEA").contains("Move to NODEB (Paused: takes no groups)");
        Overlay.Menu menu = (Overlay.Menu) v.ui.model().overlay();
        assertThat(menu.items().get(0).selectable()).isFalse();
        assertThat(menu.items().get(menu.index()).label()).isEqualTo("Take offline"); // the cursor starts on what can be done
        v.key(KeyType.Escape).command("move \"Web Group\" to NODEB");
        String[] s = v.draw();
        assertThat(s[23]).contains("refused: cannot move 'Web Group' to NODEB: the node is paused");
        assertThat(String.join("\n", s)).contains("SIMULATION");
    }

    @Test
    void stepAtThePromptPlaysBackLive() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys(":target 5.0");
        v.key(KeyType.Enter).keys(":ack preflight");
        v.key(KeyType.Enter).keys(":step");
        v.key(KeyType.Enter); // pause NODEA: done at once
        v.keys(":step");
        v.key(KeyType.Enter);
        assertThat(v.ui.animating()).isTrue(); // the move is under way, not finished at once
        v.tick(App.TICK_MS);
        assertThat(v.ui.session().state().clock()).isLessThan(13_000);
        v.play();
        assertThat(v.text()).contains("[>] 3. Upgrade NODEA");
    }

    @Test
    void promptErrorsSayWhereLikeScripts() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys(":move \"Web Group\" NODEB");
        v.key(KeyType.Enter);
        assertThat(v.draw()[23]).contains("prompt:1:18: expected 'to', found 'NODEB'");
    }

    @Test
    void quitAsksWhileARehearsalIsUnderWay() throws Exception {
        VirtualScreen v = VirtualScreen.sample(80, 24).keys("q");
        assertThat(v.ui.quitRequested()).isTrue(); // nothing done yet
        VirtualScreen w = VirtualScreen.sample(80, 24).keys("t");
        w.key(KeyType.Enter).keys("nyq");
        assertThat(w.ui.quitRequested()).isFalse();
        assertThat(w.text()).contains("Quit?");
        w.keys("n");
        assertThat(w.ui.quitRequested()).isFalse();
        w.keys("qy");
        assertThat(w.ui.quitRequested()).isTrue();
    }

    @Test
    void asciiThemeSendsOnlyAscii() throws Exception {
        VirtualScreen v = new VirtualScreen(new ClusterLoader(MatrixLoader.builtIn()).sample(), new Theme(false, false), 80, 24);
        v.keys("t");
        v.key(KeyType.Enter).keys("m");
        String s = v.text();
        assertThat(s.chars()).allMatch(c -> c >= 0x20 && c < 0x7F || c == '\n');
        assertThat(s).contains("Upgrade tables").contains("<R>");
    }

    @Test
    void namesAreDrawnAsPrintableCharactersOnly() throws Exception {
        Cluster c = new ClusterLoader(MatrixLoader.builtIn()).sample();
        Group evil = new Group("Evil\u001B[2J\u0007Group", "NODEA", List.of("NODEA"), false, List.of(
                new Resource("R\u009B1m", ResourceType.IIS, List.of("NODEA", "NODEB"), List.of(), ResourceState.ONLINE, Map.of())));
        Cluster withEvil = new Cluster(c.name(), c.nodes(), List.of(c.groups().get(0), evil), c.timings());
        VirtualScreen v = new VirtualScreen(withEvil, new Theme(true, true), 80, 24);
        v.key(KeyType.ArrowDown).key(KeyType.ArrowDown).keys("e");
        String s = v.text();
        assertThat(s).contains("Evil\\u001B[2J\\u0007Group").contains("R\\u009B1m");
        assertThat(s.chars()).noneMatch(ch -> ch < 0x20 && ch != '\n' || ch >= 0x7F && ch < 0xA0);
    }

    @Test
    void randomKeysNeverBreakTheScreen() throws Exception {
        java.util.Random rnd = new java.util.Random(42);
        VirtualScreen v = VirtualScreen.sample(80, 24);
        KeyType[] types = {KeyType.Enter, KeyType.Escape, KeyType.Tab, KeyType.ReverseTab, KeyType.ArrowUp, KeyType.ArrowDown,
            KeyType.ArrowLeft, KeyType.ArrowRight, KeyType.Backspace, KeyType.PageUp, KeyType.PageDown};
        String chars = "?qtmnprfe:hjkl+- yY\"abc";
        for (int i = 0; i < 5_000; i++) {
            if (rnd.nextInt(10) < 7) v.keys(String.valueOf(chars.charAt(rnd.nextInt(chars.length()))));
            else v.key(types[rnd.nextInt(types.length)]);
            if (v.ui.quitRequested()) v.ui.stayOpen();
            if (rnd.nextInt(50) == 0) v.terminal.setTerminalSize(new TerminalSize(70 + rnd.nextInt(80), 20 + rnd.nextInt(30)));
            if (rnd.nextInt(5) == 0) v.tick(App.TICK_MS);
            if (i % 25 == 0) {
                String[] s = v.draw();
                if (s.length >= 24 && s[0].length() >= 80) assertThat(s[0]).contains("SIMULATION");
            }
        }
        rehearse.sim.Engine.check(v.ui.session().state());
        assertThat(Arrays.stream(v.draw())).isNotEmpty();
    }
}
