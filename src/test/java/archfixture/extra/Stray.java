package archfixture.extra;

/** Broken on purpose (ArchitectureRulesTest): a package README's Layout does not list. */
public final class Stray {}
