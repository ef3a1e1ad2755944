package rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ArchitectureTest's layering, read from the sources rather than the class files: javac copies a
 * constant ({@code static final int}) into the class that uses it, so {@code ExitCodes.USAGE} used
 * in tui leaves no trace of cli in tui's class file, where ArchUnit looks. Here every import and
 * every qualified name ({@code rehearse.cli.ExitCodes}) in src/main counts.
 */
class SourceLayoutTest {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package rehearse\\.(\\w+)");
    private static final Pattern OURS = Pattern.compile("\\brehearse\\.(\\w+)\\.(?:[A-Z]|\\*)");
    private static final Pattern LIBRARY = Pattern.compile("\\b(com\\.googlecode\\.lanterna|org\\.jline|picocli|org\\.snakeyaml)\\.");

    /** What in one source file breaks the layering: "PACKAGE -> PACKAGE" or "PACKAGE -> LIBRARY". */
    static List<String> violations(String source) {
        List<String> out = new ArrayList<>();
        Matcher p = PACKAGE.matcher(source);
        if (!p.find()) return out;
        String me = p.group(1);
        List<String> layout = Arrays.asList(ArchitectureRules.LAYOUT);
        if (!layout.contains(me)) out.add(me + " is not in README's Layout");
        Matcher m = OURS.matcher(source);
        while (m.find()) {
            String used = m.group(1);
            if (!used.equals(me) && layout.indexOf(used) > layout.indexOf(me)) out.add(me + " -> " + used);
            if (!used.equals(me) && Arrays.asList(ArchitectureRules.CORE).contains(me)
                    && Arrays.asList(ArchitectureRules.ABOVE_CORE).contains(used)) out.add(me + " -> " + used);
        }
        if (Arrays.asList(ArchitectureRules.CORE).contains(me)) {
            Matcher l = LIBRARY.matcher(source);
            while (l.find()) out.add(me + " -> " + l.group(1));
        }
        return out.stream().distinct().toList();
    }

    @Test
    void theSourcesKeepTheLayout() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/rehearse"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String v : violations(Files.readString(f, StandardCharsets.UTF_8))) found.add(f + ": " + v);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aConstantUsedUpTheLayoutIsFound() {
        String tui = "package rehearse.tui;\n\nimport rehearse.cli.Specs;\n\nclass A { int c = Specs.WIDTH; }\n";
        assertThat(violations(tui)).containsExactly("tui -> cli");
        String qualified = "package rehearse.tui;\n\nclass A { int c = rehearse.cli.Specs.WIDTH; }\n";
        assertThat(violations(qualified)).containsExactly("tui -> cli");
    }

    @Test
    void aCoreImportOfLanternaIsFound() {
        String sim = "package rehearse.sim;\n\nimport com.googlecode.lanterna.TextColor;\n\nclass A {}\n";
        assertThat(violations(sim)).containsExactly("sim -> com.googlecode.lanterna");
    }

    @Test
    void dependenciesDownTheLayoutPass() {
        String cli = "package rehearse.cli;\n\nimport rehearse.tui.App;\nimport rehearse.base.Failure;\n\nclass A {}\n";
        assertThat(violations(cli)).isEmpty();
    }
}
