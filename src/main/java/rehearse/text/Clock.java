package rehearse.text;

/** Simulated time as operators read it. */
public final class Clock {
    private Clock() {}

    /** {@code H:MM:SS}, with tenths when not whole seconds. */
    public static String format(long ms) {
        long s = ms / 1000;
        String base = String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        long rest = ms % 1000;
        return rest == 0 ? base : base + "." + (rest / 100);
    }

    /** A duration in words-ish: {@code 1h 05m}, {@code 4m 30s}, {@code 12s}, {@code 1.5s}. */
    public static String duration(long ms) {
        if (ms < 60_000) {
            return ms % 1000 == 0 ? (ms / 1000) + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        return String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, (s / 60) % 60);
    }
}
