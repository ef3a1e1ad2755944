package rehearse.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A character outside the BMP where SnakeYAML Engine's 1024-character buffer ends is read, not an internal error. */
class YamlSurrogateTest {
    @Test
    void emojiAcrossEveryBufferEdgeNearTheFirstAreRead() throws Exception {
        String sample = new String(ClusterLoader.sampleBytes(), StandardCharsets.UTF_8);
        for (int pad = 0; pad < 8; pad++) {
            String yaml = "# " + "x".repeat(pad) + "\uD83D\uDE00".repeat(520) + "\n" + sample;
            assertThat(new ClusterLoader(MatrixLoader.builtIn()).parse("e.yaml", yaml.getBytes(StandardCharsets.UTF_8)).name())
                    .isEqualTo("WEBCLUSTER");
        }
    }
}
