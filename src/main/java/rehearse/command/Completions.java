package rehearse.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rehearse.matrix.Configuration;
import rehearse.matrix.UpgradeMatrix;
import rehearse.model.Cluster;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.model.Resource;

/**
 * What may come next in a line of the command language, from what is typed so far: keywords,
 * then the cluster's own names (quoted when they hold spaces) and configurations. After
 * {@code move GROUP to}, the nodes that can take the group now come first. The shell's
 * completer and the UI's prompt both ask here.
 */
public final class Completions {
    private Completions() {}

    /**
     * The candidates for the next word after {@code words}, most useful first; {@code rewindTimes}:
     * the moments a rewind can go back to, as the session offers them.
     */
    public static List<String> candidates(Cluster c, UpgradeMatrix matrix, List<String> rewindTimes, List<String> words) {
        if (words.isEmpty()) return CommandParser.VERBS;
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        int n = words.size();
        String last = words.get(n - 1).toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "target" -> n == 1 ? configurations(matrix) : List.of();
            case "move" -> {
                if (n == 1) {
                    List<String> l = new ArrayList<>(List.of("all"));
                    l.addAll(groups(c));
                    yield l;
                }
                if (words.get(1).equalsIgnoreCase("all")) {
                    if (n == 2) yield List.of("from");
                    if (n == 3 || last.equals("to")) yield nodes(c);
                    if (n == 4) yield List.of("to");
                    yield List.of();
                }
                if (n == 2) yield List.of("to");
                if (n == 3 && last.equals("to")) yield nodesFor(c, words.get(1));
                yield List.of();
            }
            case "upgrade" -> n == 1 ? nodes(c) : n == 2 ? List.of("to") : n == 3 ? configurations(matrix) : List.of();
            case "pause", "resume", "restore" -> n == 1 ? nodes(c) : List.of();
            case "online", "offline" -> {
                if (n == 1) {
                    List<String> l = new ArrayList<>(List.of("group", "resource"));
                    l.addAll(groups(c));
                    l.addAll(resources(c));
                    yield l;
                }
                if (n == 2 && last.equals("group")) yield groups(c);
                if (n == 2 && last.equals("resource")) yield resources(c);
                yield List.of();
            }
            case "owners" -> n == 1 ? resources(c) : nodes(c);
            case "failback" -> n == 1 ? groups(c) : n == 2 ? List.of("on", "off") : List.of();
            case "remove", "recreate" -> {
                if (n == 1) {
                    List<String> l = new ArrayList<>(List.of("resource"));
                    l.addAll(iisResources(c));
                    yield l;
                }
                yield n == 2 && last.equals("resource") ? iisResources(c) : List.<String>of();
            }
            case "ack" -> n == 1 ? List.of("preflight") : List.of();
            case "fail" -> {
                if (n == 1) yield List.of("node", "upgrade", "join", "resource");
                if (n == 2) yield last.equals("resource") ? resources(c) : nodes(c);
                if (n == 3) yield words.get(1).equalsIgnoreCase("resource") ? List.of("times") : List.of("after");
                yield List.of();
            }
            case "expect" -> {
                if (n == 1) yield List.of("group", "node", "downtime", "refused");
                String what = words.get(1).toLowerCase(Locale.ROOT);
                if (n == 2) yield what.equals("node") ? nodes(c) : what.equals("refused") ? List.of() : groups(c);
                if (what.equals("group")) yield last.equals("on") ? nodes(c) : List.of("online", "offline", "failed", "pending", "on");
                if (what.equals("node")) yield last.equals("at") ? configurations(matrix) : List.of("up", "down", "paused", "joining", "at");
                if (what.equals("downtime") && n == 3) yield List.of("<=", "<", "=", ">=", ">");
                yield List.of();
            }
            case "wait" -> n == 1 ? List.of("30s", "1m", "5m", "45m") : List.of();
            case "rewind" -> n == 1 ? List.of("to", "1") : n == 2 && last.equals("to") ? rewindTimes : List.of();
            case "help" -> n == 1 ? CommandParser.VERBS : List.of();
            default -> List.of();
        };
    }

    private static List<String> configurations(UpgradeMatrix matrix) {
        return matrix.configurations().stream().map(Configuration::label).map(Quote::name).toList();
    }

    private static List<String> nodes(Cluster c) {
        return c.nodes().stream().map(Node::name).map(Quote::name).toList();
    }

    private static List<String> groups(Cluster c) {
        return c.groups().stream().map(Group::name).map(Quote::name).toList();
    }

    private static List<String> resources(Cluster c) {
        List<String> out = new ArrayList<>();
        for (Group g : c.groups()) for (Resource r : g.resources()) out.add(Quote.name(r.name()));
        return out;
    }

    private static List<String> iisResources(Cluster c) {
        return c.iisResources().stream().map(Quote::name).toList();
    }

    /** Nodes that are up and possible owners of every resource of the group first, then the rest. */
    private static List<String> nodesFor(Cluster c, String groupName) {
        Group g = c.group(groupName).orElse(null);
        List<String> good = new ArrayList<>(), rest = new ArrayList<>();
        for (Node n : c.nodes()) {
            if (g != null && n.name().equals(g.owner())) continue;
            boolean ok = g != null && n.accepts() && g.canBeOwnedBy(n.name());
            (ok ? good : rest).add(Quote.name(n.name()));
        }
        good.addAll(rest);
        return good;
    }

    /** A word as typed, without its surrounding quotes. */
    public static String unquote(String w) {
        return w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"") ? w.substring(1, w.length() - 1) : w;
    }
}
