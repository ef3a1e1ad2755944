package rehearse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** bench-engine's sizes are bounded, so a run fits the heap: a usage error, never an OutOfMemoryError. */
class BenchLimitsTest {
    @Test
    void aMillionResourcesIsAUsageError() {
        Cli c = Cli.run("bench-engine", "--nodes", "2", "--groups", "1", "--resources", "1000000", "--runs", "1");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("resources from groups to 100000");
    }
}
