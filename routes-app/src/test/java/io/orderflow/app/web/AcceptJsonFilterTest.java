package io.orderflow.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which {@code Accept} headers the APIs answer, and the JSON 406 for the others. */
class AcceptJsonFilterTest {

    private final AcceptJsonFilter filter = new AcceptJsonFilter();

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "application/*", "text/html, */*;q=0.1",
            "application/json;charset=UTF-8", "application/problem+json, application/json;q=0.5"})
    void admitsWhatIncludesJson(String accept) {
        assertThat(AcceptJsonFilter.admitsJson(accept)).as(accept).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/plain", "image/png", "application/json;q=0", "application/xml",
            "not a media type", "application/json;q=abc"})
    void refusesWhatDoesNot(String accept) {
        assertThat(AcceptJsonFilter.admitsJson(accept)).as(accept).isFalse();
    }

    @Test
    void aRefusedRequestGetsAJson406AndGoesNoFurther() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders/summary");
        request.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).contains("\"error\":\"not_acceptable\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void leavesRequestsOutsideTheApisToSpringMvc() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.addHeader("Accept", "text/html");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
