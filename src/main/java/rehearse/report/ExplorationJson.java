package rehearse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rehearse.explore.Exploration;
import rehearse.explore.Fault;
import rehearse.explore.Injection;
import rehearse.explore.Scenario;
import rehearse.text.Refusals;
import rehearse.text.Steps;

/** An exploration as one JSON object (io.Json writes it, keys in this order, numbers in Locale.ROOT). */
public final class ExplorationJson {
    private ExplorationJson() {}

    public static Map<String, Object> of(Exploration x) {
        java.util.IdentityHashMap<Scenario, Integer> ids = ExplorationWords.ids(x);
        Map<String, Object> m = new LinkedHashMap<>();
        Exploration.Baseline base = x.baseline();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("cluster", x.cluster());
        b.put("target", x.target().to().label());
        b.put("completes", base.completes());
        b.put("outageMs", base.outageMs());
        b.put("downtimeMs", base.downtimeMs());
        b.put("clockMs", base.clockMs());
        b.put("steps", base.steps().stream().map(s -> Steps.label(s.action())).toList());
        b.put("stop", base.stop().map(Refusals::of).orElse(null));
        b.put("endState", base.endState());
        b.put("script", String.join("\n", base.script()) + "\n");
        m.put("baseline", b);
        List<Object> scenarios = new ArrayList<>();
        for (Scenario s : x.scenarios()) scenarios.add(scenario(s, ids.get(s)));
        m.put("scenarios", scenarios);
        List<Object> worst = new ArrayList<>();
        for (Scenario s : x.worst()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("id", ids.get(s));
            w.put("reason", ExplorationWords.reason(s, x));
            worst.add(w);
        }
        m.put("worst", worst);
        m.put("windowMs", x.windowMs());
        m.put("windowGiven", x.windowGiven());
        m.put("faults", x.faults().stream().map(Fault::text).toList());
        List<Object> rows = new ArrayList<>();
        for (int k = 0; k < x.matrix().size(); k++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", Steps.label(base.steps().get(k).action()));
            List<Object> cells = new ArrayList<>();
            for (Scenario s : x.matrix().get(k)) cells.add(s == null ? null : ids.get(s));
            row.put("scenarios", cells);
            rows.add(row);
        }
        m.put("matrix", rows);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("procedure", PolicyText.procedure(x.policy()));
        policy.put("rules", PolicyText.rules(x.policy()));
        m.put("policy", policy);
        return m;
    }

    private static Map<String, Object> scenario(Scenario s, int id) {
        Map<String, Object> m = new LinkedHashMap<>();
        Injection first = s.injections().get(0);
        m.put("fault", first.fault().command(0).text());
        m.put("atMs", first.atMs());
        m.put("step", Steps.label(first.step().action()));
        m.put("outageMs", s.outageMs());
        m.put("completes", s.completes());
        m.put("windowHeld", s.windowHeld());
        m.put("invariantsHeld", s.invariantsHeld());
        m.put("endState", s.endState());
        m.put("script", ExplorationWords.script(s));
        m.put("id", id);
        m.put("during", first.during());
        m.put("again", first.again());
        if (s.injections().size() > 1) {
            Injection second = s.injections().get(1);
            Map<String, Object> then = new LinkedHashMap<>();
            then.put("fault", second.fault().command(0).text());
            then.put("atMs", second.atMs());
            then.put("step", Steps.label(second.step().action()));
            then.put("during", second.during());
            then.put("again", second.again());
            m.put("then", then);
        } else {
            m.put("then", null);
        }
        m.put("points", s.points());
        m.put("ending", s.ending().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("downtimeMs", s.downtimeMs());
        m.put("clockMs", s.clockMs());
        m.put("noGo", ExplorationWords.firstNoGo(s));
        m.put("stop", s.stop().map(Refusals::of).orElse(null));
        m.put("recovery", ExplorationWords.recoveryCommands(s));
        m.put("invariantViolated", s.invariantViolated().orElse(null));
        return m;
    }
}
