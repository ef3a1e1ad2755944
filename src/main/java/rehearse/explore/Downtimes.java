package rehearse.explore;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Each IIS group's downtime at the end of a scenario, as an unchangeable map in the cluster's
 * group order: the names are shared by every scenario of an exploration, the times are one
 * array (a map of boxed times per scenario does not fit in memory for thousands of scenarios
 * of a thousand groups).
 */
final class Downtimes extends AbstractMap<String, Long> {
    private final List<String> names;
    private final Map<String, Integer> index;
    private final long[] ms;
    private int hash;

    private Downtimes(List<String> names, Map<String, Integer> index, long[] ms) {
        this.names = names;
        this.index = index;
        this.ms = ms;
    }

    /** The groups' names, in order, shared by the maps {@link #of} makes. */
    static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), i);
        return out;
    }

    static Downtimes of(List<String> names, Map<String, Integer> index, long[] ms) {
        if (names.size() != ms.length) throw new IllegalArgumentException(names.size() + " names, " + ms.length + " times");
        return new Downtimes(names, index, ms.clone());
    }

    String name(int i) {
        return names.get(i);
    }

    long ms(int i) {
        return ms[i];
    }

    @Override
    public int size() {
        return ms.length;
    }

    @Override
    public Long get(Object key) {
        Integer i = index.get(key);
        return i == null ? null : ms[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof Downtimes d && d.names.equals(names)) return Arrays.equals(ms, d.ms);
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) hash = h = super.hashCode();
        return h;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return ms.length;
            }

            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < ms.length;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (i >= ms.length) throw new NoSuchElementException();
                        int at = i++;
                        return new SimpleImmutableEntry<>(names.get(at), ms[at]);
                    }
                };
            }
        };
    }
}
