package rehearse.report;

import rehearse.base.Printable;

/** Text from input (names, commands) made safe for Markdown: no control characters, no table or code breaks. */
final class Markdown {
    private Markdown() {}

    /** For a table cell or running text. */
    static String cell(String s) {
        return Printable.clean(s).replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("<", "&lt;");
    }

    /** For a code span inside a table cell: what would end the span or the cell is changed. */
    static String codeInCell(String s) {
        return code(s).replace("|", "\\|");
    }

    /** For a fenced code block of several lines: line ends kept, a backtick (which could close the fence) changed. */
    static String block(String s) {
        return Printable.cleanLines(s).replace("`", "'");
    }

    /** For inside a code span or block: only what would end it is changed. */
    static String code(String s) {
        return Printable.clean(s).replace("`", "'");
    }
}
