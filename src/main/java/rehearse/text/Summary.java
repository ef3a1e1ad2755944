package rehearse.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rehearse.model.Group;
import rehearse.model.Node;
import rehearse.sim.State;

/** The end of a rehearsal as data for JSON: clock, nodes, groups with downtime, wall-clock outage, availability. */
public final class Summary {
    private Summary() {}

    public static Map<String, Object> of(State st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clock", st.clock());
        List<Object> nodes = new ArrayList<>();
        for (Node n : st.cluster().nodes()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", n.name());
            o.put("state", n.state().label());
            o.put("config", n.config().label());
            nodes.add(o);
        }
        m.put("nodes", nodes);
        List<Object> groups = new ArrayList<>();
        for (Group g : st.cluster().groups()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", g.name());
            o.put("state", g.state().label());
            o.put("owner", g.owner());
            boolean tracked = st.tracksDowntime(g.name());
            o.put("holdsIis", tracked);
            o.put("downtimeMs", tracked ? st.downtimeMs(g.name()) : null);
            o.put("interruptions", tracked ? st.interruptions(g.name()) : null);
            groups.add(o);
        }
        m.put("groups", groups);
        m.put("outageMs", st.outageMs());
        m.put("availability", st.availability());
        m.put("clusterUp", st.formed());
        return m;
    }
}
