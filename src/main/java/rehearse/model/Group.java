package rehearse.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A resource group: the unit that moves between nodes and fails over. */
public record Group(String name, String owner, List<String> preferredOwners, boolean failback, List<Resource> resources) {

    public Group {
        preferredOwners = List.copyOf(preferredOwners);
        resources = List.copyOf(resources);
    }

    public GroupState state() {
        return GroupState.of(resources);
    }

    public Optional<Resource> resource(String resourceName) {
        for (Resource r : resources) if (Names.same(r.name(), resourceName)) return Optional.of(r);
        return Optional.empty();
    }

    public boolean hasIis() {
        for (Resource r : resources) if (r.isIis()) return true;
        return false;
    }

    /** A node can host the group only if every resource lists it as a possible owner. */
    public boolean canBeOwnedBy(String node) {
        for (Resource r : resources) if (!r.possibleOwners().contains(node)) return false;
        return true;
    }

    public Group withOwner(String node) {
        return new Group(name, node, preferredOwners, failback, resources);
    }

    public Group withFailback(boolean on) {
        return new Group(name, owner, preferredOwners, on, resources);
    }

    public Group withResource(Resource changed) {
        List<Resource> rs = new ArrayList<>(resources);
        for (int i = 0; i < rs.size(); i++) {
            if (rs.get(i).name().equals(changed.name())) rs.set(i, changed);
        }
        return new Group(name, owner, preferredOwners, failback, rs);
    }
}
