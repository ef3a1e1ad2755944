package rehearse.tui;

/** Where the panes go on a screen of {@code columns} x {@code rows}: nodes, plan, log, then two status lines. */
record Layout(int columns, int rows, int nodesTop, int nodesRows, int planTop, int planRows, int logTop, int logRows) {
    static final int MIN_COLUMNS = 80;
    static final int MIN_ROWS = 24;

    static Layout of(int columns, int rows) {
        int rest = Math.max(0, rows - 3);
        int nodes = Math.max(8, rest * 2 / 5);
        int plan = Math.max(7, rest * 3 / 10);
        int log = Math.max(2, rest - nodes - plan);
        return new Layout(columns, rows, 1, nodes, 1 + nodes, plan, 1 + nodes + plan, log);
    }

    static Layout of(Model.Size s) {
        return of(s.columns(), s.rows());
    }

    boolean tooSmall() {
        return columns < MIN_COLUMNS || rows < MIN_ROWS;
    }

    /** Lines of text under the plan's title. */
    int planLines() {
        return planRows - 1;
    }

    int logLines() {
        return logRows - 1;
    }

    /** Lines of text inside an overlay's box. */
    int boxLines() {
        return Math.max(1, rows - 4);
    }

    int boxWidth() {
        return Math.max(10, columns - 6);
    }
}
