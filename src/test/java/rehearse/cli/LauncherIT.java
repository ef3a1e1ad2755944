package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/rehearse and its class-data-sharing archive, kept in the user's cache. */
class LauncherIT {
    @TempDir Path cache;
    @TempDir Path elsewhere;

    private record Result(int code, String out) {}

    private Result launch(Map<String, String> env, String... args) throws Exception {
        Path launcher = Path.of("").toAbsolutePath().resolve("scripts/rehearse");
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("REHEARSE_NO_CDS");
        pb.environment().remove("REHEARSE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private List<String> cached() throws IOException {
        Path dir = cache.resolve("rehearse");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRunMakesTheArchiveAndTheNextLoadsFromIt() throws Exception {
        Result first = launch(Map.of(), "--version");
        assertThat(first.code()).isZero();
        assertThat(first.out()).startsWith("rehearse ").doesNotContain("warning").doesNotContain("Skipping");
        // One archive, no class list or half-written archive left behind.
        assertThat(cached()).singleElement().asString().startsWith("rehearse-").endsWith(".jsa");

        Result plan = launch(Map.of("REHEARSE_JAVA_OPTS", "-Xlog:class+load=info"), "plan", "--from", "4.0/sp4", "--to", "5.0");
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains("Plan: IIS 4.0 / SP4 -> IIS 5.0");
        // Our classes, the YAML parser's and picocli's (Java 5 bytecode, which only a static archive takes).
        assertThat(plan.out()).contains("rehearse.cli.PlanCommand source: shared objects file",
                "rehearse.plan.Planner source: shared objects file",
                "org.snakeyaml.engine.v2.parser.ParserImpl source: shared objects file",
                "picocli.CommandLine source: shared objects file");
    }

    @Test
    void anArchiveOfAnotherBuildIsReplacedAndCdsCanBeSwitchedOff() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("rehearse"));
        Files.writeString(dir.resolve("rehearse-1-2-3-4.jsa"), "an archive of an older build");
        assertThat(launch(Map.of(), "sample").code()).isZero();
        assertThat(cached()).singleElement().asString().isNotEqualTo("rehearse-1-2-3-4.jsa");

        Files.list(dir).forEach(f -> f.toFile().delete());
        Result off = launch(Map.of("REHEARSE_NO_CDS", "1"), "sample");
        assertThat(off.code()).isZero();
        assertThat(off.out()).startsWith("# ");
        assertThat(cached()).isEmpty();
    }

    @Test
    void withoutJavaTheLauncherSaysWhatToInstall() throws Exception {
        // A PATH with the shell and the tools the launcher uses before java, but no java.
        Path bin = Files.createDirectories(elsewhere.resolve("bin"));
        for (String tool : new String[] {"bash", "readlink"}) {
            Path real = Path.of(new String(new ProcessBuilder("sh", "-c", "command -v " + tool).start().getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8).trim());
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        Result r = launch(Map.of("PATH", bin.toString()), "plan", "--to", "5.0");
        assertThat(r.code()).isEqualTo(69);
        assertThat(r.out().trim()).isEqualTo("rehearse: Java 17 or newer is needed (apt-get install -y openjdk-17-jdk)");
    }
}
