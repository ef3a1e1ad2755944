package rehearse.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command language's help fits 80 columns once a transcript indents it (serial consoles, screen readers). */
class HelpWidthTest {
    @Test
    void everyLineOfEveryTopicFits() {
        for (String topic : new String[] {null, "target", "plan", "restore", "remove", "recreate", "wait", "fail", "expect"}) {
            for (String line : Help.text(topic).split("\n")) {
                assertThat(line.length()).as("help %s: %s", topic, line).isLessThanOrEqualTo(78);
            }
        }
        assertThat(Help.text("remove")).contains("keeping it to recreate"); // wrapped, not cut
    }
}
