package rehearse.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client availability of the groups that hold IIS: a group is available while every IIS
 * resource in it is Online. Accumulates, per group, the time it was not and how often it went down.
 */
public final class Downtime {
    private static final class Track {
        long downMs;
        long downSince = -1;
        int interruptions;
    }

    private final Map<String, Track> groups = new LinkedHashMap<>();

    void register(String group, boolean availableAtStart) {
        Track t = new Track();
        if (!availableAtStart) t.downSince = 0;
        groups.put(group, t);
    }

    void update(String group, boolean available, long now) {
        Track t = groups.get(group);
        if (t == null) return;
        if (available && t.downSince >= 0) {
            t.downMs += now - t.downSince;
            t.downSince = -1;
        } else if (!available && t.downSince < 0) {
            t.downSince = now;
            t.interruptions++;
        }
    }

    public Iterable<String> groups() {
        return groups.keySet();
    }

    public boolean tracks(String group) {
        return groups.containsKey(group);
    }

    public long downtimeMs(String group, long now) {
        Track t = groups.get(group);
        if (t == null) return 0;
        return t.downMs + (t.downSince >= 0 ? now - t.downSince : 0);
    }

    public int interruptions(String group) {
        Track t = groups.get(group);
        return t == null ? 0 : t.interruptions;
    }

    /** Share of group-time the IIS groups were available since the start; 1 before any time passed. */
    public double availability(long now) {
        if (groups.isEmpty() || now <= 0) return 1.0;
        long down = 0;
        for (String g : groups.keySet()) down += downtimeMs(g, now);
        return 1.0 - (double) down / ((double) now * groups.size());
    }

}
