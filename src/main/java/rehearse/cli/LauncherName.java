package rehearse.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import rehearse.text.ResumeCommand;

/**
 * The word that starts rehearse again, for the resume line: {@code rehearse} when the first
 * {@code rehearse} on {@code PATH} is this launcher (the release linked as the README says), else
 * the launcher's absolute path (a checkout's {@code scripts/rehearse}, which is on no PATH). The
 * launchers pass their own path as the system property {@value #PROPERTY}; without it (the jar
 * run by hand) the name is {@code rehearse}.
 */
final class LauncherName {
    static final String PROPERTY = "rehearse.launcher";

    private LauncherName() {}

    static String of(Map<String, String> env, String launcher) {
        if (launcher == null || launcher.isBlank()) return ResumeCommand.ON_PATH;
        Path self;
        try {
            self = Path.of(launcher).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return ResumeCommand.ON_PATH;
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (dir.isEmpty()) continue; // an empty entry is the working directory, which the operator may leave
            Path candidate;
            try {
                candidate = Path.of(dir, ResumeCommand.ON_PATH);
            } catch (InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) continue;
            // The first one on PATH is what the name runs: this launcher, or another rehearse.
            return same(candidate, self) ? ResumeCommand.ON_PATH : self.toString();
        }
        return self.toString();
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
