package rehearse.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {
    @Test
    void aDescriptionGoesOnUnderItselfNotUnderItsKey() {
        assertThat(Cells.wrap("  f       fault menu: fail a node, an upgrade, a join, a resource", 40))
                .containsExactly("  f       fault menu: fail a node, an", "          upgrade, a join, a resource");
    }

    @Test
    void aLineWithoutTwoColumnsKeepsItsIndent() {
        assertThat(Cells.wrap("    one two three four five six seven", 20)).containsExactly("    one two three", "    four five six", "    seven");
    }

    @Test
    void aSecondColumnPastTheMiddleIsNotHungUnder() {
        assertThat(Cells.wrap("a very long key name here  then words that wrap", 30))
                .containsExactly("a very long key name here", "then words that wrap");
    }

    @Test
    void wideCharactersCountTwoColumns() {
        assertThat(Cells.wrap("ウェブ ウェブ ウェブ", 8)).containsExactly("ウェブ", "ウェブ", "ウェブ");
    }
}
