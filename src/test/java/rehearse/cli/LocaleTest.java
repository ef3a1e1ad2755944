package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine-readable output and case rules do not follow the default locale (Thai digits, Turkish dotless i). */
class LocaleTest {
    @TempDir Path dir;

    private static Cli under(Locale locale, String... args) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return Cli.run(args);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void outputIsTheSameUnderAnyDefaultLocale() throws Exception {
        Path cluster = dir.resolve("c.yaml");
        Files.writeString(cluster, Cli.run("sample").out());
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "TARGET \"iis 5.0\"\nACK PREFLIGHT\nRUN\nEXPECT NODE nodea UP AT \"IIS 5.0\"\nstatus\n");
        String[][] commands = {{"check", cluster.toString()}, {"plan", "--from", "IIS 4.0 / SP4", "--to", "iis5", "--json"},
            {"run", "--json", script.toString()}, {"run", script.toString()}};
        for (String[] c : commands) {
            Cli root = under(Locale.ROOT, c);
            for (Locale l : new Locale[] {Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("tr-TR"),
                Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("de-DE")}) {
                Cli other = under(l, c);
                assertThat(other.code()).as(l + " " + String.join(" ", c)).isEqualTo(root.code()).isZero();
                assertThat(other.out()).as(l + " " + String.join(" ", c)).isEqualTo(root.out());
            }
        }
    }

    @Test
    void noFormatOrCaseConversionWithoutALocaleInTheSources() throws Exception {
        Pattern bare = Pattern.compile("String\\.format\\(\\s*\"|\\.printf\\(\\s*\"|\\.formatted\\(|toLowerCase\\(\\)|toUpperCase\\(\\)"
                + "|ofPattern\\(\"[^\"]*\"\\)");
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = bare.matcher(Files.readString(p));
                assertThat(m.find()).as(p + ": " + (m.find(0) ? m.group() : "") + " without Locale.ROOT").isFalse();
            }
        }
    }
}
