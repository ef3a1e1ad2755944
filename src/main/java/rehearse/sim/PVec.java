package rehearse.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size persistent vector: {@link #set} returns a new vector that shares all but one path
 * of 32-wide arrays with the old one, so a simulation state can be kept, copied and branched
 * for the cost of a few dozen references per change, whatever the cluster's size.
 */
final class PVec<T> {
    private static final int BITS = 5;
    private static final int WIDTH = 1 << BITS;
    private static final int MASK = WIDTH - 1;

    private final Object[] root;
    private final int size;
    private final int shift;

    private PVec(Object[] root, int size, int shift) {
        this.root = root;
        this.size = size;
        this.shift = shift;
    }

    static <T> PVec<T> of(List<T> items) {
        int size = items.size();
        List<Object[]> level = new ArrayList<>();
        for (int i = 0; i < Math.max(1, size); i += WIDTH) {
            Object[] leaf = new Object[WIDTH];
            for (int j = 0; j < WIDTH && i + j < size; j++) leaf[j] = items.get(i + j);
            level.add(leaf);
        }
        int shift = 0;
        while (level.size() > 1) {
            List<Object[]> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += WIDTH) {
                Object[] branch = new Object[WIDTH];
                for (int j = 0; j < WIDTH && i + j < level.size(); j++) branch[j] = level.get(i + j);
                up.add(branch);
            }
            level = up;
            shift += BITS;
        }
        return new PVec<>(level.get(0), size, shift);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        Object[] node = root;
        for (int level = shift; level > 0; level -= BITS) node = (Object[]) node[(i >>> level) & MASK];
        return (T) node[i & MASK];
    }

    PVec<T> set(int i, T value) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return new PVec<>(set(root, shift, i, value), size, shift);
    }

    private static Object[] set(Object[] node, int level, int i, Object value) {
        Object[] copy = node.clone();
        if (level == 0) copy[i & MASK] = value;
        else copy[(i >>> level) & MASK] = set((Object[]) node[(i >>> level) & MASK], level - BITS, i, value);
        return copy;
    }

    /**
     * Whether the two vectors hold alike items, place by place, as {@code alike} judges them. Parts
     * the two share (a branch and its source share all a transition did not touch) are alike
     * without looking into them.
     */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: a shared part is alike as it stands
    static <T> boolean same(PVec<T> a, PVec<T> b, java.util.function.BiPredicate<T, T> alike) {
        if (a == b) return true;
        if (a.size != b.size || a.shift != b.shift) return false;
        return same(a.root, b.root, a.shift, alike);
    }

    @SuppressWarnings({"unchecked", "ReferenceEquality"})
    private static <T> boolean same(Object[] a, Object[] b, int level, java.util.function.BiPredicate<T, T> alike) {
        if (a == b) return true;
        for (int i = 0; i < WIDTH; i++) {
            Object x = a[i], y = b[i];
            if (x == y) continue;
            if (x == null || y == null) return false;
            if (level > 0 ? !same((Object[]) x, (Object[]) y, level - BITS, alike) : !alike.test((T) x, (T) y)) return false;
        }
        return true;
    }

    /** Calls {@code changed} with each place whose item is not the very item of {@code b} (shared parts are skipped whole). */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: what a transition did not touch is shared
    static <T> void changed(PVec<T> a, PVec<T> b, java.util.function.IntConsumer changed) {
        if (a.size != b.size || a.shift != b.shift) {
            for (int i = 0; i < a.size; i++) changed.accept(i);
            return;
        }
        changed(a.root, b.root, a.shift, 0, a.size, changed);
    }

    @SuppressWarnings("ReferenceEquality")
    private static void changed(Object[] a, Object[] b, int level, int base, int size, java.util.function.IntConsumer changed) {
        if (a == b) return;
        for (int i = 0; i < WIDTH; i++) {
            int at = base + (i << level);
            if (at >= size) return;
            if (a[i] == b[i]) continue;
            if (level > 0) changed((Object[]) a[i], (Object[]) b[i], level - BITS, at, size, changed);
            else changed.accept(at);
        }
    }

    List<T> toList() {
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(get(i));
        return out;
    }
}
