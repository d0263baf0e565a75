package io.orderflow.app.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** The API's JSON error shape for whatever answers outside a route: servlet filters, the error page, Tomcat. */
public final class ServletErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServletErrors() {
    }

    public static void write(HttpServletResponse response, int status, String error, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body(error, detail));
    }

    public static byte[] body(String error, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
