package rehearse.matrix;

/** The two tables of the source page. */
public enum UpgradeKind {
    /** "Supported Rolling Upgrades": IIS resources stay available, moved between nodes. */
    ROLLING("rolling"),
    /** "Supported Upgrades": IIS resources removed, offline, or restricted by possible owners. */
    STANDARD("standard");

    private final String word;

    UpgradeKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
