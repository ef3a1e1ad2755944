package rehearse.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rehearse.command.Command;
import rehearse.plan.Forecast;
import rehearse.plan.Hop;
import rehearse.plan.HopEstimate;
import rehearse.plan.Plan;
import rehearse.plan.Step;
import rehearse.plan.Strategy;
import rehearse.plan.UpgradePath;

/** A plan as JSON: the path, each hop's strategy, steps (with status when a cluster is behind it) and estimates. */
public final class PlanJson {
    private PlanJson() {}

    /** {@code plan} empty for a path that is not supported; {@code statuses} for the plan of a real cluster. */
    public static Map<String, Object> of(UpgradePath path, Optional<Plan> plan, Optional<Forecast> forecast, boolean statuses) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("from", path.from().label());
        o.put("to", path.to().label());
        o.put("reachable", path.reachable());
        o.put("offlineHops", path.offlineHops());
        Map<Step, List<Command>> commands = new HashMap<>();
        forecast.ifPresent(f -> f.stages().forEach(s -> commands.put(s.step(), s.commands())));
        List<Object> hops = new ArrayList<>();
        for (int h = 0; h < path.hops().size(); h++) {
            Hop hop = path.hops().get(h);
            Map<String, Object> ho = new LinkedHashMap<>();
            ho.put("from", hop.from().label());
            ho.put("to", hop.to().label());
            ho.put("kind", hop.kind().word());
            if (plan.isPresent()) {
                Strategy s = plan.get().target().strategies().get(h);
                ho.put("option", s instanceof Strategy.Standard st ? st.option().word() : null);
                ho.put("order", s.order());
                ho.put("steps", steps(plan.get(), h, commands, statuses));
                if (h < plan.get().target().estimates().size()) ho.put("estimate", estimate(plan.get().target().estimates().get(h)));
            }
            hops.add(ho);
        }
        o.put("hops", hops);
        if (plan.isPresent()) {
            o.put("preflight", steps(plan.get(), -1, commands, statuses));
            o.put("closing", steps(plan.get(), path.hops().size(), commands, statuses));
            if (statuses) o.put("complete", plan.get().complete());
        }
        o.put("reason", path.reason());
        return o;
    }

    private static List<Object> steps(Plan plan, int hop, Map<Step, List<Command>> commands, boolean statuses) {
        List<Object> out = new ArrayList<>();
        int n = 1;
        for (Plan.Entry e : plan.entries()) {
            if (e.step().hop() != hop) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", n++);
            m.put("text", Steps.text(e.step().action()));
            if (statuses) m.put("status", e.status().word());
            m.put("commands", commands.getOrDefault(e.step(), List.of()).stream().map(Command::text).toList());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> estimate(HopEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outageMs", e.planned().wallClockMs());
        m.put("perGroupMs", e.planned().perGroupMs());
        m.put("completes", e.planned().completes());
        m.put("alternativeOutageMs", e.alternative().map(HopEstimate.Outage::wallClockMs).orElse(null));
        return m;
    }
}
