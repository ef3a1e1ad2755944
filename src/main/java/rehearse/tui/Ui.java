package rehearse.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rehearse.command.ParseException;
import rehearse.base.Printable;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.command.Command;
import rehearse.command.CommandParser;
import rehearse.command.Commands;
import rehearse.plan.NoGo;
import rehearse.plan.Plan;
import rehearse.plan.RunActions;
import rehearse.plan.Targets;
import rehearse.plan.UpgradePath;
import rehearse.session.Outcome;
import rehearse.session.Session;
import rehearse.sim.Event;
import rehearse.sim.State;
import rehearse.text.Clock;
import rehearse.text.Events;
import rehearse.text.Outcomes;
import rehearse.text.Refusals;
import rehearse.text.Transcript;

/**
 * The full-screen UI's state and its update function: keys and clock ticks in, commands of
 * the command language out to the session. No terminal here; {@link Render} draws it and
 * {@link App} owns the terminal.
 */
public final class Ui {
    public enum Pane { NODES, PLAN, LOG }

    public enum Overlay { NONE, HELP, TARGET, MATRIX, MENU, PROMPT, CONFIRM_QUIT, PREFLIGHT }

    /** What choosing a menu line does. */
    public sealed interface MenuAction {}

    /** Submits a command of the language, as if typed at the prompt. */
    public record Submit(Command command) implements MenuAction {}

    /** Shows or hides a group's resources. */
    public record Expand(String group) implements MenuAction {}

    /** One line of a menu: what it shows and what it does (null: a heading, not selectable). */
    public record MenuItem(String label, MenuAction action) {
        static MenuItem of(String label, Command c) {
            return new MenuItem(label, c == null ? null : new Submit(c));
        }

        boolean selectable() {
            return action != null;
        }
    }

    /** Real milliseconds of playback between two records of the clock in the journal. */
    static final long CLOCK_MARK_MS = 1000;

    /** Simulated seconds per real second; 0 is "instant". */
    private static final long[] SPEEDS = {1, 10, 60, 300, 1800, 0};
    static final int LOG_LIMIT = 5000;

    final Session session;
    final Theme theme;
    Pane pane = Pane.NODES;
    int nodeColumn;
    int row;
    final Set<String> expanded = new HashSet<>();
    int logScroll;
    final List<String> log = new ArrayList<>();
    Overlay overlay = Overlay.NONE;
    String menuTitle = "";
    List<MenuItem> menu = List.of();
    int menuIndex;
    final StringBuilder prompt = new StringBuilder();
    final List<String> promptHistory = new ArrayList<>();
    int promptHistoryIndex;
    String message = "";
    boolean messageIsError;
    int speedIndex = 3;
    boolean paused;
    boolean runAll;
    String afterPreflight;
    boolean quit;
    boolean fullRedraw;
    java.nio.file.Path reportPath;
    long windowMs = 2 * 3_600_000L;
    List<java.nio.file.Path> reportInputs = List.of();
    private long sinceClockMark;

    public Ui(Session session, Theme theme) {
        this.session = session;
        this.theme = theme;
        note("SIMULATION of cluster " + Printable.clean(session.state().cluster().name()) + ": press t to choose a target, ? for help");
        if (session.state().busy()) {
            // Resumed in the middle of a step: show where it stopped; the operator decides when it goes on.
            paused = true;
            note("resumed at " + Clock.format(session.state().clock()) + " with a step under way: p continues playback");
        }
    }

    public Session session() {
        return session;
    }

    /** Where the export key writes the rehearsal report, and the maintenance window it judges against. */
    public void reportTo(java.nio.file.Path path, long window, java.util.Collection<java.nio.file.Path> inputs) {
        this.reportPath = path;
        this.windowMs = window;
        this.reportInputs = List.copyOf(inputs.stream().filter(java.util.Objects::nonNull).toList());
    }

