package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cluster.exe listings as cmd.exe saves them: in the console's code page, named with --encoding. */
class ImportEncodingTest {
    @TempDir Path dir;
    static final Path R = Path.of("src/test/resources/import");

    /** The test listings with "Web Group" renamed "Web España", saved in {@code charset}. */
    private Path listings(Charset charset) throws Exception {
        Path d = Files.createDirectories(dir.resolve(charset.name()));
        String nodes = Files.readString(R.resolve("nodes.txt"));
        String groups = Files.readString(R.resolve("groups.txt")).replace("Web Group ", "Web España ");
        byte[] utf16 = Files.readAllBytes(R.resolve("resources.txt"));
        String resources = new String(utf16, 2, utf16.length - 2, StandardCharsets.UTF_16LE).replace("Web Group ", "Web España ");
        Files.write(d.resolve("nodes.txt"), nodes.getBytes(charset));
        Files.write(d.resolve("groups.txt"), groups.getBytes(charset));
        Files.write(d.resolve("resources.txt"), resources.getBytes(charset));
        return d;
    }

    private Cli importFrom(Path d, String... extra) {
        List<String> args = new ArrayList<>(List.of("import", "cluster-exe", "--nodes", d.resolve("nodes.txt").toString(),
                "--groups", d.resolve("groups.txt").toString(), "--resources", d.resolve("resources.txt").toString(),
                "--config", "NODEA=4.0/sp4", "--config", "NODEB=4.0/sp4", "-o", dir.resolve("out.yaml").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aCp850ListingWithoutEncodingIsAnErrorAtTheOffendingByte() throws Exception {
        Path d = listings(Charset.forName("cp850"));
        Cli r = importFrom(d);
        assertThat(r.code()).isEqualTo(65);
        // "Web Espa" then 0xA4, cp850's ñ: line 7, column 9 of groups.txt.
        assertThat(r.err().lines()).containsExactly(d.resolve("groups.txt") + ":7:9: byte 0xA4 (offset 192) is not UTF-8; cmd.exe"
                + " writes a listing in the console's code page: give it with --encoding (cp850 in Western Europe, cp437 in the"
                + " US; 'chcp' shows it)");
        assertThat(dir.resolve("out.yaml")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cp850", "IBM850", "cp437", "windows-1252", "ISO-8859-15", "UTF-16LE", "UTF-8"})
    void withTheRightEncodingTheNamesComeThrough(String name) throws Exception {
        Path d = listings(Charset.forName(name));
        Cli r = importFrom(d, "--encoding", name);
        assertThat(r.code()).as(r.err()).isZero();
        String yaml = Files.readString(dir.resolve("out.yaml"));
        assertThat(yaml).contains("- name: \"Web España\"").doesNotContain("Espa¤a");
        assertThat(Cli.run("check", dir.resolve("out.yaml").toString()).code()).isZero();
    }

    @Test
    void aUtf16ByteOrderMarkWinsOverTheEncodingGiven() throws Exception {
        // The resources listing of the test set is UTF-16LE with a mark (cmd /u), the others cp850 (plain cmd).
        Path d = listings(Charset.forName("cp850"));
        Files.copy(R.resolve("resources.txt"), d.resolve("resources.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(d.resolve("groups.txt"), Files.readString(R.resolve("groups.txt")), Charset.forName("cp850"));
        Cli r = importFrom(d, "--encoding", "cp850");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void anUnknownEncodingIsAUsageError() throws Exception {
        Cli r = importFrom(listings(StandardCharsets.UTF_8), "--encoding", "cp9999");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("rehearse import: --encoding: no character set 'cp9999' in this Java"
                + " (e.g. cp850, cp437, windows-1252, UTF-16LE)");
    }

    @Test
    void bytesTheEncodingGivenCannotDecodeAreAnErrorToo() throws Exception {
        Path d = listings(StandardCharsets.UTF_8);
        Files.write(d.resolve("nodes.txt"), new byte[] {'N', 'o', 'd', 'e', '\r', '\n', (byte) 0x81}); // 0x81 is unassigned in windows-1252
        Cli r = importFrom(d, "--encoding", "windows-1252");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err().trim()).isEqualTo(d.resolve("nodes.txt") + ":2:1: byte 0x81 (offset 6) is not valid windows-1252");
    }

    @Test
    void aFileNameNeverReachesTheTerminalRaw() throws Exception {
        Path d = listings(StandardCharsets.UTF_8);
        Path owners = Files.createDirectories(dir.resolve("owners"));
        Files.writeString(owners.resolve("evil\u001b[2J\u0007.txt"), "not a listing\n");
        Cli r = importFrom(d, "--owners", owners.toString());
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("evil\\u001B[2J\\u0007.txt");
        // And a directory whose own name is hostile, in a message that is not a listing's problem.
        Path evilDir = dir.resolve("dir\u001b]0;title\u0007");
        Files.writeString(evilDir, "a file, not a directory");
        Cli notDir = importFrom(d, "--dependencies", evilDir.toString());
        assertThat(notDir.code()).isEqualTo(65);
        assertThat(notDir.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("dir\\u001B]0;title\\u0007");
    }
}
