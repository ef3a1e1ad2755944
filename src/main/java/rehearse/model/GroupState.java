package rehearse.model;

import java.util.List;

/** A group's state is not stored: it follows from its resources, as MSCS reports it. */
public enum GroupState {
    ONLINE("Online"),
    OFFLINE("Offline"),
    FAILED("Failed"),
    PENDING("Pending"),
    PARTIALLY_ONLINE("Partially Online");

    private final String label;

    GroupState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Failed if any failed; Pending if any pending; Online if all online; Offline if none online. */
    public static GroupState of(List<Resource> resources) {
        boolean anyOnline = false, allOnline = true, anyPending = false;
        for (Resource r : resources) {
            if (r.state() == ResourceState.FAILED) return FAILED;
            if (r.state().pending()) anyPending = true;
            if (r.state() == ResourceState.ONLINE) anyOnline = true;
            else allOnline = false;
        }
        if (anyPending) return PENDING;
        if (resources.isEmpty() || !anyOnline) return OFFLINE;
        return allOnline ? ONLINE : PARTIALLY_ONLINE;
    }
}
