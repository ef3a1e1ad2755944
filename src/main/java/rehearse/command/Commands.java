package rehearse.command;

import java.util.List;
import java.util.stream.Collectors;

/** Commands made by the program (plan steps, menus), with the text a journal and transcript show. */
public final class Commands {
    private Commands() {}

    /** A command that injects a fault (a node, an upgrade, a join, a resource): the report's and the what-if's one test. */
    public static boolean isFault(Command c) {
        return c instanceof Command.FailNode || c instanceof Command.FailUpgrade || c instanceof Command.FailJoin
                || c instanceof Command.FailResource;
    }

    private static String q(String name) {
        return Quote.name(name);
    }

    public static Command.Pause pause(String node) {
        return new Command.Pause("pause " + q(node), node);
    }

    public static Command.Resume resume(String node) {
        return new Command.Resume("resume " + q(node), node);
    }

    public static Command.Restore restore(String node) {
        return new Command.Restore("restore " + q(node), node);
    }

    public static Command.Upgrade upgrade(String node, String config) {
        return new Command.Upgrade("upgrade " + q(node) + " to " + q(config), node, config);
    }

    public static Command.Move move(String group, String node) {
        return new Command.Move("move " + q(group) + " to " + q(node), group, node);
    }

    public static Command.MoveAll moveAll(String from, String to) {
        return new Command.MoveAll("move all from " + q(from) + " to " + q(to), from, to);
    }

    public static Command.Online online(Command.Scope scope, String name) {
        return new Command.Online("online " + scopeWord(scope) + q(name), scope, name);
    }

    public static Command.Offline offline(Command.Scope scope, String name) {
        return new Command.Offline("offline " + scopeWord(scope) + q(name), scope, name);
    }

    public static Command.Owners owners(String resource, List<String> nodes) {
        return new Command.Owners("owners " + q(resource) + " " + nodes.stream().map(Quote::name).collect(Collectors.joining(" ")),
                resource, nodes);
    }

    public static Command.Failback failback(String group, boolean on) {
        return new Command.Failback("failback " + q(group) + (on ? " on" : " off"), group, on);
    }

    public static Command.Remove remove(String resource) {
        return new Command.Remove("remove resource " + q(resource), resource);
    }

    public static Command.Recreate recreate(String resource) {
        return new Command.Recreate("recreate resource " + q(resource), resource);
    }

    public static Command.AckPreflight ackPreflight() {
        return new Command.AckPreflight("ack preflight");
    }

    public static Command.Target target(String config) {
        return new Command.Target("target " + q(config), config);
    }

    public static Command.FailNode failNode(String node) {
        return new Command.FailNode("fail node " + q(node), node, 0);
    }

    public static Command.FailUpgrade failUpgrade(String node) {
        return new Command.FailUpgrade("fail upgrade " + q(node), node);
    }

    public static Command.FailJoin failJoin(String node) {
        return new Command.FailJoin("fail join " + q(node), node);
    }

    public static Command.FailResource failResource(String resource, int times) {
        return new Command.FailResource("fail resource " + q(resource) + (times > 1 ? " times " + times : ""), resource, times);
    }

    /** Back to the moment the clock read {@code ms}. */
    public static Command.RewindTo rewindTo(long ms) {
        return new Command.RewindTo("rewind to " + time(ms), ms);
    }

    /** Back before the last {@code commands} commands that acted. */
    public static Command.RewindBack rewindBack(int commands) {
        return new Command.RewindBack("rewind " + commands, commands);
    }

    /** A time as {@code rewind to} reads it back exactly: {@code H:MM:SS}, and milliseconds when there are any. */
    public static String time(long ms) {
        long s = ms / 1000;
        String base = String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        return ms % 1000 == 0 ? base : base + String.format(java.util.Locale.ROOT, ".%03d", ms % 1000);
    }

    private static String scopeWord(Command.Scope scope) {
        return switch (scope) {
            case GROUP -> "group ";
            case RESOURCE -> "resource ";
            case EITHER -> "";
        };
    }
}
