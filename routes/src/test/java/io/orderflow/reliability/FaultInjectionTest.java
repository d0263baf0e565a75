package io.orderflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.junit.jupiter.api.Test;

/** The fault step is woven into the routes that name it when fault injection is on, and is absent when off. */
class FaultInjectionTest {

    private static final String STAGE = "payment";

    @Test
    void injectsTheStagesFaultsIntoARouteThatNamesItsConfiguration() throws Exception {
        FaultInjector faults = new FaultInjector(true);
        faults.set(STAGE, new FaultSettings(0, "poison", 0));
        try (CamelContext camel = started(faults)) {
            assertThat(configurationIds(camel)).containsExactly(FaultInjection.id(STAGE));
            assertThatThrownBy(() -> camel.createProducerTemplate().sendBody("direct:effect", "poison record"))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasCauseInstanceOf(InjectedFault.Permanent.class);
            camel.createProducerTemplate().sendBody("direct:effect", "good record");
        }
    }

    @Test
    void withFaultInjectionOffTheConfigurationIsNotThereAndNoFaultCanBeSet() throws Exception {
        FaultInjector faults = new FaultInjector(false);
        assertThatThrownBy(() -> faults.set(STAGE, new FaultSettings(0, "poison", 0)))
                .isInstanceOf(FaultsDisabledException.class);
        try (CamelContext camel = started(faults)) {
            assertThat(configurationIds(camel)).isEmpty();
            assertThat(camel.getRoute("effect")).isNotNull();
            camel.createProducerTemplate().sendBody("direct:effect", "poison record");
        }
    }

    private static CamelContext started(FaultInjector faults) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new FaultInjection(faults, List.of(STAGE)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:effect").routeId("effect").routeConfigurationId(FaultInjection.id(STAGE))
                        .errorHandler(noErrorHandler())
                        .log("handled ${body}");
            }
        });
        camel.start();
        return camel;
    }

    private static List<String> configurationIds(CamelContext camel) {
        return camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteConfigurationDefinitions()
                .stream().map(RouteConfigurationDefinition::getId).toList();
    }
}
