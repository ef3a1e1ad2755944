package rehearse.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * Simulated durations in milliseconds. Defaults are the field notes' unverified figures
 * (IP ~1 s, network name 2-5 s, disk ~3 s, IIS ~5 s; an OS upgrade of about 40 minutes; a node
 * failure noticed and the quorum disk arbitrated in about 15 s, KB Q171277).
 */
public record Timings(Map<ResourceType, Long> onlineMs, Map<ResourceType, Long> offlineMs, long upgradeMs, long joinMs,
        long failoverMs) {
    public static final long DEFAULT_UPGRADE_MS = 40 * 60_000L;
    public static final long DEFAULT_JOIN_MS = 60_000L;
    public static final long DEFAULT_FAILOVER_MS = 15_000L;

    public Timings {
        onlineMs = Map.copyOf(onlineMs);
        offlineMs = Map.copyOf(offlineMs);
    }

    public static Timings defaults() {
        Map<ResourceType, Long> on = new EnumMap<>(ResourceType.class), off = new EnumMap<>(ResourceType.class);
        for (ResourceType t : ResourceType.values()) {
            on.put(t, t.defaultOnlineMs());
            off.put(t, t.defaultOfflineMs());
        }
        return new Timings(on, off, DEFAULT_UPGRADE_MS, DEFAULT_JOIN_MS, DEFAULT_FAILOVER_MS);
    }

    public long online(ResourceType t) {
        return onlineMs.getOrDefault(t, t.defaultOnlineMs());
    }

    public long offline(ResourceType t) {
        return offlineMs.getOrDefault(t, t.defaultOfflineMs());
    }
}
