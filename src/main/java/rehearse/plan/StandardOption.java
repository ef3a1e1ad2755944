package rehearse.plan;

/**
 * The source page's three ways through a standard upgrade: "IIS resources must be removed,
 * taken offline, or the list of possible owners must be changed so that the resource can be
 * brought online on only the supported node".
 */
public enum StandardOption {
    /** Possible owners restricted to the node upgraded last: IIS runs there until that node's turn. */
    RESTRICT("restrict"),
    /** Every IIS resource offline for the whole upgrade. */
    OFFLINE("offline"),
    /** Every IIS resource removed, and recreated once every node is upgraded. */
    REMOVE("remove");

    private final String word;

    StandardOption(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
