package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rehearse.io.ClusterLoader;
import rehearse.io.MatrixLoader;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Resource;
import rehearse.model.ResourceState;
import rehearse.model.ResourceType;

/** Names that are wide (CJK), zero-width (combining marks) or emoji never push a column separator. */
class WideNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ウェブサイトのグループ名前がとても長い", "Cafe\u0301 Group with combining marks", "Web \uD83D\uDE80 Rocket Group Name"})
    void theSeparatorBetweenNodesStaysInItsColumn(String name) throws Exception {
        Cluster c = new ClusterLoader(MatrixLoader.builtIn()).sample();
        Group wide = new Group(name, "NODEA", List.of("NODEA"), false, List.of(
                new Resource(name + " IIS", ResourceType.IIS, List.of("NODEA", "NODEB"), List.of(), ResourceState.ONLINE, Map.of())));
        Cluster withWide = new Cluster(c.name(), c.nodes(), List.of(c.groups().get(0), wide), c.timings());
        VirtualScreen v = new VirtualScreen(withWide, new Theme(true, false), 80, 24);
        v.key(Key.of(Key.Kind.DOWN)).key(Key.of(Key.Kind.DOWN)).keys("e");
        v.draw();
        int separator = -1;
        for (int x = 0; x < 80; x++) if (v.terminal.getCharacter(x, 2).getCharacterString().equals("\u2502")) separator = x;
        assertThat(separator).isPositive();
        for (int y = 2; y < 9; y++) {
            TextCharacter ch = v.terminal.getCharacter(separator, y);
            assertThat(ch.getCharacterString()).as("row %d", y).isEqualTo("\u2502");
        }
        // Every cell holds one whole character (no lone surrogate, no mark of no width), so the terminal advances as Lanterna counts.
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 80; x++) {
                String cell = v.terminal.getCharacter(x, y).getCharacterString();
                assertThat(cell.codePoints().allMatch(cp -> cp <= 0xFFFF && !Character.isSurrogate((char) cp)
                        && Character.getType(cp) != Character.NON_SPACING_MARK)).as("cell %d,%d: %s", x, y, cell).isTrue();
            }
        }
        // The wide group's state ends in the same column as the group above it.
        assertThat(column(v, 6, "Online")).isEqualTo(column(v, 5, "Online")).isPositive();
    }

    /** The terminal column where {@code word} begins on row {@code y}, or -1. */
    private static int column(VirtualScreen v, int y, String word) {
        for (int x = 0; x + word.length() <= 80; x++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < word.length(); i++) b.append(v.terminal.getCharacter(x + i, y).getCharacterString());
            if (b.toString().equals(word)) return x;
        }
        return -1;
    }
}
