package rehearse.journal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Where journals and history live: {@code $XDG_STATE_HOME/rehearse}, else {@code ~/.local/state/rehearse}. */
public final class StateDir {
    private StateDir() {}

    public static Path of(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) return Paths.get(xdg, "rehearse");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Paths.get(home, ".local", "state", "rehearse");
    }
}
