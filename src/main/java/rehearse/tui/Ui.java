package rehearse.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rehearse.command.ParseException;
import rehearse.io.Printable;
import rehearse.matrix.Configuration;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.NodeState;
import rehearse.model.Resource;
import rehearse.plan.HopSteps;
import rehearse.plan.PlanStep;
import rehearse.plan.Planner;
import rehearse.plan.UpgradePath;
import rehearse.sim.Clock;
import rehearse.sim.Event;
import rehearse.sim.Outcome;
import rehearse.sim.PlanState;
import rehearse.sim.Report;
import rehearse.sim.Session;

/**
 * The full-screen UI's state and its update function: keys and clock ticks in, commands of
 * the command language out to the session. No terminal here; {@link Render} draws it and
 * {@link App} owns the terminal.
 */
public final class Ui {
    public enum Pane { NODES, PLAN, LOG }

    public enum Overlay { NONE, HELP, TARGET, MATRIX, MENU, PROMPT, CONFIRM_QUIT, PREFLIGHT }

    /** One line of a menu: what it shows and the command it submits (null: not selectable). */
    public record MenuItem(String label, String command) {}

    /** Simulated seconds per real second; 0 is "instant". */
    public static final long[] SPEEDS = {1, 10, 60, 300, 1800, 0};
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
    PlanStep watching;
    String afterPreflight;
    boolean quit;
    boolean fullRedraw;
    java.nio.file.Path reportPath;
    long windowMs = 2 * 3_600_000L;

    public Ui(Session session, Theme theme) {
        this.session = session;
        this.theme = theme;
        note("SIMULATION of cluster " + Printable.clean(session.engine().cluster().name()) + ": press t to choose a target, ? for help");
        if (session.engine().busy()) {
            // Resumed in the middle of a step: show where it stopped; the operator decides when it goes on.
            paused = true;
            note("resumed at " + Clock.format(session.engine().now()) + " with a step under way: p continues playback");
        }
    }

    public Session session() {
        return session;
    }

    /** Where the export key writes the rehearsal report, and the maintenance window it judges against. */
    public void reportTo(java.nio.file.Path path, long window) {
        this.reportPath = path;
        this.windowMs = window;
    }