    /** As --report writes: a temporary file renamed over the place, never through a link, over a pipe or an input. */
    private void exportReport() {
        if (reportPath == null) {
            error("no report file: start with --report FILE");
            return;
        }
        try {
            rehearse.io.OutputFile.write(reportPath, rehearse.report.RehearsalReport.markdown(session, windowMs), reportInputs);
            note("report written to " + Printable.clean(reportPath.toString()));
        } catch (rehearse.io.OutputFile.Refused e) {
            error("cannot write the report " + Printable.clean(reportPath.toString()) + ": " + e.getMessage());
        }
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Playback has work to do: a step under way, or more steps of a run to start. */
    public boolean animating() {
        if (paused) return false;
        return session.state().busy() || (runAll && session.plan().map(p -> !p.complete()).orElse(false));
    }

    /** Something was started and not finished: quitting needs a confirmation. */
    public boolean underWay() {
        return session.underWay();
    }

    public long speed() {
        return SPEEDS[speedIndex];
    }

    public boolean takeFullRedraw() {
        boolean f = fullRedraw;
        fullRedraw = false;
        return f;
    }

    // ------------------------------------------------------------------ keys

    public void handle(KeyStroke k) {
        if (k == null) return;
        if (k.getKeyType() == KeyType.EOF) {
            quit = true;
            return;
        }
        if (k.getKeyType() == KeyType.Character && k.isAltDown() && !k.isCtrlDown()) {
            // Esc then a key in quick succession (or over a slow link) arrives as Alt+key: mean both.
            handle(new KeyStroke(KeyType.Escape));
            handle(new KeyStroke(k.getCharacter(), false, false));
            return;
        }
        if (isCtrl(k, 'l')) {
            fullRedraw = true;
            return;
        }
        if (isCtrl(k, 'c')) {
            requestQuit();
            return;
        }
        switch (overlay) {
            case NONE -> main(k);
            case HELP, MATRIX -> {
                if (k.getKeyType() == KeyType.Escape || isChar(k, 'q') || isChar(k, '?') || isChar(k, 'm')
                        || k.getKeyType() == KeyType.Enter) overlay = Overlay.NONE;
            }
            case TARGET, MENU -> menuKey(k);
            case PROMPT -> promptKey(k);
            case CONFIRM_QUIT -> {
                if (isChar(k, 'y') || isChar(k, 'Y') || isChar(k, 'q')) quit = true;
                else if (k.getKeyType() == KeyType.Escape || isChar(k, 'n') || isChar(k, 'N')) overlay = Overlay.NONE;
            }
            case PREFLIGHT -> {
                if (isChar(k, 'y') || isChar(k, 'Y')) {
                    overlay = Overlay.NONE;
                    submit(Commands.ackPreflight());
                    String then = afterPreflight;
                    afterPreflight = null;
                    if ("run".equals(then)) startRun();
                    else if ("step".equals(then)) nextStep();
                } else if (k.getKeyType() == KeyType.Escape || isChar(k, 'n') || isChar(k, 'N')) {
                    overlay = Overlay.NONE;
                    afterPreflight = null;
                    runAll = false;
                    note("pre-flight checklist not acknowledged; nothing was upgraded");
                }
            }
        }
    }

    private void main(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Tab) pane = switch (pane) { case NODES -> Pane.PLAN; case PLAN -> Pane.LOG; case LOG -> Pane.NODES; };
        else if (t == KeyType.ReverseTab) pane = switch (pane) { case NODES -> Pane.LOG; case PLAN -> Pane.NODES; case LOG -> Pane.PLAN; };
        else if (t == KeyType.ArrowLeft || isChar(k, 'h')) moveColumn(-1);
        else if (t == KeyType.ArrowRight || isChar(k, 'l')) moveColumn(1);
        else if (t == KeyType.ArrowUp || isChar(k, 'k')) moveRow(-1);
        else if (t == KeyType.ArrowDown || isChar(k, 'j')) moveRow(1);
        else if (t == KeyType.PageUp) logScroll += 5;
        else if (t == KeyType.PageDown) logScroll = Math.max(0, logScroll - 5);
        else if (t == KeyType.Enter) actions();
        else if (t == KeyType.Escape) message = "";
        else if (isChar(k, '?')) overlay = Overlay.HELP;
        else if (isChar(k, 'q')) requestQuit();
        else if (isChar(k, 't')) targetPicker();
        else if (isChar(k, 'm')) overlay = Overlay.MATRIX;
        else if (isChar(k, 'n') || isChar(k, ' ')) nextStep();
        else if (isChar(k, 'r')) startRun();
        else if (isChar(k, 'p')) {
            paused = !paused;
            if (paused) session.markClock();
            note(paused ? "playback paused (p resumes)" : "playback resumed");
        } else if (isChar(k, '+') || isChar(k, '=')) speedIndex = Math.min(SPEEDS.length - 1, speedIndex + 1);
        else if (isChar(k, '-') || isChar(k, '_')) speedIndex = Math.max(0, speedIndex - 1);
        else if (isChar(k, 'f')) faultMenu();
        else if (isChar(k, 'e')) toggleExpand();
        else if (isChar(k, 'x')) exportReport();
        else if (isChar(k, ':')) {
            overlay = Overlay.PROMPT;
            prompt.setLength(0);
            promptHistoryIndex = promptHistory.size();
        }
    }

