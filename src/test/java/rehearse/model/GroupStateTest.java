package rehearse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupStateTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'',OFFLINE",
        "ONLINE ONLINE,ONLINE",
        "OFFLINE OFFLINE,OFFLINE",
        "ONLINE OFFLINE,PARTIALLY_ONLINE",
        "ONLINE ONLINE_PENDING,PENDING",
        "OFFLINE_PENDING OFFLINE,PENDING",
        "ONLINE FAILED ONLINE_PENDING,FAILED",
        "FAILED OFFLINE,FAILED"})
    void derivesFromResourcesAsTheFieldNotesSay(String states, GroupState expected) {
        List<Resource> rs = states.isBlank() ? List.of() : Arrays.stream(states.split(" "))
                .map(s -> new Resource("r" + s, ResourceType.IP_ADDRESS, List.of("A"), List.of(), ResourceState.valueOf(s), Map.of()))
                .toList();
        assertThat(GroupState.of(rs)).isEqualTo(expected);
    }
}
