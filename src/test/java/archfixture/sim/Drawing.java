package archfixture.sim;

import com.googlecode.lanterna.TextColor;

/** Broken on purpose (ArchitectureRulesTest): a core class that imports Lanterna. */
public final class Drawing {
    public TextColor colour() {
        return TextColor.ANSI.RED;
    }
}
