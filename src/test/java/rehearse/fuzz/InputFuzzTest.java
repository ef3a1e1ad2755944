package rehearse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rehearse.command.CommandParser;
import rehearse.command.ParseException;
import rehearse.io.ClusterExeImport;
import rehearse.io.ClusterLoader;
import rehearse.io.InputException;
import rehearse.io.InputFile;
import rehearse.io.YamlInput;
import rehearse.io.Listing;
import rehearse.io.Problem;
import rehearse.io.MatrixLoader;
import rehearse.script.Script;

/**
 * Random and mutated input for every reader of files: each gives a valid result or an
 * InputException whose lines carry no control characters; nothing else escapes. The timeout
 * only catches a hang; it is no speed target.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InputFuzzTest {
    private final ClusterLoader loader = new ClusterLoader(MatrixLoader.builtIn());

    interface Reader {
        void read(byte[] bytes) throws InputException, ParseException;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = InputFuzzTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** Runs {@code reader} on {@code input}; only a result or a clean InputException may come out. */
    private static void survive(String what, byte[] input, Reader reader) {
        try {
            reader.read(input);
        } catch (InputException e) {
            assertThat(e.problems()).isNotEmpty();
            for (Problem p : e.problems()) assertClean(p.toString());
        } catch (ParseException e) {
            assertClean(e.getMessage());
        } catch (Throwable t) {
            fail(what + " threw " + t + " for input of " + input.length + " bytes starting "
                    + new String(input, 0, Math.min(60, input.length), StandardCharsets.ISO_8859_1));
        }
    }

    static void assertClean(String message) {
        assertThat(message.chars()).as("raw control character in: " + message)
                .noneMatch(c -> c < 0x20 || c >= 0x7F && c < 0xA0 || c == 0x202E || c == 0x1B);
    }

    private static List<byte[]> mutants(byte[] seed, Random rnd, int count) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = seed.clone();
            switch (i % 6) {
                case 0 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncated
                case 1 -> { for (int j = 0; j < 1 + rnd.nextInt(8); j++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256); }
                case 2 -> { // control and escape characters dropped into names
                    String s = new String(b, StandardCharsets.UTF_8);
                    int at = rnd.nextInt(s.length());
                    String[] evil = {"\u001b[2J", "\\e[31m", "\u0000", "\u0007", "\\u202E", "\u009b", "\"\\x1b\""};
                    b = (s.substring(0, at) + evil[rnd.nextInt(evil.length)] + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                }
                case 3 -> { // lines swapped
                    List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n")));
                    java.util.Collections.swap(lines, rnd.nextInt(lines.size()), rnd.nextInt(lines.size()));
                    b = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                }
                case 4 -> { b = new byte[rnd.nextInt(2000)]; rnd.nextBytes(b); } // binary
                default -> { // invalid UTF-8 sprinkled in
                    for (int j = 0; j < 3; j++) b[rnd.nextInt(b.length)] = (byte) (0x80 + rnd.nextInt(0x40));
                }
            }
            out.add(b);
        }
        return out;
    }

    private static List<byte[]> nasties() {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[0]);
        out.add(new byte[] {0, 0, 0});
        out.add(("cluster: " + "a".repeat(7 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)); // a 7 MB line
        out.add(("x".repeat(10 * 1024 * 1024 + 1)).getBytes(StandardCharsets.UTF_8)); // over the size limit
        out.add(("[".repeat(100_000)).getBytes(StandardCharsets.UTF_8)); // deeply nested, one line
        out.add(("[\n".repeat(60_000)).getBytes(StandardCharsets.UTF_8)); // deeply nested, many lines
        out.add(("- ".repeat(30_000) + "x").getBytes(StandardCharsets.UTF_8)); // nested block sequences
        out.add(("cluster: \"" + "\\u001b".repeat(10_000) + "\"").getBytes(StandardCharsets.UTF_8)); // escapes in a name
        out.add(("a:\n" + "  b:\n".repeat(1)).getBytes(StandardCharsets.UTF_8));
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8))
                .append("*a").append(i - 1).append("]\n");
        out.add(bomb.toString().getBytes(StandardCharsets.UTF_8));
        out.add("{cluster: X, nodes: [{name: A, config: iis5}], groups: [{name: G, owner: A, resources: [{name: R, type: IIS, dependsOn: [R]}]}]}"
                .getBytes(StandardCharsets.UTF_8));
        out.add(new byte[] {(byte) 0xFF, (byte) 0xFE, 'c', 0, ':', 0});
        out.add("cluster: !!binary AAAA\n".getBytes(StandardCharsets.UTF_8));
        out.add("cluster: &x [*x]\n".getBytes(StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void clusterFiles() throws Exception {
        Random rnd = new Random(7);
        byte[] sample = ClusterLoader.sampleBytes();
        for (byte[] b : mutants(sample, rnd, 3000)) survive("cluster loader", b, x -> loader.parse("c.yaml", x));
        for (byte[] b : nasties()) survive("cluster loader", b, x -> loader.parse("c.yaml", x));
    }

    @Test
    void matrixFiles() throws Exception {
        Random rnd = new Random(11);
        byte[] tables = resource(MatrixLoader.EMBEDDED);
        for (byte[] b : mutants(tables, rnd, 2000)) survive("matrix loader", b, x -> MatrixLoader.parse("m.yaml", x));
        for (byte[] b : nasties()) survive("matrix loader", b, x -> MatrixLoader.parse("m.yaml", x));
    }

    @Test
    void scripts() throws Exception {
        Random rnd = new Random(13);
        byte[] script = Files.readAllBytes(Path.of("src/test/resources/fault.rh"));
        for (byte[] b : mutants(script, rnd, 3000)) {
            survive("script parser", b, x -> Script.parse("s.rh", rehearse.io.YamlInput.decode("s.rh", x)));
        }
        for (byte[] b : nasties()) survive("script parser", b, x -> Script.parse("s.rh", rehearse.io.YamlInput.decode("s.rh", x)));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int j = rnd.nextInt(40); j > 0; j--) line.append((char) (rnd.nextInt(3) == 0 ? rnd.nextInt(0x3000) : " \"#mvoeatl0123456789sm".charAt(rnd.nextInt(21))));
            survive("command parser", line.toString().getBytes(StandardCharsets.UTF_8), x -> CommandParser.parse(line.toString()));
        }
    }

    @Test
    void clusterExeListings() throws Exception {
        Random rnd = new Random(17);
        byte[] nodes = Files.readAllBytes(Path.of("src/test/resources/import/nodes.txt"));
        byte[] groups = Files.readAllBytes(Path.of("src/test/resources/import/groups.txt"));
        byte[] resources = Files.readAllBytes(Path.of("src/test/resources/import/resources.txt"));
        var configs = Map.of("NODEA", MatrixLoader.builtIn().resolve("iis5"), "NODEB", MatrixLoader.builtIn().resolve("iis5"));
        for (int which = 0; which < 3; which++) {
            byte[] seed = which == 0 ? nodes : which == 1 ? groups : resources;
            for (byte[] b : mutants(seed, rnd, 1000)) {
                int w = which;
                survive("cluster.exe import", b, x -> new ClusterExeImport().read(new ClusterExeImport.Listings(
                        Listing.parse("n.txt", w == 0 ? x : nodes), Listing.parse("g.txt", w == 1 ? x : groups),
                        Listing.parse("r.txt", w == 2 ? x : resources)), configs, rnd.nextBoolean(), null));
            }
        }
        // Per-resource and per-group listings, mutated, beside good status listings.
        byte[] deps = Files.readAllBytes(Path.of("src/test/resources/import/deps/web-server.txt"));
        byte[] preferred = Files.readAllBytes(Path.of("src/test/resources/import/preferred/web-group.txt"));
        for (int which = 0; which < 2; which++) {
            for (byte[] b : mutants(which == 0 ? deps : preferred, rnd, 500)) {
                int w = which;
                survive("cluster.exe per-item listing", b, x -> {
                    List<Listing> one = List.of(Listing.parse("x.txt", x));
                    new ClusterExeImport().read(new ClusterExeImport.Listings(Listing.parse("n.txt", nodes),
                            Listing.parse("g.txt", groups), Listing.parse("r.txt", resources), List.of(),
                            w == 0 ? one : List.of(), w == 1 ? one : List.of()), configs, true, null);
                });
            }
        }
        for (byte[] b : nasties()) survive("cluster.exe listing", b, x -> Listing.parse("n.txt", x));
        // The same bytes read in the code pages --encoding names: every byte sequence ends as text or one problem.
        for (String cs : new String[] {"cp850", "cp437", "windows-1252", "UTF-16LE", "UTF-16BE", "UTF-8"}) {
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(cs);
            for (byte[] b : mutants(groups, rnd, 300)) survive("listing in " + cs, b, x -> Listing.parse("g.txt", x, charset));
            for (byte[] b : nasties()) survive("listing in " + cs, b, x -> Listing.parse("g.txt", x, charset));
        }
    }

    @Test
    void journals() throws Exception {
        Path script = dir.resolve("fault.rh");
        Files.copy(Path.of("src/test/resources/fault.rh"), script);
        Path full = dir.resolve("full.jsonl");
        java.io.StringWriter sink = new java.io.StringWriter();
        assertThat(rehearse.cli.Main.run(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), "run", "--journal", full.toString(),
                script.toString())).isZero();
        byte[] seed = Files.readAllBytes(full);
        Random rnd = new Random(19);
        Path j = dir.resolve("j.jsonl");
        List<byte[]> inputs = new ArrayList<>(mutants(seed, rnd, 600));
        inputs.addAll(nasties());
        for (byte[] b : inputs) {
            Files.write(j, b);
            survive("journal reader and replay", b, x -> rehearse.journal.Journal.read(j).replay(j.toString()).session());
        }
    }

    // Devices, sizes and the YAML limits: every reader goes through InputFile and YamlInput.

    private static String problem(ThrowingRead read) {
        try {
            read.run();
        } catch (InputException e) {
            assertThat(e.problems()).hasSize(1);
            assertClean(e.problems().get(0).toString());
            return e.problems().get(0).toString();
        } catch (Exception e) {
            return fail("threw " + e);
        }
        return fail("expected a problem");
    }

    interface ThrowingRead {
        void run() throws Exception;
    }

    @TempDir Path dir;

    @Test
    void devicesPipesAndDirectoriesAreRefusedBeforeAnythingIsRead() throws Exception {
        assertThat(problem(() -> InputFile.read(Path.of("/dev/zero"))))
                .isEqualTo("/dev/zero: is a character device; only a regular file can be read");
        assertThat(problem(() -> InputFile.read(Path.of("/dev/urandom"))))
                .isEqualTo("/dev/urandom: is a character device; only a regular file can be read");
        assertThat(problem(() -> InputFile.read(dir))).isEqualTo(dir + ": is a directory, not a file");
        // A named pipe with no writer would block the open for ever.
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(problem(() -> InputFile.read(fifo))).isEqualTo(fifo + ": is a named pipe (FIFO); only a regular file can be read");
        // Every loader reads through it.
        assertThat(problem(() -> loader.load(Path.of("/dev/zero")))).startsWith("/dev/zero: is a character device");
        assertThat(problem(() -> loader.load(fifo))).startsWith(fifo + ": is a named pipe");
        // The journal has a reader of its own, refused the same way, before it opens anything.
        assertThat(problem(() -> rehearse.journal.Journal.read(Path.of("/dev/zero"))))
                .isEqualTo("/dev/zero: is a character device; only a regular file can be read");
        assertThat(problem(() -> rehearse.journal.Journal.read(fifo))).startsWith(fifo + ": is a named pipe");
        assertThat(problem(() -> rehearse.journal.Journal.read(dir))).isEqualTo(dir + ": is a directory, not a file");
    }

    @Test
    void aJournalChangedAnywhereReplaysOnlyAsItWasOrIsAProblem() throws Exception {
        // Every outcome or event line of a real journal, its words changed: never a different rehearsal, never a crash.
        Path script = dir.resolve("fault.rh");
        Files.copy(Path.of("src/test/resources/fault.rh"), script);
        Path full = dir.resolve("full.jsonl");
        java.io.StringWriter sink = new java.io.StringWriter();
        rehearse.cli.Main.run(new java.io.PrintWriter(sink), new java.io.PrintWriter(sink), "run", "--journal", full.toString(), script.toString());
        List<String> lines = Files.readAllLines(full);
        Path j = dir.resolve("changed.jsonl");
        int changed = 0;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            String to = l.replaceFirst("\"(event|message)\": \"", "\"$1\": \"(edited) ");
            if (to.equals(l)) continue;
            List<String> copy = new ArrayList<>(lines);
            copy.set(i, to);
            Files.write(j, copy);
            String p = problem(() -> rehearse.journal.Journal.read(j).replay(j.toString()));
            assertThat(p).startsWith(j + ":" + (i + 1) + ":");
            changed++;
        }
        assertThat(changed).isGreaterThan(20);
    }

    @Test
    void aStreamThatNeverEndsStopsAtTheLimitWhileReading() {
        java.io.InputStream zeros = new java.io.InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        assertThat(problem(() -> InputFile.read("<zeros>", zeros, InputFile.MAX_BYTES)))
                .isEqualTo("<zeros>:1:8388609: file too large: more than 8388608 bytes (8 MiB), the limit for this input");
    }

    @Test
    void aFileOverTheLimitSaysWhereTheLimitIsCrossed() throws Exception {
        Path big = dir.resolve("big.yaml");
        byte[] line = "# a comment line\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i <= InputFile.MAX_BYTES / line.length; i++) out.write(line);
        }
        int full = InputFile.MAX_BYTES / line.length; // whole lines before the limit
        int col = InputFile.MAX_BYTES - full * line.length + 1;
        assertThat(problem(() -> loader.load(big))).isEqualTo(big + ":" + (full + 1) + ":" + col
                + ": file too large: more than 8388608 bytes (8 MiB), the limit for this input");
        // Exactly at the limit is read.
        Files.write(big, new byte[InputFile.MAX_BYTES]);
        assertThat(InputFile.read(big)).hasSize(InputFile.MAX_BYTES);
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorWithItsPosition() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i <= YamlInput.MAX_DEPTH; i++) deep.append("  ".repeat(i)).append("k:\n");
        assertThat(problem(() -> YamlInput.compose("d.yaml", deep.toString().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("d.yaml:65:129: nested more than 64 levels deep");
        String flow = "[\n".repeat(100_000);
        assertThat(problem(() -> YamlInput.compose("d.yaml", flow.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("d.yaml:65:1: nested more than 64 levels deep");
    }

    @Test
    void moreValuesThanTheLimitAreRefusedBeforeTheHeapFills() {
        String many = "- a\n".repeat(YamlInput.MAX_VALUES + 1);
        assertThat(problem(() -> YamlInput.compose("v.yaml", many.getBytes(StandardCharsets.UTF_8))))
                .startsWith("v.yaml:1000001:3: more than 1000000 values;");
        // Aliases count as what they stand for.
        String expanded = "a: &a\n" + "- x\n".repeat(200_000) + "b: [*a, *a, *a, *a, *a]\n";
        assertThat(problem(() -> YamlInput.compose("v.yaml", expanded.getBytes(StandardCharsets.UTF_8))))
                .startsWith("v.yaml:200002:").contains("more than 1000000 values once aliases are expanded");
    }

    @Test
    void aliasesOfCollectionsAreLimitedAndNeverRecursive() {
        StringBuilder b = new StringBuilder("a: &a [x]\nb:\n");
        for (int i = 0; i <= YamlInput.MAX_COLLECTION_ALIASES; i++) b.append("  - *a\n");
        assertThat(problem(() -> YamlInput.compose("a.yaml", b.toString().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("a.yaml:23:5: more than 20 aliases of lists or mappings");
        assertThat(problem(() -> YamlInput.compose("a.yaml", "x: &x [*x]\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("a.yaml:1:8: alias *x refers to a value that contains it");
        assertThat(problem(() -> YamlInput.compose("a.yaml", "x: *nope\n".getBytes(StandardCharsets.UTF_8))))
                .startsWith("a.yaml:1:4:");
        // Aliases of plain values are free: an owner list written once is common.
        StringBuilder owners = new StringBuilder("n: &n NODEA\nl: [");
        for (int i = 0; i < 1000; i++) owners.append("*n, ");
        owners.append("*n]\n");
        try {
            assertThat(YamlInput.compose("a.yaml", owners.toString().getBytes(StandardCharsets.UTF_8))).isPresent();
        } catch (InputException e) {
            fail("aliases of a scalar refused: " + e.getMessage());
        }
    }
}
