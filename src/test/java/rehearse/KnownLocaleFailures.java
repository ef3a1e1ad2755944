package rehearse;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests known to fail under a Turkish default locale, skipped (and reported as skipped, with
 * the reason) in the second surefire run only, where the pom enables this extension. Each entry
 * is a bug in code that another change is rewriting; remove it when that fix lands, so the run
 * guards it from then on. Under any other locale this skips nothing.
 */
public final class KnownLocaleFailures implements ExecutionCondition {
    static final Map<String, String> UNDER_TR = Map.of();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"tr".equals(Locale.getDefault().getLanguage())) return ConditionEvaluationResult.enabled("not under tr");
        String key = context.getTestClass().map(Class::getName).orElse("") + "#"
                + context.getTestMethod().map(Method::getName).orElse("");
        String reason = UNDER_TR.get(key);
        return reason == null ? ConditionEvaluationResult.enabled("not a known tr-TR failure")
                : ConditionEvaluationResult.disabled("known tr-TR failure: " + reason);
    }
}
