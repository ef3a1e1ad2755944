package archfixture.sim;

/** Broken on purpose (ArchitectureRulesTest): a renderer inside the engine. */
public final class EventText {
    public String render(int node) {
        return "node " + node + " is up";
    }
}
