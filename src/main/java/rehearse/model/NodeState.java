package rehearse.model;

/** MSCS node states. A node being upgraded is Down, then Joining. */
public enum NodeState {
    UP("Up"),
    DOWN("Down"),
    PAUSED("Paused"),
    JOINING("Joining");

    private final String label;

    NodeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
