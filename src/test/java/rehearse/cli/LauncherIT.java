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
        // Our classes; the built-in tables are code and plan as typed here runs without picocli.
        assertThat(plan.out()).contains("rehearse.cli.PlanCommand source: shared objects file",
                "rehearse.plan.Planner source: shared objects file").doesNotContain("org.snakeyaml", "picocli.CommandLine ");
        // The YAML parser's and picocli's (Java 5 bytecode, which only a static archive takes), for a cluster file.
        Path cluster = Files.writeString(cache.resolve("cluster.yaml"), launch(Map.of(), "sample").out());
        Result check = launch(Map.of("REHEARSE_JAVA_OPTS", "-Xlog:class+load=info"), "check", cluster.toString());
        assertThat(check.out()).contains("org.snakeyaml.engine.v2.parser.ParserImpl source: shared objects file",
                "picocli.CommandLine source: shared objects file");
    }

    /** The first 8 hex digits of the SHA-256 of a checkout's path: its archives' tag. */
    private static String tag(Path checkout) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(checkout.toString().getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d).substring(0, 8);
    }

    @Test
    void aNewArchiveReplacesOnlyThisCheckoutsOlderOnesAndCdsCanBeSwitchedOff() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("rehearse"));
        String mine = "rehearse-" + tag(Path.of("").toAbsolutePath()) + "-0123456789abcdef-1-2-3.jsa";
        List<String> others = List.of("rehearse-deadbeef-0123456789abcdef-1-2-3.jsa", "rehearse-1-2-3-4.jsa");
        Files.writeString(dir.resolve(mine), "an archive of this checkout's older build");
        for (String other : others) Files.writeString(dir.resolve(other), "another checkout's archive");
        assertThat(launch(Map.of(), "sample").code()).isZero();
        List<String> after = cached();
        assertThat(after).doesNotContain(mine).containsAll(others).hasSize(3);
        assertThat(after).filteredOn(f -> !others.contains(f)).singleElement().asString()
                .startsWith("rehearse-" + tag(Path.of("").toAbsolutePath()) + "-");

        Files.list(dir).forEach(f -> f.toFile().delete());
        Result off = launch(Map.of("REHEARSE_NO_CDS", "1"), "sample");
        assertThat(off.code()).isZero();
        assertThat(off.out()).startsWith("# ");
        assertThat(cached()).isEmpty();
    }

    /** Runs the launcher of a copy of the checkout: scripts/rehearse and target/rehearse.jar. */
    private Result launchCopy(Path copy, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(copy.resolve("scripts/rehearse").toString()), Stream.of(args))
                .toList()).directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().remove("REHEARSE_NO_CDS");
        pb.environment().remove("REHEARSE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void theArchiveIsKeyedByTheJarsContentNotOnlyItsSizeAndTime() throws Exception {
        // A copy with no sources beside the jar: the launcher takes the jar as it is.
        Path copy = Files.createDirectories(elsewhere.resolve("copy"));
        Files.createDirectories(copy.resolve("scripts"));
        Files.createDirectories(copy.resolve("target"));
        Files.copy(Path.of("scripts/rehearse").toAbsolutePath(), copy.resolve("scripts/rehearse"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = Files.copy(Path.of("target/rehearse.jar").toAbsolutePath(), copy.resolve("target/rehearse.jar"));
        assertThat(launchCopy(copy, Map.of(), "--version").code()).isZero();
        List<String> first = cached();
        assertThat(first).singleElement().asString().startsWith("rehearse-" + tag(copy) + "-");

        // Another build of the same size and time: one byte of the first entry's local header (its
        // time, which Java ignores) differs. A key of size and time would keep the old archive.
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(jar);
        byte[] bytes = Files.readAllBytes(jar);
        assertThat(bytes[0]).isEqualTo((byte) 'P');
        bytes[10] ^= 1;
        Files.write(jar, bytes);
        Files.setLastModifiedTime(jar, time);
        Result rebuilt = launchCopy(copy, Map.of("REHEARSE_JAVA_OPTS", "-Xlog:class+load=info"), "plan", "--from", "4.0/sp4", "--to", "5.0");
        assertThat(rebuilt.code()).isZero();
        assertThat(rebuilt.out()).contains("rehearse.plan.Planner source: shared objects file");
        List<String> second = cached();
        assertThat(second).singleElement().asString().startsWith("rehearse-" + tag(copy) + "-").isNotEqualTo(first.get(0));

        // The same bytes with a new time (a reproducible rebuild): the JVM would refuse the old
        // archive, so a new one is made.
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 5_000));
        assertThat(launchCopy(copy, Map.of(), "--version").code()).isZero();
        assertThat(cached()).singleElement().asString().isNotEqualTo(second.get(0));
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
