package rehearse.tui;

import java.util.List;
import rehearse.command.Command;
import rehearse.matrix.Configuration;

/** What lies over the main screen, if anything. */
public sealed interface Overlay {
    record None() implements Overlay {}

    /** A text to read: the key help, a view asked for at the prompt, a log line whole. {@code top}: first line shown. */
    record Pager(String title, List<String> lines, int top) implements Overlay {
        public Pager {
            lines = List.copyOf(lines);
        }

        Pager at(int line) {
            return new Pager(title, lines, line);
        }
    }

    /** The upgrade tables, scrolled to a row and column. */
    record Tables(int top, int left) implements Overlay {}

    enum Purpose { ACTIONS, TARGET, FAULTS, RECOVERY }

    record Menu(Purpose purpose, String title, List<MenuItem> items, int index) implements Overlay {
        public Menu {
            items = List.copyOf(items);
        }

        Menu at(int i) {
            return new Menu(purpose, title, items, i);
        }
    }

    /** One line of a menu: what it shows and what choosing it does ({@link Choice.Nothing}: a heading or an action the state does not allow). */
    record MenuItem(String label, Choice choice) {
        boolean selectable() {
            return !(choice instanceof Choice.Nothing);
        }
    }

    /** What choosing a menu line does: typed, never a string to interpret. */
    sealed interface Choice {
        record Submit(Command command) implements Choice {}

        record ChooseTarget(Configuration target) implements Choice {}

        record ToggleResources(String group) implements Choice {}

        /** Go on with the plan ('run'), as after a recovery. */
        record RunPlan() implements Choice {}

        record Nothing() implements Choice {}
    }

    record ConfirmQuit() implements Overlay {}

    /**
     * The what-if heat map: every fault at every step of the rest of the plan, explored from the
     * cluster as it was when the key was pressed ({@code on}, a value); {@code exploration} empty
     * while it is worked out ({@code done} of {@code total} scenarios), {@code failure} if that
     * failed; the cursor on a step ({@code row}) and a fault ({@code column}).
     */
    record WhatIf(rehearse.sim.State on, java.util.Optional<rehearse.explore.Exploration> exploration, int done, int total, String failure,
            int row, int column) implements Overlay {
        WhatIf at(int r, int c) {
            return new WhatIf(on, exploration, done, total, failure, r, c);
        }
    }

    /** The pre-flight checklist; then the step, or the whole run. */
    record Preflight(boolean thenRun) implements Overlay {}

    enum Line { COMMAND, SEARCH, EXPORT }

    /** The ':' command prompt, the '/' search prompt or the export key's file name; {@code history}: index in the prompt history. */
    record Prompt(Line kind, String text, int history) implements Overlay {}
}
