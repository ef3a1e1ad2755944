package rehearse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rehearse.explore.Exploration;
import rehearse.explore.Scenario;

class ExplorationWordsTest {
    private static Scenario completed(Map<String, Long> downtime) {
        return new Scenario(List.of(), Scenario.Ending.COMPLETED, 90_000, downtime, Map.of(), 0, false, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("target \"IIS 5.0\"", "fail node NODEA", "run"), 2, 1);
    }

    private static final Exploration X = new Exploration("C", null, null, 60_000, true, false, List.of(), List.of(), List.of(), List.of(), null);

    @Test
    void aFewGroupsAreNamedEach() {
        Map<String, Long> few = new LinkedHashMap<>();
        few.put("Web", 60_000L);
        few.put("FTP", 30_000L);
        assertThat(ExplorationWords.reason(completed(few), X)).endsWith("; downtime Web 1m 00s, FTP 30s.");
    }

    /** On a big cluster the reason names the longest downtimes and counts the rest, so it stays a sentence. */
    @Test
    void manyGroupsAreTheLongestThreeAndACount() {
        Map<String, Long> many = new LinkedHashMap<>();
        for (int g = 0; g < 200; g++) many.put("G" + g, g == 150 ? 120_000L : g == 7 ? 90_000L : g == 99 ? 80_000L : 10_000L);
        assertThat(ExplorationWords.reason(completed(many), X)).endsWith("; downtime G150 2m 00s, G7 1m 30s, G99 1m 20s, and 197 more groups.");
    }

    /** A step's label cut to fit keeps whole words, its nodes where they fit (the heat map at 80 columns cut 'NODE00' to '00'). */
    @Test
    void aLabelLosesWholeWordsFromItsMiddle() {
        assertThat(ExplorationWords.middleCut("move all groups from NODE00 to NODE01", 22)).isEqualTo("move..NODE00 to NODE01");
        assertThat(ExplorationWords.middleCut("upgrade NODE00 to IIS 5.0", 22)).isEqualTo("upgrade NODE00 to..5.0");
        assertThat(ExplorationWords.middleCut("pause NODE00", 22)).isEqualTo("pause NODE00");
        // Wide characters count two columns each.
        assertThat(ExplorationWords.middleCut("move all groups from 節点一 to 節点二", 22)).isEqualTo("move..節点一 to 節点二");
        // The cluster's node names are kept first, then the most columns.
        assertThat(ExplorationWords.middleCut("upgrade NODE00 to IIS 5.0", 19, java.util.Set.of("NODE00"))).isEqualTo("upgrade NODE00..5.0");
        assertThat(ExplorationWords.middleCut("move all groups from NODEA to NODEB", 18, java.util.Set.of("NODEA", "NODEB")))
                .isEqualTo("move all..to NODEB");
        assertThat(ExplorationWords.middleCut("move all groups from NODEA to NODEB", 20, java.util.Set.of("NODEA", "NODEB")))
                .isEqualTo("move..NODEA to NODEB");
        // One long word: characters go from its middle.
        assertThat(ExplorationWords.middleCut("abcdefghijklmnopqrstuvwxyz", 10)).isEqualTo("abcd..wxyz");
    }
}
