package archfixture.base;

import archfixture.model.Node;

/** Broken on purpose (ArchitectureRulesTest): base using a layer. */
public final class Helper {
    public int exitCode(Node n) {
        return n.exitCode();
    }
}