    private void requestQuit() {
        if (underWay()) overlay = Overlay.CONFIRM_QUIT;
        else quit = true;
    }

    private void moveColumn(int d) {
        if (pane != Pane.NODES) return;
        int n = session.state().cluster().nodes().size();
        nodeColumn = Math.max(0, Math.min(n - 1, nodeColumn + d));
        row = Math.min(row, rowsOf(nodeColumn));
    }

    private void moveRow(int d) {
        if (pane == Pane.LOG) {
            logScroll = Math.max(0, Math.min(Math.max(0, log.size() - 1), logScroll - d));
            return;
        }
        if (pane != Pane.NODES) return;
        row = Math.max(0, Math.min(rowsOf(nodeColumn), row + d));
    }

    /** Selectable rows of a node column: its header (0) and one per group it owns. */
    int rowsOf(int column) {
        Cluster c = session.state().cluster();
        return c.groupsOwnedBy(c.nodes().get(column).name()).size();
    }

    Node selectedNode() {
        Cluster c = session.state().cluster();
        return c.nodes().get(Math.min(nodeColumn, c.nodes().size() - 1));
    }

    Optional<Group> selectedGroup() {
        if (row == 0) return Optional.empty();
        List<Group> owned = session.state().cluster().groupsOwnedBy(selectedNode().name());
        return row - 1 < owned.size() ? Optional.of(owned.get(row - 1)) : Optional.empty();
    }

    /** Keeps the selection on a real row after groups moved away. */
    void clampSelection() {
        int n = session.state().cluster().nodes().size();
        nodeColumn = Math.max(0, Math.min(n - 1, nodeColumn));
        row = Math.max(0, Math.min(rowsOf(nodeColumn), row));
    }

    private void toggleExpand() {
        selectedGroup().ifPresent(g -> {
            if (!expanded.remove(g.name())) expanded.add(g.name());
        });
    }

    // ------------------------------------------------------------------ menus

    private void openMenu(String title, List<MenuItem> items) {
        menuTitle = title;
        menu = items;
        menuIndex = 0;
        while (menuIndex < menu.size() - 1 && !menu.get(menuIndex).selectable()) menuIndex++;
        overlay = Overlay.MENU;
    }

