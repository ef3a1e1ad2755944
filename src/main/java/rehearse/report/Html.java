package rehearse.report;

import rehearse.base.Printable;

/** Text from input made safe for HTML and SVG, in element content and in quoted attributes alike. */
final class Html {
    private Html() {}

    static String text(String s) {
        StringBuilder out = new StringBuilder();
        Printable.cleanLines(s).codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
