package io.orderflow.reliability;

import java.util.List;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The fault step, as one route configuration per stage ({@link #id(String)}): it runs the stage's
 * {@link FaultInjector} when a route that names it starts processing. Its precondition is the injector's startup
 * switch, so with fault injection off the configurations do not exist and the routes that name them have no fault
 * step at all (a route may name a configuration that is not there).
 */
public final class FaultInjection extends RouteConfigurationBuilder {

    private final FaultInjector faults;
    private final List<String> stages;

    public FaultInjection(FaultInjector faults, List<String> stages) {
        this.faults = faults;
        this.stages = List.copyOf(stages);
    }

    /** The id a route that injects this stage's faults names in {@code routeConfigurationId}. */
    public static String id(String stage) {
        return stage + "-faults";
    }

    @Override
    public void configuration() {
        for (String stage : stages) {
            routeConfiguration(id(stage))
                    .precondition(Boolean.toString(faults.enabled()))
                    .interceptFrom()
                    .process(faults.at(stage));
        }
    }
}
