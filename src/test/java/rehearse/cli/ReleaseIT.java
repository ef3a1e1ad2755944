package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rehearse.tui.Tmux;

/**
 * The release tarball as an admin gets it: unpacked into a temporary folder and run from
 * elsewhere, with a PATH whose first java is a fake that fails (or no java at all), directly and
 * through a symbolic link, with an empty HOME that must stay empty.
 */
class ReleaseIT {
    @TempDir static Path unpacked;
    @TempDir Path home;
    @TempDir Path elsewhere;
    static Path root;
    static Path fakeJava;

    @BeforeAll
    static void unpack() throws Exception {
        String tarball = System.getProperty("rehearse.tarball");
        assumeTrue(tarball != null, "the release is not built here (not Linux x64, or -Drehearse.release.skip)");
        assertThat(Path.of(tarball)).as("the release profile is on, so mvn package made the tarball").exists();
        Result listing = exec(List.of("tar", "-tzf", tarball), Map.of(), Path.of("."));
        String version = Path.of(tarball).getFileName().toString().replaceAll("^rehearse-(.*)-linux-x64\\.tar\\.gz$", "$1");
        // One folder, nothing beside it.
        assertThat(listing.out().lines()).allSatisfy(entry -> assertThat(entry).startsWith("rehearse-" + version + "/"));
        assertThat(exec(List.of("tar", "-xzf", tarball, "-C", unpacked.toString()), Map.of(), Path.of(".")).code()).isZero();
        root = unpacked.resolve("rehearse-" + version);
        Path fakes = Files.createDirectories(unpacked.resolve("fake-bin"));
        fakeJava = Files.writeString(fakes.resolve("java"), "#!/bin/sh\necho 'not the java you want' >&2\nexit 99\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int code, String out, String err) {}

    private static Result exec(List<String> command, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path err = Files.createTempFile("release-it", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Result(p.exitValue(), out, errText);
    }

    /** The environment of an admin's shell: a fake java first on PATH, a fresh HOME, no XDG variables. */
    private Map<String, String> admin() {
        return Map.of("PATH", fakeJava.getParent() + ":/usr/local/bin:/usr/bin:/bin", "HOME", home.toString(),
                "XDG_STATE_HOME", "", "XDG_CACHE_HOME", "", "REHEARSE_JAVA_OPTS", "", "JAVA_HOME", "/nonexistent");
    }

    private Result rehearse(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return exec(command, env, elsewhere);
    }

    private List<String> homeContents() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(p -> !p.equals(home)).map(Path::toString).toList();
        }
    }

    @Test
    void itRunsOnItsOwnRuntimeFromAnyDirectoryAndWritesNothingToHome() throws Exception {
        Path launcher = root.resolve("bin/rehearse");
        assertThat(exec(List.of(fakeJava.toString()), Map.of(), elsewhere).code()).as("the fake java fails").isEqualTo(99);

        Result version = rehearse(launcher, admin(), "--version");
        assertThat(version.code()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("rehearse " + root.getFileName().toString().substring("rehearse-".length()) + "\n");
        assertThat(version.err()).isEmpty();

        Result plan = rehearse(launcher, admin(), "plan", "--from", "4.0/SP4", "--to", "5.0");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("Plan: IIS 4.0 / SP4 -> IIS 5.0").contains("rolling");

        Result show = rehearse(launcher, admin(), "show");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("WEBCLUSTER").contains("NODEA").contains("Plan: IIS 4.0 / SP4 -> IIS 5.0");

        Result usage = rehearse(launcher, admin(), "plan", "--to", "5.0", "--bogus");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--bogus'").doesNotContain("Exception");

        assertThat(homeContents()).as("nothing written to HOME").isEmpty();
    }

    @Test
    void itNeedsNoJavaOnPathAtAll() throws Exception {
        // Only what the launcher itself uses: readlink.
        Path bin = Files.createDirectories(elsewhere.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("readlink"), Path.of(exec(List.of("sh", "-c", "command -v readlink"), Map.of(),
                elsewhere).out().trim()));
        Result r = rehearse(root.resolve("bin/rehearse"), Map.of("PATH", bin.toString(), "HOME", home.toString()), "matrix");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("IIS 5.0");
    }

    @Test
    void throughASymbolicLinkInTheUsersBin() throws Exception {
        Path localBin = Files.createDirectories(home.resolve(".local/bin"));
        Files.createSymbolicLink(localBin.resolve("rehearse"), root.resolve("bin/rehearse"));
        Map<String, String> env = new java.util.HashMap<>(admin());
        env.put("PATH", localBin + ":" + env.get("PATH"));
        // Found on PATH by the shell, as an admin types it.
        Result r = exec(List.of("sh", "-c", "rehearse plan --from 4.0/SP4 --to 5.0 --json"), env, elsewhere);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"from\": \"IIS 4.0 / SP4\", \"to\": \"IIS 5.0\", \"reachable\": true");
        // And a relative link, as `ln -s ../../opt/...` makes.
        Path relative = Files.createSymbolicLink(home.resolve("rh"), home.relativize(root.resolve("bin/rehearse")));
        assertThat(rehearse(relative, admin(), "sample").out()).startsWith("# ");
        // And the bin folder itself linked (ln -s .../bin ~/tools): the launcher's own path ends in bin/rehearse.
        Path linkedBin = Files.createSymbolicLink(elsewhere.resolve("tools"), root.resolve("bin"));
        Result viaFolder = rehearse(linkedBin.resolve("rehearse"), admin(), "--version");
        assertThat(viaFolder.code()).as(viaFolder.err()).isZero();
        // A hard link cannot be followed: one line that says so, not the shell's own error.
        Path hard = Files.createLink(elsewhere.resolve("hard-rehearse"), root.resolve("bin/rehearse"));
        Result viaHardLink = rehearse(hard, admin(), "--version");
        assertThat(viaHardLink.code()).isEqualTo(69);
        assertThat(viaHardLink.err().trim()).startsWith("rehearse: no lib/rehearse.jar beside this launcher").doesNotContain("\n");
    }

    @Test
    void itStartsFromTheClassDataArchiveMadeAtPackagingTime() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(admin());
        env.put("REHEARSE_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info");
        Result r = rehearse(root.resolve("bin/rehearse"), env, "plan", "--from", "4.0/SP4", "--to", "5.0");
        assertThat(r.code()).as("-Xshare:on fails when the archive cannot be used: %s", r.err()).isZero();
        assertThat(r.out()).contains("rehearse.cli.PlanCommand source: shared objects file",
                "rehearse.plan.Planner source: shared objects file");
        // The built-in tables are code and plan as typed here runs without picocli: no YAML, no picocli.
        // A cluster file is read with the archived parser, and check parses its words with picocli.
        assertThat(r.out()).doesNotContain("org.snakeyaml", "picocli.CommandLine ");
        Files.writeString(elsewhere.resolve("cluster.yaml"), rehearse(root.resolve("bin/rehearse"), admin(), "sample").out());
        Result check = rehearse(root.resolve("bin/rehearse"), env, "check", "cluster.yaml");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("org.snakeyaml.engine.v2.parser.ParserImpl source: shared objects file",
                "picocli.CommandLine source: shared objects file");
        long checkNotShared = check.out().lines().filter(l -> l.contains("[class,load]") && l.contains(" source: ")
                && !l.contains("shared objects file") && !l.contains("source: __")).count();
        assertThat(checkNotShared).as("classes check loaded from elsewhere than the archive").isLessThanOrEqualTo(5);
        // Class files read from the jar or the runtime instead of the archive. The method-handle forms the
        // JVM spins while running (source __JVM_LookupDefineClass__: a record's first equals, hashCode or
        // toString makes some) are not class files, and a Java 17 archive cannot hold them.
        long notShared = r.out().lines().filter(l -> l.contains("[class,load]") && l.contains(" source: ")
                && !l.contains("shared objects file") && !l.contains("source: __")).count();
        assertThat(notShared).as("classes loaded from elsewhere than the archive").isLessThanOrEqualTo(5);
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesNeeded() throws Exception {
        Result modules = exec(List.of(root.resolve("runtime/bin/java").toString(), "--list-modules"), Map.of(), elsewhere);
        assertThat(modules.out().lines().map(l -> l.replaceAll("@.*", ""))).containsExactlyInAnyOrder("java.base",
                "java.logging", "jdk.unsupported");
        assertThat(root.resolve("runtime/include")).doesNotExist();
        assertThat(root.resolve("runtime/man")).doesNotExist();
    }

    @Test
    void licencesOfEverythingBundledAreInTheTarballAndTheJar() throws Exception {
        assertThat(Files.readString(root.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(Files.readString(root.resolve("licenses/LGPL-3.0.txt"))).contains("GNU LESSER GENERAL PUBLIC LICENSE");
        assertThat(Files.readString(root.resolve("licenses/GPL-3.0.txt"))).contains("GNU GENERAL PUBLIC LICENSE");
        assertThat(Files.readString(root.resolve("licenses/BSD-3-Clause-JLine.txt"))).contains("JLine", "Redistribution");
        assertThat(Files.readString(root.resolve("licenses/OpenJDK-LICENSE.txt"))).contains("\"CLASSPATH\" EXCEPTION TO THE GPL");
        String thirdParty = Files.readString(root.resolve("licenses/THIRD-PARTY.txt"));
        assertThat(thirdParty).contains("Lanterna", "LGPL", "JLine", "BSD", "picocli", "SnakeYAML Engine", "Apache")
                .doesNotContain("${");
        assertThat(root.resolve("runtime/legal/java.base/LICENSE")).exists();
        try (ZipFile jar = new ZipFile(root.resolve("lib/rehearse.jar").toFile())) {
            for (String entry : List.of("META-INF/LICENSE", "META-INF/licenses/THIRD-PARTY.txt", "META-INF/licenses/LGPL-3.0.txt",
                    "META-INF/licenses/GPL-3.0.txt", "META-INF/licenses/BSD-3-Clause-JLine.txt")) {
                assertThat(jar.getEntry(entry)).as(entry).isNotNull();
            }
        }
    }

    @Test
    void theManPageRenders() throws Exception {
        Path page = root.resolve("share/man/man1/rehearse.1");
        assertThat(Files.readString(page)).containsPattern("(?m)^\\.TH REHEARSE 1 ");
        Result man = exec(List.of("sh", "-c", "command -v man"), Map.of(), elsewhere);
        assumeTrue(man.code() == 0, "man is not installed: the .TH header is all that was checked");
        Result shown = exec(List.of("man", "-l", page.toString()), Map.of("MANPAGER", "cat", "PAGER", "cat", "MANWIDTH", "80",
                "LANG", "C.UTF-8"), elsewhere);
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("REHEARSE(1)", "NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES",
                "rehearse plan", "NO_COLOR", "XDG_STATE_HOME", "TERM", "--from");
        assertThat(shown.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void sourcingTheBashCompletionRegistersItAndItCompletes() throws Exception {
        Path completion = root.resolve("share/bash-completion/completions/rehearse");
        String script = "source '" + completion + "' && complete -p rehearse"
                + " && COMP_WORDS=(rehearse pl) COMP_CWORD=1 COMP_LINE='rehearse pl' COMP_POINT=11 && _complete_rehearse 2>/dev/null"
                + " && echo \"words: ${COMPREPLY[*]}\""
                + " && COMP_WORDS=(rehearse plan --f) COMP_CWORD=2 COMP_LINE='rehearse plan --f' COMP_POINT=17"
                + " && _complete_rehearse 2>/dev/null && echo \"options: ${COMPREPLY[*]}\"";
        Result r = exec(List.of("bash", "--norc", "--noprofile", "-c", script), Map.of(), elsewhere);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("-F _complete_rehearse").contains("rehearse\n").contains("words: plan\n")
                .contains("options: --from\n");
    }

    @Test
    void zshFindsItsCompletionOnItsFpath() throws Exception {
        assertThat(Files.readString(root.resolve("share/zsh/site-functions/_rehearse"))).startsWith("#compdef rehearse\n");
        assumeTrue(exec(List.of("sh", "-c", "command -v zsh"), Map.of(), elsewhere).code() == 0, "zsh is not installed");
        Result r = exec(List.of("zsh", "-fc", "fpath=('" + root.resolve("share/zsh/site-functions") + "' $fpath);"
                + " autoload -Uz compinit && compinit -u -d '" + elsewhere.resolve("zcompdump") + "' && print -r -- $_comps[rehearse]"),
                Map.of("HOME", home.toString()), elsewhere);
        assertThat(r.out().trim()).as(r.err()).isEqualTo("_rehearse");
    }

    @Test
    void theFullScreenUiStartsAndFollowsAResizeOnTheBundledRuntime() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        // Resizing needs jdk.unsupported (sun.misc.Signal, reached by reflection): started too small,
        // the UI must notice the terminal grow.
        String command = "cd " + elsewhere + " && PATH=" + fakeJava.getParent() + ":$PATH HOME=" + home
                + " LANG=C.UTF-8 TERM=xterm-256color " + root.resolve("bin/rehearse") + "; echo exit=$? > " + elsewhere.resolve("exit")
                + "; sleep 60";
        try (Tmux t = new Tmux().start(70, 20, command)) {
            t.await(s -> s.contains("terminal too small: 70x20"), 30, "the too-small message");
            t.run("resize-window", "-t", "0", "-x", "100", "-y", "30");
            t.await(s -> s.contains("SIMULATION") && s.contains("NODEB"), 15, "the full screen after enlarging");
            t.keys("q");
            for (int i = 0; i < 100 && !Files.exists(elsewhere.resolve("exit")); i++) Thread.sleep(100);
            assertThat(Files.readString(elsewhere.resolve("exit")).trim()).isEqualTo("exit=0");
        }
    }

    /** The shell blocks of the README's Install section, in order. */
    private static List<String> installBlocks() throws IOException {
        String readme = Files.readString(Path.of("README.md").toAbsolutePath());
        String install = readme.substring(readme.indexOf("\n## Install\n"));
        install = install.substring(0, install.indexOf("\n## ", 1));
        List<String> blocks = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```sh\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(install);
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @Test
    void theReadmesInstallWorksAsWrittenWithAFreshHomeAndNoMavenOrJava() throws Exception {
        List<String> blocks = installBlocks();
        assertThat(blocks).hasSize(2);
        Path tarball = Path.of(System.getProperty("rehearse.tarball"));
        assertThat(blocks.get(0)).as("the README names this version's tarball").contains(tarball.getFileName().toString());
        // A fake mvn and java first on PATH: the install must not call either.
        Path mvn = Files.writeString(fakeJava.resolveSibling("mvn"), "#!/bin/sh\necho 'no maven here' >&2\nexit 98\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new java.util.HashMap<>(admin());
        Result r = exec(List.of("bash", "--norc", "--noprofile", "-ec", String.join("\n", blocks)), env, tarball.getParent());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("rehearse " + root.getFileName().toString().substring("rehearse-".length()) + "\n");
        env.put("PATH", home.resolve(".local/bin") + ":" + env.get("PATH"));
        Result onPath = exec(List.of("sh", "-c", "rehearse plan --from 4.0/SP4 --to 5.0"), env, elsewhere);
        assertThat(onPath.out()).startsWith("Plan: IIS 4.0 / SP4 -> IIS 5.0");
        if (exec(List.of("sh", "-c", "command -v man"), Map.of(), elsewhere).code() == 0) {
            // man finds ~/.local/share/man through ~/.local/bin on PATH (and names the file the link points to).
            Result where = exec(List.of("man", "-w", "rehearse"), env, elsewhere);
            assertThat(where.code()).as(where.err()).isZero();
            assertThat(Path.of(where.out().trim()).toRealPath())
                    .isEqualTo(home.resolve("opt").resolve(root.getFileName()).resolve("share/man/man1/rehearse.1").toRealPath());
        }
        Path bashCompletion = Path.of("/usr/share/bash-completion/bash_completion");
        if (Files.exists(bashCompletion)) {
            // bash-completion loads it on first use from the user's own folder.
            Result loaded = exec(List.of("bash", "--norc", "--noprofile", "-c", "source " + bashCompletion
                    + " && __load_completion rehearse && complete -p rehearse"), env, elsewhere);
            assertThat(loaded.out()).as(loaded.err()).contains("-F _complete_rehearse");
        }
        assertThat(Files.readString(home.resolve(".local/share/bash-completion/completions/rehearse"))).contains("_complete_rehearse");
    }
}
