package rehearse.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The persistent vector behaves as a copied list, and a set never changes the vector it came from. */
class PVecTest {
    @Property(tries = 200)
    void setIsACopyThatSharesTheRest(@ForAll @IntRange(min = 1, max = 40_000) int size, @ForAll long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<Integer> model = new ArrayList<>();
        for (int i = 0; i < size; i++) model.add(i);
        PVec<Integer> v = PVec.of(model);
        List<Integer> before = new ArrayList<>(model);
        PVec<Integer> old = v;
        for (int k = 0; k < 50; k++) {
            int i = rnd.nextInt(size), x = rnd.nextInt();
            v = v.set(i, x);
            model.set(i, x);
        }
        assertThat(v.toList()).isEqualTo(model);
        assertThat(old.toList()).isEqualTo(before);
        assertThat(v.size()).isEqualTo(size);
    }
}
