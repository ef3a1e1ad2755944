package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherNameTest {
    @TempDir
    Path tmp;

    private Path executable(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void theReleaseLinkedOntoThePathIsCalledByItsName() throws Exception {
        Path launcher = executable(tmp.resolve("opt/rehearse-0.1.0/bin/rehearse"));
        Path bin = Files.createDirectories(tmp.resolve("home/.local/bin"));
        Files.createSymbolicLink(bin.resolve("rehearse"), launcher);
        String path = "/nonexistent:" + bin + ":/usr/bin";
        assertThat(LauncherName.of(Map.of("PATH", path), launcher.toString())).isEqualTo("rehearse");
    }

    @Test
    void aCheckoutsLauncherIsCalledByItsAbsolutePath() throws Exception {
        Path launcher = executable(tmp.resolve("src/rehearse/scripts/rehearse"));
        assertThat(LauncherName.of(Map.of("PATH", "/usr/bin:/bin"), launcher.toString())).isEqualTo(launcher.toString());
    }

    @Test
    void anotherRehearseEarlierOnThePathIsNotThisOne() throws Exception {
        Path launcher = executable(tmp.resolve("checkout/scripts/rehearse"));
        Path other = executable(tmp.resolve("usr/local/bin/rehearse"));
        String path = other.getParent() + ":" + launcher.getParent();
        assertThat(LauncherName.of(Map.of("PATH", path), launcher.toString())).isEqualTo(launcher.toString());
    }

    @Test
    void withoutALauncherTheNameIsTheOneTheInstallPutsOnThePath() {
        assertThat(LauncherName.of(Map.of(), null)).isEqualTo("rehearse");
        assertThat(LauncherName.of(Map.of("PATH", "/usr/bin"), "")).isEqualTo("rehearse");
    }
}
