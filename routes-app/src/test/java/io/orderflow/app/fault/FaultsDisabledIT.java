package io.orderflow.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.orderflow.app.AppTestSupport;
import io.orderflow.payment.PaymentRoutes;
import io.orderflow.reliability.FaultInjection;
import io.orderflow.reliability.StageErrorHandling;

/** Production starts with fault injection off: no fault step in any route, and the fault API says why it refuses. */
@TestPropertySource(properties = "orderflow.faults.enabled=false")
class FaultsDisabledIT extends AppTestSupport {

    @Test
    void theFaultApiAnswersFaultsDisabled() {
        for (HttpResponse<String> answer : List.of(
                send("GET", "/api/faults", null, null, "Bearer " + TOKEN),
                send("PUT", "/api/faults/payment", "application/json", "{\"latencyMs\":1}", "Bearer " + TOKEN),
                send("DELETE", "/api/faults/payment", null, null, "Bearer " + TOKEN))) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            assertThat(parse(answer).get("error").asText()).isEqualTo("faults_disabled");
        }
    }

    @Test
    void noRouteHasAFaultStep() {
        List<String> configurations = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteConfigurationDefinitions().stream().map(RouteConfigurationDefinition::getId).toList();
        assertThat(configurations).contains(StageErrorHandling.id(PaymentRoutes.STAGE))
                .doesNotContain(FaultInjection.id(PaymentRoutes.STAGE));
    }
}
