package rehearse.cli;

import rehearse.base.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's exit-code table, the help's list and ExitCodes are one list; no other code in src/main exits with a number of its own. */
class ExitCodesTest {
    private static Set<Integer> declared() throws Exception {
        Set<Integer> codes = new TreeSet<>();
        for (Field f : ExitCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) codes.add(f.getInt(null));
        }
        return codes;
    }

    @Test
    void readmeTableHelpAndCodeAgree() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("Exit codes (`base/ExitCodes.java`)"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| code |")));
        Set<Integer> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `(\\d+)` \\|").matcher(table);
        while (m.find()) documented.add(Integer.parseInt(m.group(1)));
        assertThat(documented).isEqualTo(declared());
        Set<Integer> help = new TreeSet<>();
        for (String k : HelpSections.exitCodes().keySet()) help.add(Integer.parseInt(k.strip()));
        assertThat(help).isEqualTo(declared());
    }

    @Test
    void noLiteralExitCodesOutsideExitCodes() throws Exception {
        Pattern literal = Pattern.compile("(System\\.exit|new (rehearse\\.cli\\.)?Failure|return)\\s*\\(?\\s*(65|70|73|74|130)\\b");
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (p.endsWith("ExitCodes.java")) continue;
                assertThat(literal.matcher(Files.readString(p)).find()).as(p + " hard-codes an exit code").isFalse();
            }
        }
    }
}
