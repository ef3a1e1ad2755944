package rehearse.explore;

/** Simulated durations as the command language reads them back exactly: {@code 600s}, {@code 1500ms}. */
final class Durations {
    private Durations() {}

    static String words(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
