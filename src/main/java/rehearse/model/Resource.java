package rehearse.model;

import java.util.List;
import java.util.Map;

/**
 * A cluster resource. Possible owners are the nodes it may ever be online on (a hard limit);
 * dependencies name resources of the same group that must be online before it.
 */
public record Resource(String name, ResourceType type, List<String> possibleOwners, List<String> dependsOn,
        ResourceState state, Map<String, String> properties) {

    public Resource {
        possibleOwners = List.copyOf(possibleOwners);
        dependsOn = List.copyOf(dependsOn);
        properties = Map.copyOf(properties);
    }

    public boolean isIis() {
        return type == ResourceType.IIS;
    }

    public Resource withState(ResourceState s) {
        return s == state ? this : new Resource(name, type, possibleOwners, dependsOn, s, properties);
    }

    public Resource withPossibleOwners(List<String> owners) {
        return new Resource(name, type, owners, dependsOn, state, properties);
    }
}
