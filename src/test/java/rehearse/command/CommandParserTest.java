package rehearse.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private Command parse(String line) throws ParseException {
        return CommandParser.parse(line).orElseThrow();
    }

    @Test
    void everyCommandOfTheIssueParses() throws Exception {
        assertThat(parse("target \"IIS 5.0\"")).isEqualTo(new Command.Target("target \"IIS 5.0\"", "IIS 5.0"));
        assertThat(parse("MOVE \"Web Group\" TO NODEB")).isEqualTo(new Command.Move("MOVE \"Web Group\" TO NODEB", "Web Group", "NODEB"));
        assertThat(parse("move all from NODEA to NODEB")).isInstanceOf(Command.MoveAll.class);
        assertThat(parse("move \"all\" to NODEB")).isEqualTo(new Command.Move("move all to NODEB", "all", "NODEB"));
        assertThat(parse("upgrade NODEA")).isEqualTo(new Command.Upgrade("upgrade NODEA", "NODEA", null));
        assertThat(parse("upgrade NODEA to \"IIS 5.0\"")).isEqualTo(new Command.Upgrade("upgrade NODEA to \"IIS 5.0\"", "NODEA", "IIS 5.0"));
        assertThat(parse("offline resource \"Web Server\"")).isEqualTo(
                new Command.Offline("offline resource \"Web Server\"", Command.Scope.RESOURCE, "Web Server"));
        assertThat(parse("online \"Web Group\"")).isEqualTo(new Command.Online("online \"Web Group\"", Command.Scope.EITHER, "Web Group"));
        assertThat(parse("owners \"Web Server\" NODEB NODEA")).isEqualTo(
                new Command.Owners("owners \"Web Server\" NODEB NODEA", "Web Server", java.util.List.of("NODEB", "NODEA")));
        assertThat(parse("ack preflight")).isInstanceOf(Command.AckPreflight.class);
        assertThat(parse("fail node NODEB after 10m")).isEqualTo(new Command.FailNode("fail node NODEB after 10m", "NODEB", 600_000));
        assertThat(parse("fail resource \"Web Server\" times 4")).isEqualTo(
                new Command.FailResource("fail resource \"Web Server\" times 4", "Web Server", 4));
        assertThat(parse("wait 30s")).isEqualTo(new Command.Wait("wait 30s", 30_000));
        assertThat(parse("wait")).isEqualTo(new Command.Wait("wait", -1));
        assertThat(parse("expect group \"Web Group\" online on NODEB")).isEqualTo(
                new Command.ExpectGroup("expect group \"Web Group\" online on NODEB", "Web Group", rehearse.model.GroupState.ONLINE, "NODEB"));
        assertThat(parse("expect group G partially online")).isEqualTo(
                new Command.ExpectGroup("expect group G partially online", "G", rehearse.model.GroupState.PARTIALLY_ONLINE, null));
        assertThat(parse("expect node NODEA at \"IIS 5.0\"")).isEqualTo(
                new Command.ExpectNode("expect node NODEA at \"IIS 5.0\"", "NODEA", null, "IIS 5.0"));
        assertThat(parse("expect downtime \"Web Group\" <= 30s")).isEqualTo(
                new Command.ExpectDowntime("expect downtime \"Web Group\" <= 30s", "Web Group", Command.Comparison.LE, 30_000));
        assertThat(parse("expect refused  # comment")).isInstanceOf(Command.ExpectRefused.class);
        assertThat(CommandParser.parse("   # only a comment")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"30s|30000", "5m|300000", "1h30m|5400000", "90|90000", "250ms|250", "1.5s|1500",
        "1H30M|5400000", "0.5ms|1", "2h0.5m|7230000", "007s|7000", "8784h|31622400000", "31622400|31622400000",
        "527040m|31622400000", "8783h59m59s999ms|31622399999"})
    void durations(String text, long ms) {
        assertThat(CommandParser.parseDuration(text)).isEqualTo(ms);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "h1", "1x", "1.s", ".5s", "1..5s", "1 s", "-1s", "1e3", "1s-", "ms", "1hm",
        // over the maximum of 366 days, however it is written
        "8785h", "8784h1ms", "31622401", "999999999", "99999999999999999999999s", "527041m", "31622400001ms"})
    void notDurations(String text) {
        assertThat(CommandParser.parseDuration(text)).isNull();
    }

    @Test
    void aLongDurationIsParsedInOnePassNotByRecursion() throws Exception {
        // 4 KB of "1s": a regular expression's repeated group overflowed the stack here.
        assertThat(CommandParser.parseDuration("1s".repeat(2048))).isEqualTo(2_048_000L);
        assertThat(parse("wait " + "1s".repeat(2048))).isEqualTo(new Command.Wait("wait " + "1s".repeat(2048), 2_048_000));
        assertThat(CommandParser.parseDuration("1".repeat(60_000) + "s")).isNull();
        assertThat(CommandParser.parseDuration("1." + "5".repeat(60_000) + "s")).isEqualTo(1556L);
        assertThat(CommandParser.parseDuration("1h".repeat(8784) + "1s")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mvoe G to N|1|expected a command",
        "move \"Web Group\" NODEB|18|expected 'to', found 'NODEB'",
        "move \"Web Group\" to|20|expected a node name at the end of the line",
        "target \"IIS 5.0|8|unterminated quoted name",
        "wait soon|6|expected a duration such as 30s, 5m or 1h30m, found 'soon'",
        "fail disk X|6|expected node, upgrade, join or resource after 'fail'",
        "expect group G sleepy|16|expected a group state (online, offline, failed, pending, partially online)",
        "status now|8|unexpected 'now' after a complete command",
        "target IIS 5.0|12|unexpected '5.0' after a complete command; a name with spaces goes in double quotes (target \"IIS 5.0\",",
        "expect downtime G ~ 5s|19|expected a comparison",
        "wait 8785h|6|duration '8785h' is longer than the maximum, 366 days (8784h)",
        "wait 999999999|6|duration '999999999' is longer than the maximum, 366 days (8784h)"})
    void errorsSayWhereAndWhatWasExpected(String line, int column, String message) {
        ParseException e = catchThrowableOfType(ParseException.class, () -> CommandParser.parse(line));
        assertThat(e).isNotNull();
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"move \"Web\u001B[2JGroup\" to N", "target \u0007"})
    void controlCharactersAreRejected(String line) {
        ParseException e = catchThrowableOfType(ParseException.class, () -> CommandParser.parse(line));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("control character U+00");
    }

    @Test
    void moveTakesTheWordGroupAsOnlineAndOfflineDo() throws Exception {
        for (String line : new String[] {"move group \"Web Group\" to NODEB", "MOVE Group \"Web Group\" TO NODEB", "move \"Web Group\" to NODEB"}) {
            Command c = parse(line);
            assertThat(c).as(line).isInstanceOf(Command.Move.class);
            assertThat(((Command.Move) c).group()).isEqualTo("Web Group");
            assertThat(((Command.Move) c).node()).isEqualTo("NODEB");
        }
        // A group called "group" is still a group.
        assertThat(((Command.Move) parse("move \"group\" to NODEB")).group()).isEqualTo("group");
    }

    @Test
    void anyDurationTextIsADurationAtMostTheMaximumOrNone() {
        java.util.Random rnd = new java.util.Random(12);
        String alphabet = "0123456789.hmsHMS x-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + rnd.nextInt(i % 100 == 0 ? 4096 : 24);
            for (int k = 0; k < n; k++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            Long ms = CommandParser.parseDuration(b.toString());
            if (ms != null) assertThat(ms).as(b.toString()).isBetween(0L, CommandParser.MAX_DURATION_MS);
            if (CommandParser.overMaximum(b.toString())) assertThat(ms).isNull();
        }
    }

    @Test
    void rewindGoesToATimeOrBackSomeCommands() throws Exception {
        assertThat(parse("rewind to 0s")).isEqualTo(new Command.RewindTo("rewind to 0s", 0));
        assertThat(parse("REWIND TO 45m")).isEqualTo(new Command.RewindTo("REWIND TO 45m", 2_700_000));
        assertThat(parse("rewind to 0:45:13")).isEqualTo(new Command.RewindTo("rewind to 0:45:13", 2_713_000));
        assertThat(parse("rewind to 1:02:03.5")).isEqualTo(new Command.RewindTo("rewind to 1:02:03.5", 3_723_500));
        assertThat(parse("rewind to 87600:00:00")).isEqualTo(new Command.RewindTo("rewind to 87600:00:00", 3650L * 86_400_000L));
        assertThat(parse("rewind 3")).isEqualTo(new Command.RewindBack("rewind 3", 3));
        // What a front end makes reads back exactly.
        for (long ms : new long[] {0, 13_000, 2_713_250, 3_723_005, 86_400_000L * 400}) {
            Command.RewindTo made = Commands.rewindTo(ms);
            assertThat(parse(made.text())).isEqualTo(made);
        }
        assertThat(parse(Commands.rewindBack(2).text())).isEqualTo(Commands.rewindBack(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rewind|7|expected a number of commands, or 'to' and a time (rewind 2, rewind to 0:45:13) at the end of the line",
        "rewind 0|8|expected a number of commands (1 or more), or 'to' and a time (rewind to 0:45:13), found '0'",
        "rewind -1|8|expected a number of commands (1 or more), or 'to' and a time (rewind to 0:45:13), found '-1'",
        "rewind +2|8|expected a number of commands (1 or more), or 'to' and a time (rewind to 0:45:13), found '+2'",
        "rewind 99999999999|8|expected a number of commands (1 or more), or 'to' and a time (rewind to 0:45:13), found '99999999999'",
        "rewind to|10|expected a time, e.g. 0:45:13, 45m or 0s at the end of the line",
        "rewind to 0:60:00|11|expected a time as the clock shows it (0:45:13, 1:02:03.5) or a duration (45m), found '0:60:00'",
        "rewind to 1:2:3|11|expected a time as the clock shows it (0:45:13, 1:02:03.5) or a duration (45m), found '1:2:3'",
        "rewind to 0:00:01.2345|11|expected a time as the clock shows it (0:45:13, 1:02:03.5) or a duration (45m), found '0:00:01.2345'",
        "rewind to 87600:00:01|11|expected a time as the clock shows it (0:45:13, 1:02:03.5) or a duration (45m), found '87600:00:01'",
        "rewind to soon|11|expected a duration such as 30s, 5m or 1h30m, found 'soon'",
        "rewind 2 more|10|unexpected 'more' after a complete command"})
    void badRewindsSayWhatWasExpected(String line, int column, String message) {
        ParseException e = catchThrowableOfType(() -> parse(line), ParseException.class);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
