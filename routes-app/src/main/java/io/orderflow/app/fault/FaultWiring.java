package io.orderflow.app.fault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.reliability.FaultInjection;
import io.orderflow.reliability.FaultInjector;

/** Fault injection, on or off for the life of the application ({@code orderflow.faults.enabled}). */
@Configuration(proxyBeanMethods = false)
public class FaultWiring {

    @Bean
    FaultInjector faultInjector(OrderflowProperties properties) {
        FaultInjector faults = new FaultInjector(properties.faults().enabled());
        properties.faults().byStage().forEach(faults::set);
        return faults;
    }

    /** The fault step of every stage's routes; not part of any route when fault injection is off. */
    @Bean
    FaultInjection faultInjection(FaultInjector faults) {
        return new FaultInjection(faults, OrderflowProperties.FAULT_STAGES);
    }
}
