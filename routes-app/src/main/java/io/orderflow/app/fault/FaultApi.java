package io.orderflow.app.fault;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.orderflow.app.InstanceId;
import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.security.AuthenticatedOperator;
import io.orderflow.app.web.ApiException;
import io.orderflow.app.web.ApiErrorResponses;
import io.orderflow.app.web.JsonApi;
import io.orderflow.pipeline.Stage;
import io.orderflow.reliability.DeadLetterRoute;
import io.orderflow.reliability.FaultInjector;
import io.orderflow.reliability.FaultSettings;

/**
 * {@code /api/faults}: read and change injected faults at run time (viewers read, admins change). Faults live in
 * the memory of the instance that was called, not in the shared database: a rehearsal can break one instance of
 * several. Every answer names that instance, so a call through a load balancer does not pass for a cluster-wide one.
 * An instance started with fault injection off answers every call with 409 {@code faults_disabled}.
 */
@Component
public class FaultApi extends RouteBuilder {

    private final JsonApi json;
    private final FaultInjector faults;
    private final InstanceId instance;

    public FaultApi(JsonApi json, FaultInjector faults, InstanceId instance) {
        this.json = json;
        this.faults = faults;
        this.instance = instance;
    }

    /** What every fault endpoint answers: the faults of this instance, and which instance that is. */
    record InstanceFaults(String instance, String scope, Map<String, FaultSettings> faults) {
    }

    private InstanceFaults active() {
        return new InstanceFaults(instance.name(), "this instance only", faults.active());
    }

    private void requireEnabled() {
        if (!faults.enabled()) {
            throw new ApiException(409, "faults_disabled", "fault injection is off on instance " + instance.name()
                    + " (started with orderflow.faults.enabled=false)");
        }
    }

    @Override
    public void configure() {
        rest("/faults").description("Fault injection for tests, demos and incident rehearsals")
                .get().description("Active faults by stage, on the instance called").produces("application/json")
                    .to("direct:fault-api-list")
                .put("/{stage}").description("Set the faults of one stage: " + String.join(", ", Stage.ids())
                        + " or " + DeadLetterRoute.FAULT_STAGE)
                    .consumes("application/json").produces("application/json")
                    .type(FaultSettings.class)
                    .to("direct:fault-api-set")
                .delete("/{stage}").description("Remove the faults of one stage").produces("application/json")
                    .to("direct:fault-api-clear");

        from("direct:fault-api-list").routeId("fault-api-list")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> requireEnabled())
                .process(exchange -> json.respond(exchange, 200, active()));
        from("direct:fault-api-set").routeId("fault-api-set")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> requireEnabled())
                .process(exchange -> {
                    String stage = stage(exchange);
                    FaultSettings settings = json.read(exchange, FaultSettings.class);
                    faults.set(stage, settings);
                    log.warn("faults at stage {} of this instance set to {} by {}", stage, settings,
                            AuthenticatedOperator.required(exchange).name());
                    json.respond(exchange, 200, active());
                });
        from("direct:fault-api-clear").routeId("fault-api-clear")
                .routeConfigurationId(ApiErrorResponses.ID)
                .process(exchange -> requireEnabled())
                .process(exchange -> {
                    String stage = stage(exchange);
                    faults.set(stage, FaultSettings.NONE);
                    log.warn("faults at stage {} of this instance cleared by {}", stage,
                            AuthenticatedOperator.required(exchange).name());
                    json.respond(exchange, 200, active());
                });
    }

    private String stage(Exchange exchange) {
        String stage = json.pathId(exchange, "stage");
        if (!OrderflowProperties.FAULT_STAGES.contains(stage)) {
            throw ApiException.notFound("no stage '" + stage + "'; stages are " + OrderflowProperties.FAULT_STAGES);
        }
        return stage;
    }
}
