package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs under the size limit that once exhausted the launcher's heap or stack, and inputs that
 * are no files at all, through the real launcher with its own JVM flags: each ends with a result
 * or one line per problem and a documented exit code. The time limit only catches a hang.
 */
class HostileInputIT {
    @TempDir Path dir;

    record Result(int code, String out) {}

    static Result launch(Path dir, String... args) throws Exception {
        Path launcher = Path.of("").toAbsolutePath().resolve("scripts/rehearse");
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", Path.of("target/it-cache").toAbsolutePath().toString());
        pb.environment().remove("REHEARSE_JAVA_OPTS");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), out);
    }

    private static void noTrace(Result r) {
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("Error:").doesNotContain("\tat ")
                .doesNotContain("internal error");
    }

    private Path write(String name, Writer w) throws Exception {
        Path f = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(f)) {
            w.write(out);
        }
        return f;
    }

    interface Writer {
        void write(BufferedWriter out) throws Exception;
    }

    @Test
    void fourHundredThousandKeysAreProblemsNotAnOutOfMemoryError() throws Exception {
        Path f = write("keys.yaml", out -> {
            out.write("cluster: X\n");
            for (int i = 0; i < 400_000; i++) out.write(String.format(java.util.Locale.ROOT, "setting%07d: 1\n", i));
        });
        Result r = launch(dir, "check", f.toString());
        noTrace(r);
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo(f + ":2:1: unknown key 'setting0000000' in the cluster file"
                + " (known keys: cluster, nodes, groups, quorum, timings)");
    }

    @Test
    void sixteenThousandGroupsAndAHundredThousandResourceChainLoad() throws Exception {
        Path groups = write("groups.yaml", out -> {
            out.write("cluster: X\nnodes:\n  - {name: NODEA, config: iis5}\n  - {name: NODEB, config: iis5}\ngroups:\n");
            for (int i = 0; i < 16_000; i++) {
                out.write("  - name: Web Group " + i + "\n    owner: NODEA\n    preferredOwners: [NODEA, NODEB]\n    resources:\n"
                        + "      - {name: Web IP " + i + ", type: IP Address, address: 10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255) + "}\n"
                        + "      - {name: Web Name " + i + ", type: Network Name, dependsOn: [Web IP " + i + "]}\n"
                        + "      - {name: Web Disk " + i + ", type: Physical Disk}\n"
                        + "      - {name: Web Server " + i + ", type: IIS, dependsOn: [Web IP " + i + ", Web Disk " + i
                        + "], possibleOwners: [NODEA, NODEB]}\n");
            }
        });
        Result r = launch(dir, "check", groups.toString());
        noTrace(r);
        assertThat(r.out().trim()).isEqualTo(groups + ": ok: cluster X, 2 nodes at IIS 5.0, 16000 groups, 64000 resources (16000 IIS)");
        assertThat(r.code()).isZero();

        Path chain = write("chain.yaml", out -> {
            out.write("cluster: X\nnodes:\n  - {name: A, config: iis5}\ngroups:\n  - name: G\n    owner: A\n    resources:\n");
            for (int i = 0; i < 99_999; i++) out.write("      - {name: R" + i + ", type: IIS, dependsOn: [R" + (i + 1) + "]}\n");
            out.write("      - {name: R99999, type: IIS}\n");
        });
        Result c = launch(dir, "check", chain.toString());
        noTrace(c);
        assertThat(c.out().trim()).isEqualTo(chain + ": ok: cluster X, 1 node at IIS 5.0, 1 group, 100000 resources (100000 IIS)");
        assertThat(c.code()).isZero();
    }

    @Test
    void devicesPipesAndHugeFilesAreOneLineEach() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path script = dir.resolve("s.rh");
        Files.writeString(script, "status\n");
        Path huge = dir.resolve("huge.yaml");
        Files.write(huge, new byte[9 * 1024 * 1024]);
        for (List<String> args : List.of(List.of("check", "/dev/zero"), List.of("check", "/dev/urandom"), List.of("check", fifo.toString()),
                List.of("check", huge.toString()), List.of("matrix", "--matrix", "/dev/zero"), List.of("run", "/dev/urandom"),
                List.of("run", "--resume", fifo.toString(), script.toString()), List.of("run", "--resume", "/dev/zero", script.toString()))) {
            Result r = launch(dir, args.toArray(String[]::new));
            noTrace(r);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.out()).isEqualTo(65);
            assertThat(r.out().lines()).as(r.out()).hasSize(1);
        }
    }

    @Test
    void aFullStandardOutputIs74AndAReaderThatStopsIsQuiet() throws Exception {
        Path launcher = Path.of("").toAbsolutePath().resolve("scripts/rehearse");
        String cache = Path.of("target/it-cache").toAbsolutePath().toString();
        Process p = new ProcessBuilder("bash", "-c", "XDG_CACHE_HOME=" + cache + " '" + launcher + "' runbook --to 5.0 > /dev/full;"
                + " echo \"exit $?\"; XDG_CACHE_HOME=" + cache + " '" + launcher + "' runbook --to 5.0 2>&1 | head -c 10 > /dev/null;"
                + " echo \"pipe ${PIPESTATUS[0]}\"").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines()).containsExactly("rehearse: cannot write to standard output: no space left on device", "exit 74", "pipe 0");
    }
}
