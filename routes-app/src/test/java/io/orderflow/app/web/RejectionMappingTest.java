package io.orderflow.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.orderflow.app.rejection.BusyException;
import io.orderflow.app.rejection.ConflictException;
import io.orderflow.app.rejection.NotFoundException;
import io.orderflow.app.rejection.Rejection;
import io.orderflow.app.rejection.RuleBrokenException;

/** Each kind of rejection answers the status, error code and Retry-After the API has always answered. */
class RejectionMappingTest {

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
    void aWrappedProcessorThrowsTheMappedExceptionAndPassesOthersOn() {
        var exchange = new DefaultExchange(new DefaultCamelContext());
        assertThatThrownBy(() -> RejectionMapping.mapped(e -> {
            throw new NotFoundException("order o1 does not exist");
        }).process(exchange)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        IllegalStateException fault = new IllegalStateException("a fault, not a rejection");
        assertThatThrownBy(() -> RejectionMapping.mapped(e -> {
            throw fault;
        }).process(exchange)).isSameAs(fault);
    }

    private static void assertAnswer(Rejection rejection, int status, String error, Integer retryAfterSeconds) {
        ApiException answer = RejectionMapping.toApi(rejection);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.error()).isEqualTo(error);
        assertThat(answer.getMessage()).isEqualTo(rejection.getMessage());
        assertThat(answer.retryAfterSeconds()).isEqualTo(retryAfterSeconds);
    }
}
