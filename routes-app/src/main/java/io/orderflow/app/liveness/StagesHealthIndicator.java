package io.orderflow.app.liveness;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "stages": DOWN naming each stage the watchdog found not consuming. */
@Component("stages")
public class StagesHealthIndicator extends AbstractHealthIndicator {

    private final StageWatchdog watchdog;

    public StagesHealthIndicator(StageWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, StageWatchdog.State> states = watchdog.states();
        Map<String, String> problems = new LinkedHashMap<>();
        states.forEach((stage, state) -> {
            if (state.problem() != null) {
                problems.put(stage, state.problem());
            }
        });
        if (problems.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "not consuming: " + problems);
        }
        states.forEach((stage, state) -> builder.withDetail(stage, Map.of(
                "consuming", state.problem() == null,
                "oldestBatchSeconds", state.oldestBatchSeconds(),
                "restarts", state.restarts())));
    }
}
