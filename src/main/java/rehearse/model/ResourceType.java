package rehearse.model;

import java.util.Locale;

/**
 * Resource types a rehearsal knows. {@link #IIS} stands for the platform's own IIS type
 * ("IIS Virtual Root" on NT 4.0, "IIS Server Instance" on Windows 2000); which one a node
 * shows follows from its configuration.
 */
public enum ResourceType {
    IP_ADDRESS("IP Address", 1_000, 1_000),
    NETWORK_NAME("Network Name", 3_000, 2_000),
    PHYSICAL_DISK("Physical Disk", 3_000, 2_000),
    FILE_SHARE("File Share", 1_000, 1_000),
    GENERIC_SERVICE("Generic Service", 3_000, 2_000),
    GENERIC_APPLICATION("Generic Application", 3_000, 2_000),
    IIS("IIS", 5_000, 3_000),
    /** Imported without a type; must be set before a rehearsal is trusted. */
    UNKNOWN("Unknown", 3_000, 2_000);

    private final String label;
    private final long defaultOnlineMs;
    private final long defaultOfflineMs;

    ResourceType(String label, long onlineMs, long offlineMs) {
        this.label = label;
        this.defaultOnlineMs = onlineMs;
        this.defaultOfflineMs = offlineMs;
    }

    public String label() {
        return label;
    }

    public long defaultOnlineMs() {
        return defaultOnlineMs;
    }

    public long defaultOfflineMs() {
        return defaultOfflineMs;
    }

    /** Case-insensitive; the platform-specific IIS type names mean {@link #IIS}. */
    public static ResourceType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.equals("iis virtual root") || t.equals("iis server instance")) return IIS;
        for (ResourceType r : values()) if (r.label.toLowerCase(Locale.ROOT).equals(t)) return r;
        return null;
    }

    public static String known() {
        StringBuilder b = new StringBuilder();
        for (ResourceType r : values()) {
            if (b.length() > 0) b.append(", ");
            b.append(r.label);
        }
        return b.toString();
    }
}
