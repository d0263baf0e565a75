package io.orderflow.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The APIs before the application is ready, and after. */
class NotReadyFilterTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final NotReadyFilter filter = new NotReadyFilter(availability);

    @Test
    void beforeReadinessIsAnnouncedAnApiRequestIsAJson503() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/orders"), response, chain);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"error\":\"service_unavailable\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void whenAcceptingTrafficApiRequestsPass() throws Exception {
        announce(ReadinessState.ACCEPTING_TRAFFIC);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void whileShuttingDownApiRequestsAre503Again() throws Exception {
        announce(ReadinessState.ACCEPTING_TRAFFIC);
        announce(ReadinessState.REFUSING_TRAFFIC);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/orders/summary"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void actuatorAnswersWhateverTheReadiness() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(request);
    }

    private void announce(ReadinessState state) {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
    }
}
