package rehearse.explore;

import rehearse.plan.Step;

/**
 * A fault and where it lands: before the step numbered {@code stepIndex} of the run it is
 * injected into (0 is the first), or while that step runs ({@code during}), at {@code atMs}.
 * {@code again}: the step had run before in that rehearsal, and the plan runs it again (after a
 * first fault, a node's upgrade step brings the node back).
 */
public record Injection(Fault fault, int stepIndex, Step step, long atMs, boolean during, boolean again) {}
