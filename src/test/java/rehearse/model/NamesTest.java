package rehearse.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Names compare as MSCS compares them, case-insensitively, one character for one; 'same' says what comparing keys says. */
class NamesTest {
    @Test
    void namesDifferingOnlyInCaseAreTheSame() {
        assertThat(Names.same("NODEA", "nodea")).isTrue();
        assertThat(Names.same("Web Øst", "WEB øST")).isTrue();
        assertThat(Names.same("NODEA", "NODEB")).isFalse();
        assertThat(Names.same("straße", "STRASSE")).isFalse(); // one for one: ß is not "ss"
    }

    @Property(tries = 2000)
    void sameIsComparingKeys(@ForAll String a, @ForAll String b) {
        assertThat(Names.same(a, b)).isEqualTo(Names.key(a).equals(Names.key(b)));
        assertThat(Names.same(a, a.toUpperCase(java.util.Locale.ROOT))).isEqualTo(Names.key(a).equals(Names.key(a.toUpperCase(java.util.Locale.ROOT))));
    }
}
