package rehearse.tui;

import com.googlecode.lanterna.input.KeyType;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rehearse.report.Golden;

/**
 * Whole frames of the main states, character for character, at 80x24 and 132x43, against
 * reviewed files under src/test/resources/golden/tui (refresh: -Dgolden.update=true, then
 * review the diff). A broken layout shows here even where every word is still on screen.
 */
class FrameSnapshotTest {
    private static void check(String state, VirtualScreen v, int cols, int rows) throws Exception {
        Golden.check("tui/" + state + "-" + cols + "x" + rows + ".txt", v.text() + "\n");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void start(int cols, int rows) throws Exception {
        check("start", VirtualScreen.sample(cols, rows), cols, rows);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void targetPicker(int cols, int rows) throws Exception {
        check("target-picker", VirtualScreen.sample(cols, rows).keys("t"), cols, rows);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void tables(int cols, int rows) throws Exception {
        check("tables", VirtualScreen.sample(cols, rows).keys("m"), cols, rows);
    }

    /** NODEA's upgrade under way: its progress bar, the plan on step 3, the log of the moves. */
    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void midRolling(int cols, int rows) throws Exception {
        VirtualScreen v = VirtualScreen.sample(cols, rows).keys("t");
        v.key(KeyType.Enter).keys("r").keys("y");
        while (v.ui.session().state().upgradingTo("NODEA").isEmpty()) v.tick(App.TICK_MS);
        for (int i = 0; i < 100; i++) v.tick(App.TICK_MS);
        check("mid-rolling", v, cols, rows);
    }

    /** NODEA's join refused after its upgrade: the step failed, with what failed and the recovery. */
    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void noGo(int cols, int rows) throws Exception {
        VirtualScreen v = VirtualScreen.sample(cols, rows).command("target 5.0").command("fail join NODEA");
        v.keys("r").keys("y").play();
        v.key(KeyType.Tab); // the plan pane, where Enter offers the recovery
        check("no-go", v, cols, rows);
    }

    /** The whole rolling upgrade on the timeline: each IIS group's short outage, both node upgrades marked. */
    @ParameterizedTest
    @CsvSource({"80,24,true", "132,43,true", "80,24,false"})
    void timeline(int cols, int rows, boolean unicode) throws Exception {
        VirtualScreen v = new VirtualScreen(new rehearse.io.ClusterLoader(rehearse.io.MatrixLoader.builtIn()).sample(),
                new Theme(unicode, false), cols, rows);
        v.keys("t").key(KeyType.Enter).keys("ry").play().keys("w");
        check("timeline" + (unicode ? "" : "-ascii"), v, cols, rows);
    }

    /** The key help: each description goes on under itself, never under its key. */
    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void keyHelp(int cols, int rows) throws Exception {
        VirtualScreen v = VirtualScreen.sample(cols, rows).keys("?");
        for (int i = 0; i < 10; i++) v.key(KeyType.ArrowDown); // down to the lines that wrap at 80 columns
        check("key-help", v, cols, rows);
    }

    /** The plan asked for at the prompt: wrapped once, to the window's width (not a transcript's, then again). */
    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void planWindow(int cols, int rows) throws Exception {
        check("plan-window", VirtualScreen.sample(cols, rows).keys("t").key(KeyType.Enter).command("plan"), cols, rows);
    }

    /** The what-if heat map of the sample's plan, the cursor on the worst case. */
    @ParameterizedTest
    @CsvSource({"80,24", "132,43"})
    void whatIf(int cols, int rows) throws Exception {
        check("what-if", VirtualScreen.sample(cols, rows).keys("t").key(KeyType.Enter).keys("i"), cols, rows);
    }

    /** The heat map's legend shows its samples in the colours of the cells they stand for; its words stay plain. */
    @org.junit.jupiter.api.Test
    void theLegendsSamplesAreColouredAsTheCells() throws Exception {
        VirtualScreen v = new VirtualScreen(new rehearse.io.ClusterLoader(rehearse.io.MatrixLoader.builtIn()).sample(), new Theme(true, true), 80, 24)
                .keys("t").key(KeyType.Enter).keys("i");
        String[] rows = v.draw();
        int legend = -1, beyond = -1;
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].contains("within the window")) legend = y;
            if (beyond < 0 && rows[y].contains("s+ ") && !rows[y].contains("beyond it")) beyond = y;
        }
        assertThat(legend).isPositive();
        assertThat(beyond).isPositive();
        int cell = rows[beyond].indexOf("s+ ");
        int sample = rows[legend].indexOf("5s+");
        int word = rows[legend].indexOf("within");
        var cellColour = v.terminal.getCharacter(cell, beyond).getForegroundColor();
        assertThat(v.terminal.getCharacter(sample, legend).getForegroundColor()).isEqualTo(cellColour);
        assertThat(v.terminal.getCharacter(word, legend).getForegroundColor()).isNotEqualTo(cellColour);
    }

    /** With --window, the target picker says which estimates go beyond it, and only those. */
    @org.junit.jupiter.api.Test
    void thePickerSaysWhichEstimatesGoBeyondTheWindow() throws Exception {
        rehearse.session.Session s = new rehearse.session.Session(
                rehearse.sim.Engine.start(rehearse.io.MatrixLoader.builtIn(), new rehearse.io.ClusterLoader(rehearse.io.MatrixLoader.builtIn()).sample()));
        String tight = new VirtualScreen(s, new Theme(true, false), 132, 43, 10_000).keys("t").text();
        assertThat(tight).contains("est. IIS outage 39s, beyond the 10s window");
        rehearse.session.Session again = new rehearse.session.Session(
                rehearse.sim.Engine.start(rehearse.io.MatrixLoader.builtIn(), new rehearse.io.ClusterLoader(rehearse.io.MatrixLoader.builtIn()).sample()));
        String wide = new VirtualScreen(again, new Theme(true, false), 132, 43, 7_200_000).keys("t").text();
        assertThat(wide).contains("est. IIS outage 39s").doesNotContain("beyond the");
    }
}
