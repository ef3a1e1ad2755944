package rehearse.matrix;

import java.util.List;
import java.util.Objects;

/**
 * A software configuration a cluster node can be at: IIS version plus the Windows platform
 * it runs on. Which configurations exist, and how they are spelled, comes from the tables file.
 */
public record Configuration(String id, String label, List<String> aliases, String platform, String iisResourceType) {

    public Configuration {
        aliases = List.copyOf(aliases);
    }

    // equals and hashCode written out, same meaning as the generated ones: those are bootstrapped
    // through method handles on first use, which costs a short command ~10 ms of start-up.
    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && Objects.equals(id, c.id) && Objects.equals(label, c.label)
                && aliases.equals(c.aliases) && Objects.equals(platform, c.platform)
                && Objects.equals(iisResourceType, c.iisResourceType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, label, aliases, platform, iisResourceType);
    }

    @Override
    public String toString() {
        return label;
    }
}