    private void exportReport() {
        if (reportPath == null) {
            error("no report file: start with --report FILE");
            return;
        }
        try {
            java.nio.file.Files.writeString(reportPath, rehearse.report.RehearsalReport.markdown(session, windowMs));
            note("report written to " + reportPath);
        } catch (java.io.IOException e) {
            error("cannot write the report: " + e.getMessage());
        }
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Playback has work to do: a step under way, or more steps of a run to start. */
    public boolean animating() {
        if (paused) return false;
        return session.engine().busy() || (runAll && session.plan().map(p -> !p.done()).orElse(false));
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
                    submit("ack preflight");
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
        if (t == KeyType.Tab) pane = Pane.values()[(pane.ordinal() + 1) % 3];
        else if (t == KeyType.ReverseTab) pane = Pane.values()[(pane.ordinal() + 2) % 3];
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
        int n = session.engine().cluster().nodes().size();
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
        Cluster c = session.engine().cluster();
        return c.groupsOwnedBy(c.nodes().get(column).name()).size();
    }

    Node selectedNode() {
        Cluster c = session.engine().cluster();
        return c.nodes().get(Math.min(nodeColumn, c.nodes().size() - 1));
    }

    Optional<Group> selectedGroup() {
        if (row == 0) return Optional.empty();
        List<Group> owned = session.engine().cluster().groupsOwnedBy(selectedNode().name());
        return row - 1 < owned.size() ? Optional.of(owned.get(row - 1)) : Optional.empty();
    }

    /** Keeps the selection on a real row after groups moved away. */
    void clampSelection() {
        int n = session.engine().cluster().nodes().size();
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
        while (menuIndex < menu.size() - 1 && menu.get(menuIndex).command() == null) menuIndex++;
        overlay = Overlay.MENU;
    }

    private void menuKey(KeyStroke k) {
        KeyType t = k.getKeyType();
        if (t == KeyType.Escape || isChar(k, 'q')) {
            overlay = Overlay.NONE;
        } else if (t == KeyType.ArrowUp || isChar(k, 'k')) {
            for (int i = menuIndex - 1; i >= 0; i--) if (menu.get(i).command() != null) {
                menuIndex = i;
                break;
            }
        } else if (t == KeyType.ArrowDown || isChar(k, 'j')) {
            for (int i = menuIndex + 1; i < menu.size(); i++) if (menu.get(i).command() != null) {
                menuIndex = i;
                break;
            }
        } else if (t == KeyType.Enter && !menu.isEmpty()) {
            MenuItem item = menu.get(menuIndex);
            if (item.command() == null) return;
            overlay = Overlay.NONE;
            if (item.command().startsWith("ui:expand ")) {
                String g = item.command().substring("ui:expand ".length());
                if (!expanded.remove(g)) expanded.add(g);
            } else {
                submit(item.command());
            }
        }
    }

    private void actions() {
        if (pane != Pane.NODES) return;
        Cluster c = session.engine().cluster();
        Node node = selectedNode();
        String n = HopSteps.quote(node.name());
        List<MenuItem> items = new ArrayList<>();
        Optional<Group> group = selectedGroup();
        if (group.isPresent()) {
            Group g = group.get();
            String q = HopSteps.quote(g.name());
            for (Node other : c.nodes()) {
                if (!other.name().equals(g.owner())) {
                    items.add(new MenuItem("Move to " + Printable.clean(other.name()) + " (" + other.state().label() + ")",
                            "move " + q + " to " + HopSteps.quote(other.name())));
                }
            }
            items.add(new MenuItem("Bring online", "online group " + q));
            items.add(new MenuItem("Take offline", "offline group " + q));
            items.add(new MenuItem(expanded.contains(g.name()) ? "Hide resources" : "Show resources", "ui:expand " + g.name()));
            for (Resource r : g.resources()) {
                if (!r.isIis()) continue;
                for (Node other : c.nodes()) {
                    items.add(new MenuItem("Possible owners of " + Printable.clean(r.name()) + ": only " + Printable.clean(other.name()),
                            "owners " + HopSteps.quote(r.name()) + " " + HopSteps.quote(other.name())));
                }
                items.add(new MenuItem("Possible owners of " + Printable.clean(r.name()) + ": every node",
                        "owners " + HopSteps.quote(r.name()) + " " + String.join(" ", c.nodeNames().stream().map(HopSteps::quote).toList())));
            }
            openMenu("Group " + Printable.clean(g.name()) + " on " + Printable.clean(g.owner()), items);
            return;
        }
        items.add(new MenuItem("Pause", node.state() == NodeState.UP ? "pause " + n : null));
        items.add(new MenuItem("Resume", node.state() == NodeState.PAUSED ? "resume " + n : null));
        items.add(new MenuItem("Restore (bring back at its configuration)", node.state() == NodeState.DOWN ? "restore " + n : null));
        for (var u : session.engine().matrix().upgrades()) {
            if (u.from().equals(node.config())) {
                items.add(new MenuItem("Upgrade to " + u.to().label() + " (" + u.kind().word() + ")",
                        "upgrade " + n + " to " + HopSteps.quote(u.to().label())));
            }
        }
        items.add(new MenuItem("Move all its groups to " + "another node:", null));
        for (Node other : c.nodes()) {
            if (!other.name().equals(node.name())) {
                items.add(new MenuItem("  to " + Printable.clean(other.name()), "move all from " + n + " to " + HopSteps.quote(other.name())));
            }
        }
        openMenu("Node " + Printable.clean(node.name()) + " (" + node.state().label() + ", " + node.config().label() + ")", items);
    }

    private void targetPicker() {
        Configuration present = session.engine().presentConfiguration();
        Planner planner = new Planner(session.engine().matrix());
        List<MenuItem> items = new ArrayList<>();
        for (Configuration c : session.engine().matrix().configurations()) {
            UpgradePath p = planner.plan(present, c);
            String label;
            String cmd = null;
            if (c.equals(present)) label = c.label() + "   (present configuration)";
            else if (!p.reachable()) {
                label = c.label() + "   unreachable: " + (p.reason().contains("downgrade")
                        ? "a downgrade; the tables only go forward" : p.reason());
            }
            else {
                label = c.label() + "   " + (p.offlineHops() == 0 ? "rolling only" : "needs " + p.offlineHops() + " standard hop"
                        + (p.offlineHops() == 1 ? "" : "s")) + ", " + p.hops().size() + " hop" + (p.hops().size() == 1 ? "" : "s");
                cmd = "target " + HopSteps.quote(c.label());
            }
            items.add(new MenuItem(label, cmd));
        }
        openMenu("Choose the target configuration (from " + present.label() + ")", items);
        overlay = Overlay.TARGET;
    }

    private void faultMenu() {
        Cluster c = session.engine().cluster();
        List<MenuItem> items = new ArrayList<>();
        for (Node n : c.nodes()) {
            String q = HopSteps.quote(n.name());
            items.add(new MenuItem("Fail node " + Printable.clean(n.name()), n.state() == NodeState.DOWN ? null : "fail node " + q));
            items.add(new MenuItem("Fail the next upgrade of " + Printable.clean(n.name()), "fail upgrade " + q));
            items.add(new MenuItem("Refuse the next join of " + Printable.clean(n.name()), "fail join " + q));
        }
        List<Resource> resources = new ArrayList<>();
        Optional<Group> g = selectedGroup();
        if (g.isPresent()) resources.addAll(g.get().resources());
        else for (Group each : c.groups()) for (Resource r : each.resources()) if (r.isIis()) resources.add(r);
        for (Resource r : resources) {
            items.add(new MenuItem("Fail resource " + Printable.clean(r.name()), "fail resource " + HopSteps.quote(r.name())));
            items.add(new MenuItem("Fail resource " + Printable.clean(r.name()) + " 4 times (past the restart threshold)",
                    "fail resource " + HopSteps.quote(r.name()) + " times 4"));
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
        String word = line.trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        if (word.equals("step") && line.trim().equalsIgnoreCase("step")) nextStep();
        else if (word.equals("run") && line.trim().equalsIgnoreCase("run")) startRun();
        else submit(line);
    }

    // ------------------------------------------------------------------ steps and playback

    private void nextStep() {
        Optional<PlanState> plan = session.plan();
        if (plan.isEmpty()) {
            error("no target yet: press t to choose one");
            return;
        }
        if (plan.get().done()) {
            note("the plan is complete");
            return;
        }
        if (session.engine().busy()) {
            error("a step is under way; wait for it (p pauses, + speeds up)");
            return;
        }
        PlanStep next = plan.get().next();
        if (!session.engine().preflightAcknowledged() && next.commands().stream().anyMatch(c -> c.startsWith("upgrade "))) {
            afterPreflight = "step";
            overlay = Overlay.PREFLIGHT;
            return;
        }
        watching = next;
        paused = false;
        Outcome o = submit("step");
        if (o.refused()) {
            watching = null;
            runAll = false;
        }
    }

    private void startRun() {
        if (session.plan().isEmpty()) {
            error("no target yet: press t to choose one");
            return;
        }
        if (!session.engine().preflightAcknowledged()) {
            afterPreflight = "run";
            overlay = Overlay.PREFLIGHT;
            return;
        }
        runAll = true;
        paused = false;
        if (!session.engine().busy()) nextStep();
    }

    /**
     * Advances the simulated clock for {@code realMs} of playback: {@link #speed()} simulated
     * seconds per real second, but never past the next event, so every change gets a frame.
     */
    public void tick(long realMs) {
        if (paused) return;
        var e = session.engine();
        if (e.busy()) {
            long target;
            if (speed() == 0) {
                target = e.now();
                while (e.busy()) {
                    target = e.nextEventTime();
                    logEvents(session.advanceTo(target));
                }
            } else {
                target = Math.min(e.nextEventTime(), e.now() + Math.max(1, speed() * realMs));
                logEvents(session.advanceTo(target));
            }
            clampSelection();
            if (e.busy()) return;
        }
        stepSettled();
    }

    private void stepSettled() {
        session.markClock();
        if (watching != null) {
            Optional<String> nogo = Report.checkStep(session.engine(), watching);
            watching = null;
            if (nogo.isPresent()) {
                runAll = false;
                error("no-go: " + nogo.get());
                return;
            }
        }
        if (runAll) {
            if (session.plan().map(PlanState::done).orElse(true)) {
                runAll = false;
                note("plan complete: every node is at " + session.plan().get().path().to().label());
            } else {
                nextStep();
            }
        } else if (session.plan().map(PlanState::done).orElse(false) && session.history().size() > 0) {
            note("plan complete: every node is at " + session.plan().get().path().to().label());
        }
    }

    /** Submits one line of the command language, as typed at the prompt or chosen from a menu. */
    Outcome submit(String line) {
        Session.Result r;
        try {
            Optional<Session.Result> res = session.submit(line, false);
            if (res.isEmpty()) return Outcome.accepted();
            r = res.get();
        } catch (ParseException e) {
            error("prompt:1:" + e.column() + ": " + e.getMessage());
            return Outcome.refused(e.getMessage());
        }
        log.add("        > " + Printable.clean(r.command().text()));
        logEvents(r.events());
        Outcome o = r.outcome();
        if (o.refused()) error("refused: " + o.message());
        else if (o.kind() == Outcome.Kind.FAILED) error("expectation failed: " + o.message());
        else if (!o.message().isEmpty()) note(o.message());
        else note("");
        if (!r.output().isEmpty()) for (String l : r.output().split("\n")) log.add("          " + Printable.clean(l));
        trimLog();
        clampSelection();
        return o;
    }

    private void logEvents(List<Event> events) {
        for (Event e : events) log.add(String.format("%8s  %s", Clock.format(e.time()), Printable.clean(e.describe())));
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
