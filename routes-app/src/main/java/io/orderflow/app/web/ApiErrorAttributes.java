package io.orderflow.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors raised by Tomcat, Camel's servlet or Spring MVC before a route runs (unknown path, wrong method, a response
 * type the client does not accept) get the same {@code {"error", "detail"}} shape as the API's own errors; see
 * {@link JsonErrorController}.
 */
@Component
public class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> spring = super.getErrorAttributes(request, options);
        int status = (int) spring.getOrDefault("status", 500);
        HttpStatus known = HttpStatus.resolve(status);
        String error = known == null ? "error" : known.name().toLowerCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", switch (status) {
            case 404 -> "no endpoint at " + spring.get("path") + " (see /api/api-doc)";
            case 405 -> "method not allowed on " + spring.get("path");
            case 406 -> AcceptJsonFilter.DETAIL;
            case 415 -> "Content-Type must be application/json";
            default -> known == null ? "request failed" : known.getReasonPhrase();
        });
        return body;
    }
}
