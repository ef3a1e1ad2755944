package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100,000 random keystrokes a seed, decoded by Lanterna from raw input (escape sequences,
 * split sequences, junk included), with resizes and every overlay: no exception, the
 * invariants hold, and every full-size frame shows the SIMULATION banner.
 */
class KeystrokeFuzzTest {
    private static final String[] SEQUENCES = {"\u001b[A", "\u001b[B", "\u001b[C", "\u001b[D", "\u001b[5~", "\u001b[6~", "\u001b[Z",
        "\u001bOP", "\u001b[1;5C", "\u001b", "\u001b[", "\u001b[99;99R", "\t", "\r", "\u007f", "\u0003", "\u000c", "\u0004"};
    private static final String KEYS = "?qtmnprfex:hjkl+- yYnN\"abcMOVE 5.0";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomInputNeverBreaksTheUi(long seed, @org.junit.jupiter.api.io.TempDir java.nio.file.Path scratch) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder input = new StringBuilder();
        while (input.length() < 25_000 * 2) {
            int pick = rnd.nextInt(10);
            if (pick < 6) input.append(KEYS.charAt(rnd.nextInt(KEYS.length())));
            else if (pick < 9) input.append(SEQUENCES[rnd.nextInt(SEQUENCES.length)]);
            else input.append((char) rnd.nextInt(0x250));
        }
        InputDecoder decoder = new InputDecoder(new StringReader(input.toString()));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        VirtualScreen v = VirtualScreen.sample(80, 24);
        v.ui.exportBase(scratch); // 'x', a name and Enter write there, never into the working directory
        int keys = 0;
        for (KeyStroke k; keys < 25_000 && (k = decoder.getNextCharacter(false)) != null; keys++) {
            if (k.getKeyType() == KeyType.EOF) break;
            v.key(KeyDecoder.decode(k));
            if (v.ui.quitRequested()) v.ui.stayOpen(); // keep going: a quit is only a flag here
            if (rnd.nextInt(200) == 0) v.terminal.setTerminalSize(new TerminalSize(40 + rnd.nextInt(120), 10 + rnd.nextInt(50)));
            if (rnd.nextInt(4) == 0) v.tick(App.TICK_MS * (1 + rnd.nextInt(50)));
            if (keys % 50 == 0) {
                String[] s = v.draw();
                TerminalSize size = v.terminal.getTerminalSize();
                if (size.getColumns() >= Frame.MIN_COLUMNS && size.getRows() >= Frame.MIN_ROWS) assertThat(s[0]).contains("SIMULATION");
                else assertThat(s[0]).contains("terminal too small");
            }
        }
        // Four seeds of 25,000 decoded keys: 100,000 in all.
        assertThat(keys).isEqualTo(25_000);
        rehearse.sim.Engine.check(v.ui.session().state());
    }
}
