package rehearse.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Help for the command language, shared by the shell, the UI prompt and scripts. */
public final class Help {
    private static final Map<String, String> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("target", "target CONFIG            choose the target configuration; makes the plan");
        TOPICS.put("plan", "plan                     the plan: [x] done [~] under way [!] failed [>] next [ ] to do");
        TOPICS.put("step", "step                     run the next step the cluster needs (and wait for it)");
        TOPICS.put("run", "run                      run the steps the cluster needs, stopping at a no-go");
        TOPICS.put("move", "move GROUP to NODE       move a group\n"
                + "move all from NODE to NODE  move every group a node owns");
        TOPICS.put("upgrade", "upgrade NODE [to CONFIG]  upgrade a node (down, upgrade time, joins at CONFIG)");
        TOPICS.put("pause", "pause NODE               no group may move or fail over to it");
        TOPICS.put("resume", "resume NODE              undo pause");
        TOPICS.put("restore", "restore NODE             bring a down node back at its configuration (a paused node stays paused)");
        TOPICS.put("online", "online [group|resource] NAME   bring online (with its dependencies)");
        TOPICS.put("offline", "offline [group|resource] NAME  take offline (with its dependents)");
        TOPICS.put("owners", "owners RESOURCE NODE...  set the possible owners of a resource");
        TOPICS.put("failback", "failback GROUP on|off    a group's failback setting");
        TOPICS.put("remove", "remove resource NAME     remove an offline IIS resource (standard upgrade), keeping it to recreate");
        TOPICS.put("recreate", "recreate resource NAME   bring a removed IIS resource back once every node is upgraded");
        TOPICS.put("ack", "ack preflight            acknowledge the pre-flight checklist (needed before upgrades)");
        TOPICS.put("fail", "fail node NODE [after DURATION]   a node fails (now or later)\n"
                + "fail upgrade NODE        the next upgrade of NODE fails\n"
                + "fail join NODE           the next join of NODE is refused\n"
                + "fail resource NAME [times N]  the resource fails (N times in a row)");
        TOPICS.put("wait", "wait [DURATION]          wait until the cluster settles, or DURATION (30s, 5m, 1h30m)");
        TOPICS.put("status", "status                   nodes, groups, downtime");
        TOPICS.put("expect", "expect group NAME [STATE] [on NODE]\n"
                + "expect node NODE [STATE] [at CONFIG]\n"
                + "expect downtime GROUP <=|<|=|>=|> DURATION\n"
                + "expect refused           the previous command was refused");
        TOPICS.put("rewind", "rewind to TIME           back to the moment the clock read TIME (0:45:13, 45m; 0s is the start)\n"
                + "rewind N                 back before the last N commands that acted (not plan, status, help,"
                + " expect); the rehearsal goes on from there as a new branch");
        TOPICS.put("help", "help [COMMAND]           this text");
    }

    private Help() {}

    public static String text(String topic) {
        return text(topic, WIDTH);
    }

    /** The help, each description wrapped to {@code width} columns under its own start. */
    public static String text(String topic, int width) {
        if (topic != null) {
            String t = TOPICS.get(topic.toLowerCase(Locale.ROOT));
            if (t == null) return "no help for '" + topic + "'; commands: " + String.join(", ", TOPICS.keySet()) + "\n";
            StringBuilder b = new StringBuilder();
            for (String line : t.split("\n")) wrap(b, "", line, width);
            return b.toString();
        }
        StringBuilder b = new StringBuilder("Commands (names with spaces in double quotes; # starts a comment):\n");
        for (String t : TOPICS.values()) for (String line : t.split("\n")) wrap(b, "  ", line, width);
        return b.toString();
    }

    /** Fits 80 columns (a serial console, a screen reader's line): the rest of a description goes on under it. */
    private static void wrap(StringBuilder b, String indent, String line, int columns) {
        int width = columns - indent.length();
        int column = Math.max(line.indexOf("  "), 0);
        while (column < line.length() && line.charAt(column) == ' ') column++;
        if (column > width / 2) column = 4;
        String rest = line;
        String lead = indent;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= column) break;
            b.append(lead).append(rest, 0, cut).append('\n');
            rest = " ".repeat(column) + rest.substring(cut + 1);
        }
        b.append(lead).append(rest).append('\n');
    }

    /** 80 columns less the two a transcript puts before every line of an answer. */
    public static final int WIDTH = 78;
}
