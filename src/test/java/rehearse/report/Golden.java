package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a reviewed file under src/test/resources/golden. After a deliberate
 * change, run the tests with -Dgolden.update=true, review the diff, and commit it.
 */
public final class Golden {
    private Golden() {}

    public static void check(String name, String actual) throws Exception {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual, StandardCharsets.UTF_8);
        assertThat(actual).as("output differs from golden file " + file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** For files whose bytes are the point (a batch file in a code page): compared byte for byte. */
    public static void checkBytes(String name, byte[] actual) throws Exception {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) Files.write(file, actual);
        assertThat(actual).as("output differs from golden file " + file).isEqualTo(Files.readAllBytes(file));
    }
}
