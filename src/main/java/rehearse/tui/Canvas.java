package rehearse.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Where the view writes: text escaped, measured in columns and cut to fit, in the theme's characters. */
final class Canvas {
    final TextGraphics g;
    final Theme t;
    final int w;
    final int h;

    Canvas(TextGraphics g, Theme t, int w, int h) {
        this.g = g;
        this.t = t;
        this.w = w;
        this.h = h;
    }

    void reset() {
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.clearModifiers();
    }

    Canvas style(SGR... s) {
        g.enableModifiers(s);
        return this;
    }

    Canvas color(TextColor c) {
        g.setForegroundColor(c);
        return this;
    }

    TextColor good() {
        return t.color() ? TextColor.ANSI.GREEN : TextColor.ANSI.DEFAULT;
    }

    TextColor caution() {
        return t.color() ? TextColor.ANSI.YELLOW : TextColor.ANSI.DEFAULT;
    }

    /** The text cut to the screen's right edge. Returns the column after it. */
    int text(int x, int y, String s) {
        return text(x, y, s, w - x);
    }

    /** The text in at most {@code width} columns. Returns the column after it. */
    int text(int x, int y, String s, int width) {
        if (y < 0 || y >= h || x >= w || x < 0 || width <= 0) return x;
        String fitted = Cells.fit(Cells.safe(s, t.unicode()), Math.min(width, w - x));
        g.putString(x, y, fitted);
        return x + Cells.width(fitted);
    }

    /** The text padded with spaces to exactly {@code width} columns. */
    void padded(int x, int y, String s, int width) {
        if (y < 0 || y >= h || x >= w || width <= 0) return;
        g.putString(x, y, Cells.pad(Cells.safe(s, t.unicode()), Math.min(width, w - x)));
    }

    /** A line character repeated (the theme's own, not escaped). */
    void repeat(int x, int y, char c, int n) {
        if (y < 0 || y >= h || n <= 0) return;
        for (int i = 0; i < n && x + i < w; i++) g.setCharacter(x + i, y, c);
    }
}