    private void menuKey(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Escape || isChar(k, 'q')) {
            overlay = Overlay.NONE;
        } else if (t == KeyType.ArrowUp || isChar(k, 'k')) {
            for (int i = menuIndex - 1; i >= 0; i--) if (menu.get(i).selectable()) {
                menuIndex = i;
                break;
            }
        } else if (t == KeyType.ArrowDown || isChar(k, 'j')) {
            for (int i = menuIndex + 1; i < menu.size(); i++) if (menu.get(i).selectable()) {
                menuIndex = i;
                break;
            }
        } else if (t == KeyType.Enter && !menu.isEmpty()) {
            MenuItem item = menu.get(menuIndex);
            if (!item.selectable()) return;
            overlay = Overlay.NONE;
            if (item.action() instanceof Expand e) {
                if (!expanded.remove(e.group())) expanded.add(e.group());
            } else if (item.action() instanceof Submit sub) {
                submit(sub.command());
            }
        }
    }

    private void actions() {
        if (pane != Pane.NODES) return;
        Cluster c = session.state().cluster();
        Node node = selectedNode();
        List<MenuItem> items = new ArrayList<>();
        Optional<Group> group = selectedGroup();
        if (group.isPresent()) {
            Group g = group.get();
            for (Node other : c.nodes()) {
                if (!other.name().equals(g.owner())) {
                    items.add(MenuItem.of("Move to " + Printable.clean(other.name()) + " (" + other.state().label() + ")",
                            Commands.move(g.name(), other.name())));
                }
            }
            items.add(MenuItem.of("Bring online", Commands.online(Command.Scope.GROUP, g.name())));
            items.add(MenuItem.of("Take offline", Commands.offline(Command.Scope.GROUP, g.name())));
            items.add(new MenuItem(expanded.contains(g.name()) ? "Hide resources" : "Show resources", new Expand(g.name())));
            for (Resource r : g.resources()) {
                if (!r.isIis()) continue;
                for (Node other : c.nodes()) {
                    items.add(MenuItem.of("Possible owners of " + Printable.clean(r.name()) + ": only " + Printable.clean(other.name()),
                            Commands.owners(r.name(), List.of(other.name()))));
                }
                items.add(MenuItem.of("Possible owners of " + Printable.clean(r.name()) + ": every node",
                        Commands.owners(r.name(), c.nodeNames())));
            }
            openMenu("Group " + Printable.clean(g.name()) + " on " + Printable.clean(g.owner()), items);
            return;
        }
        items.add(MenuItem.of("Pause", node.state() == NodeState.UP ? Commands.pause(node.name()) : null));
        items.add(MenuItem.of("Resume", node.state() == NodeState.PAUSED ? Commands.resume(node.name()) : null));
        items.add(MenuItem.of("Restore (bring back at its configuration)", node.state() == NodeState.DOWN
                ? Commands.restore(node.name()) : null));
        for (var u : session.state().matrix().upgrades()) {
            if (u.from().equals(node.config())) {
                items.add(MenuItem.of("Upgrade to " + u.to().label() + " (" + u.kind().word() + ")",
                        Commands.upgrade(node.name(), u.to().label())));
            }
        }
        items.add(new MenuItem("Move all its groups to another node:", null));
        for (Node other : c.nodes()) {
            if (!other.name().equals(node.name())) {
                items.add(MenuItem.of("  to " + Printable.clean(other.name()), Commands.moveAll(node.name(), other.name())));
            }
        }
        openMenu("Node " + Printable.clean(node.name()) + " (" + node.state().label() + ", " + node.config().label() + ")", items);
    }

    private void targetPicker() {
        State st = session.state();
        Configuration present = Targets.present(st);
        List<MenuItem> items = new ArrayList<>();
        for (Configuration c : st.matrix().configurations()) {
            UpgradePath p = Targets.path(st, c);
            String label;
            Command cmd = null;
            if (c.equals(present)) label = c.label() + "   (present configuration)";
            else if (!p.reachable()) {
                label = c.label() + "   unreachable: " + (st.matrix().leadsTo(c, present)
                        ? "a downgrade; the tables only go forward" : p.reason());
            }
            else {
                label = c.label() + "   " + (p.offlineHops() == 0 ? "rolling only" : "needs " + p.offlineHops() + " standard hop"
                        + (p.offlineHops() == 1 ? "" : "s")) + ", " + p.hops().size() + " hop" + (p.hops().size() == 1 ? "" : "s");
                cmd = Commands.target(c.label());
            }
            items.add(MenuItem.of(label, cmd));
        }
        openMenu("Choose the target configuration (from " + present.label() + ")", items);
        overlay = Overlay.TARGET;
    }

    private void faultMenu() {
        Cluster c = session.state().cluster();
        List<MenuItem> items = new ArrayList<>();
        for (Node n : c.nodes()) {
            items.add(MenuItem.of("Fail node " + Printable.clean(n.name()), n.state() == NodeState.DOWN ? null : Commands.failNode(n.name())));
            items.add(MenuItem.of("Fail the next upgrade of " + Printable.clean(n.name()), Commands.failUpgrade(n.name())));
            items.add(MenuItem.of("Refuse the next join of " + Printable.clean(n.name()), Commands.failJoin(n.name())));
        }
        List<Resource> resources = new ArrayList<>();
        Optional<Group> g = selectedGroup();
        if (g.isPresent()) resources.addAll(g.get().resources());
        else for (Group each : c.groups()) for (Resource r : each.resources()) if (r.isIis()) resources.add(r);
        for (Resource r : resources) {
            items.add(MenuItem.of("Fail resource " + Printable.clean(r.name()), Commands.failResource(r.name(), 1)));
            items.add(MenuItem.of("Fail resource " + Printable.clean(r.name()) + " 4 times (past the restart threshold)",
                    Commands.failResource(r.name(), 4)));
        }
        openMenu("Inject a fault", items);
    }

    // ------------------------------------------------------------------ prompt

    private void promptKey(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Escape) {
            overlay = Overlay.NONE;
        } else if (t == KeyType.Enter) {
            overlay = Overlay.NONE;
            String line = prompt.toString();
            if (!line.isBlank()) {
                promptHistory.add(line);
                prompted(line);
            }
        } else if (t == KeyType.Backspace) {
            if (prompt.length() > 0) prompt.setLength(prompt.length() - 1);
        } else if (t == KeyType.ArrowUp && promptHistoryIndex > 0) {
            prompt.setLength(0);
            prompt.append(promptHistory.get(--promptHistoryIndex));
        } else if (t == KeyType.ArrowDown && promptHistoryIndex < promptHistory.size()) {
            promptHistoryIndex++;
            prompt.setLength(0);
            if (promptHistoryIndex < promptHistory.size()) prompt.append(promptHistory.get(promptHistoryIndex));
        } else if (t == KeyType.Character && !k.isCtrlDown() && !k.isAltDown() && prompt.length() < 500) {
            char c = k.getCharacter();
            if (!Printable.unsafe(c)) prompt.append(c);
        }
    }

    /** A line typed at the prompt; plan steps go through playback like n and r, so they are shown live. */
    private void prompted(String line) {
        Optional<Command> c;
        try {
            c = CommandParser.parse(line);
        } catch (ParseException e) {
            error("prompt:1:" + e.column() + ": " + e.getMessage());
            return;
        }
        if (c.isEmpty()) return;
        if (c.get() instanceof Command.Step) nextStep();
        else if (c.get() instanceof Command.Run) startRun();
        else submit(c.get());
    }

    // ------------------------------------------------------------------ steps and playback

    private void nextStep() {
        Optional<Plan> plan = session.plan();
        if (plan.isEmpty()) {
            error("no target yet: press t to choose one");
            return;
        }
        if (plan.get().complete()) {
            note("the plan is complete");
            return;
        }
        if (session.state().busy()) {
            error("a step is under way; wait for it (p pauses, + speeds up)");
            return;
        }
        Optional<Plan.Entry> next = plan.get().next();
        if (next.isPresent() && next.get().step().action() instanceof RunActions.Preflight) {
            afterPreflight = runAll ? "run" : "step";
            overlay = Overlay.PREFLIGHT;
            return;
        }
        paused = false;
        if (!submit(new Command.Step("step"))) runAll = false;
    }

    private void startRun() {
        if (session.plan().isEmpty()) {
            error("no target yet: press t to choose one");
            return;
        }
        if (!session.state().preflightAcknowledged()) {
            afterPreflight = "run";
            overlay = Overlay.PREFLIGHT;
            return;
        }
        runAll = true;
        paused = false;
        if (!session.state().busy()) nextStep();
    }

    /**
     * Advances the simulated clock for {@code realMs} of playback: {@link #speed()} simulated
     * seconds per real second, but never past the next event, so every change gets a frame.
     */
    public void tick(long realMs) {
        if (paused) return;
        State e = session.state();
        if (e.busy()) {
            // A journal gets where the clock stands at least once a second of playback: a kill -9
            // mid-step then resumes about here, not at the last command or event.
            sinceClockMark += realMs;
            if (sinceClockMark >= CLOCK_MARK_MS) {
                sinceClockMark = 0;
                session.markClock();
            }
            if (speed() == 0) {
                while (session.state().busy()) {
                    if (played(session.advanceTo(session.state().nextTimerAt()))) break;
                }
            } else {
                long target = Math.min(e.nextTimerAt(), e.clock() + Math.max(1, speed() * realMs));
                played(session.advanceTo(target));
            }
            clampSelection();
            if (session.state().busy()) return;
        }
        stepSettled();
    }

    /** Logs what playback brought; a failure that stops the step under way stops the run. True when it did. */
    private boolean played(Session.Advance a) {
        logEvents(a.events());
        if (a.noGo().isEmpty()) return false;
        runAll = false;
        error(Refusals.noGo(a.noGo().get()));
        return true;
    }

    private void stepSettled() {
        session.markClock();
        Optional<rehearse.plan.Step> finished = session.activeStep();
        Optional<NoGo> noGo = session.finishStep();
        if (noGo.isPresent()) {
            runAll = false;
            error(Refusals.noGo(noGo.get()));
            return;
        }
        boolean complete = session.plan().map(Plan::complete).orElse(false);
        if (runAll) {
            if (complete) {
                runAll = false;
                note("plan complete: every node is at " + session.plan().get().target().to().label());
            } else {
                nextStep();
            }
        } else if (complete && !session.history().isEmpty()) {
            note("plan complete: every node is at " + session.plan().get().target().to().label());
        } else if (finished.isPresent()) {
            note("done: " + rehearse.text.Steps.text(finished.get().action()));
        }
    }

    /** Submits one command, typed at the prompt or chosen from a menu; true when it was neither refused nor a failed expectation. */
    boolean submit(Command c) {
        Session.Result r = session.submit(c, false);
        log.add("        > " + Printable.clean(r.command().text()));
        logEvents(r.events());
        Outcome o = r.outcome();
        String words = Outcomes.of(o);
        if (o instanceof Outcome.Refused rf && rf.refusal() instanceof NoGo) error(words);
        else if (o.refused()) error("refused: " + words);
        else if (o.failed()) error("expectation failed: " + words);
        else note(words);
        if (o instanceof Outcome.Shown shown) {
            for (String l : Transcript.view(shown.view(), session).split("\n")) log.add("          " + Printable.clean(l));
        }
        trimLog();
        clampSelection();
        return o.ok();
    }

    private void logEvents(List<Event> events) {
        for (Event e : events) log.add(String.format(java.util.Locale.ROOT, "%8s  %s", Clock.format(e.time()), Printable.clean(Events.of(e))));
        trimLog();
    }

    private void trimLog() {
        while (log.size() > LOG_LIMIT) log.remove(0);
    }

    private void note(String m) {
        message = m;
        messageIsError = false;
    }

    private void error(String m) {
        message = m;
        messageIsError = true;
        if (!m.isEmpty()) log.add("          ! " + Printable.clean(m));
    }

    private static boolean isChar(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.getCharacter() == c && !k.isCtrlDown() && !k.isAltDown();
    }

    private static boolean isCtrl(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == c;
    }
}
