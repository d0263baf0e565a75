package io.orderflow.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** The API's JSON error shape for the servlet filters that answer before a route runs. */
public final class ServletErrors {

    private ServletErrors() {
    }

    /** {@code detail} must not contain quotes: callers pass fixed texts and numbers only. */
    public static void write(HttpServletResponse response, int status, String error, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"" + error + "\",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
