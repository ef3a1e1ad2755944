package rehearse.matrix;

import java.util.List;

/**
 * A software configuration a cluster node can be at: IIS version plus the Windows platform
 * it runs on. Which configurations exist, and how they are spelled, comes from the tables file.
 */
public record Configuration(String id, String label, List<String> aliases, String platform, String iisResourceType) {

    public Configuration {
        aliases = List.copyOf(aliases);
    }

    @Override
    public String toString() {
        return label;
    }
}
