package rehearse.base;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTypeTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dumb", "DUMB", " dumb ", "dumb-color", "unknown", "", "   "})
    void aTerminalThatCannotPlaceTheCursorGetsNoFullScreen(String term) {
        assertThat(TerminalType.cannotAddressCursor(env("TERM", term))).isPresent();
    }

    @Test
    void anUnsetTermGetsNoFullScreenAndSaysSo() {
        assertThat(TerminalType.cannotAddressCursor(env())).contains("TERM is not set");
        assertThat(TerminalType.cannotAddressCursor(env("TERM", ""))).contains("TERM is empty");
        assertThat(TerminalType.cannotAddressCursor(env("TERM", "dumb"))).contains("TERM=dumb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xterm", "xterm-256color", "screen", "tmux-256color", "linux", "vt100", "vt220", "xterm-kitty",
        "dumbbell", "rxvt-unicode"})
    void everyOtherTermGetsTheFullScreen(String term) {
        assertThat(TerminalType.cannotAddressCursor(env("TERM", term))).isEmpty();
    }

    @Test
    void noColorCountsOnlyWhenSetAndNotEmpty() {
        assertThat(TerminalType.color(false, env("TERM", "xterm"))).as("unset").isTrue();
        assertThat(TerminalType.color(false, env("TERM", "xterm", "NO_COLOR", ""))).as("empty").isTrue();
        assertThat(TerminalType.color(false, env("TERM", "xterm", "NO_COLOR", "1"))).as("1").isFalse();
        assertThat(TerminalType.color(false, env("TERM", "xterm", "NO_COLOR", "0"))).as("any value, 0 too").isFalse();
        assertThat(TerminalType.color(false, env("TERM", "xterm", "NO_COLOR", " "))).as("a space is a value").isFalse();
    }

    @Test
    void theOptionAndTheTerminalTurnColourOffToo() {
        assertThat(TerminalType.color(true, env("TERM", "xterm-256color"))).isFalse();
        for (String term : new String[] {"dumb", "dumb-color", "unknown", "vt100", "vt100-am", "vt52", ""}) {
            assertThat(TerminalType.color(false, env("TERM", term))).as(term).isFalse();
        }
        assertThat(TerminalType.color(false, env())).as("TERM unset").isFalse();
        assertThat(TerminalType.color(false, env("TERM", "screen-256color"))).isTrue();
    }

    /** One decision: the UI's launcher and the shell both take their colour from it (NoColorIT shows it end to end). */
    @Test
    void theUiAndTheShellDecideColourHere() {
        JavaClasses ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rehearse.cli");
        classes().that().haveFullyQualifiedName("rehearse.cli.TuiLauncher").or().haveFullyQualifiedName("rehearse.cli.ShellCommand")
                .should(callMethod(TerminalType.class, "color", boolean.class, Map.class))
                .check(ours);
    }
}
