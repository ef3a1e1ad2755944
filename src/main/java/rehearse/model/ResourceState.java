package rehearse.model;

/** MSCS resource states. */
public enum ResourceState {
    ONLINE("Online"),
    OFFLINE("Offline"),
    ONLINE_PENDING("Online Pending"),
    OFFLINE_PENDING("Offline Pending"),
    FAILED("Failed");

    private final String label;

    ResourceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean pending() {
        return this == ONLINE_PENDING || this == OFFLINE_PENDING;
    }
}
