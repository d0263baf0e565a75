package io.orderflow.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.orderflow.app.cart.CartClosedException;
import io.orderflow.app.cart.CartFullException;
import io.orderflow.app.cart.CartView;
import io.orderflow.app.order.PlacementRejectedException;
import io.orderflow.app.rejection.BusyException;
import io.orderflow.app.rejection.ConflictException;
import io.orderflow.app.rejection.NotFoundException;
import io.orderflow.app.rejection.Rejection;
import io.orderflow.app.rejection.RuleBrokenException;
import io.orderflow.event.EventCodec;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * Each kind of rejection answers the status, error code and Retry-After the API has always answered, and a REST
 * route that names the {@code api} configuration answers a rejection its service throws with that JSON error.
 */
class ApiErrorResponsesTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static CamelContext camel;

    @BeforeAll
    static void start() throws Exception {
        JsonApi json = new JsonApi(new EventCodec(), VALIDATION.getValidator());
        camel = new DefaultCamelContext();
        camel.addRoutes(new ApiErrorResponses(json));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:service").routeId("service").routeConfigurationId(ApiErrorResponses.ID)
                        .process(exchange -> {
                            throw exchange.getMessage().getBody(RuntimeException.class);
                        });
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
        VALIDATION.close();
    }

    @Test
    void notFoundIs404() {
        assertAnswer(new NotFoundException("cart c1 does not exist"), 404, "not_found", null);
    }

    @Test
    void conflictIs409() {
        assertAnswer(new ConflictException("cart c1 was already checked out"), 409, "conflict", null);
    }

    @Test
    void aBrokenRuleIs422NamedAfterTheRule() {
        assertAnswer(new RuleBrokenException("cart_full", "cart c1 already has 100 items"), 422, "cart_full", null);
    }

    @Test
    void busyIs503WithRetryAfterInWholeSecondsRoundedUp() {
        assertAnswer(new BusyException("queue full", Duration.ofSeconds(1)), 503, "service_unavailable", 1);
        assertAnswer(new BusyException("queue full", Duration.ofMillis(1500)), 503, "service_unavailable", 2);
        assertAnswer(new BusyException("queue full", Duration.ZERO), 503, "service_unavailable", 1);
    }

    @Test
    void aRouteAnswersTheRejectionsOfItsServicesAsJsonErrors() {
        assertResponse(new CartClosedException(new CartView("c1", CartView.CHECKED_OUT, "u1", "o1",
                List.of(), BigDecimal.ZERO, null, null)), 409,
                "{\"error\":\"conflict\",\"detail\":\"cart c1 was already checked out as order o1\"}", null);
        assertResponse(new CartFullException("c1", 100), 422,
                "{\"error\":\"cart_full\",\"detail\":\"cart c1 already has 100 items\"}", null);
        assertResponse(new NotFoundException("cart c1 does not exist or has no items"), 404,
                "{\"error\":\"not_found\",\"detail\":\"cart c1 does not exist or has no items\"}", null);
        assertResponse(new PlacementRejectedException("queue full", Duration.ofMillis(1500)), 503,
                "{\"error\":\"service_unavailable\",\"detail\":\"queue full\"}", 2);
    }

    @Test
    void aFaultIsStillA500() {
        assertResponse(new IllegalStateException("a fault, not a rejection"), 500,
                "{\"error\":\"internal_error\",\"detail\":\"the request could not be completed; nothing was"
                        + " published (see the server log)\"}", null);
    }

    private static void assertAnswer(Rejection rejection, int status, String error, Integer retryAfterSeconds) {
        ApiException answer = ApiErrorResponses.answer(rejection);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.error()).isEqualTo(error);
        assertThat(answer.getMessage()).isEqualTo(rejection.getMessage());
        assertThat(answer.retryAfterSeconds()).isEqualTo(retryAfterSeconds);
    }

    private static void assertResponse(RuntimeException thrown, int status, String body, Integer retryAfter) {
        Exchange response = camel.createProducerTemplate().send("direct:service",
                exchange -> exchange.getMessage().setBody(thrown));
        assertThat(response.getException()).isNull();
        assertThat(response.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(status);
        assertThat(new String(response.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(response.getMessage().getHeader("Retry-After")).isEqualTo(retryAfter);
    }
}
