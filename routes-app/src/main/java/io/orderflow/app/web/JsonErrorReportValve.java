package io.orderflow.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for requests it refuses before Spring sees them (an encoded {@code /}, {@code \} or NUL
 * in the path, a path that is not UTF-8, a request line or headers over {@code server.max-http-request-header-size}),
 * in the API's JSON shape instead of Tomcat's HTML.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String error = known == null ? "error" : known.name().toLowerCase();
        String detail = status == 400
                ? "the request could not be parsed: the path has an encoded '/', '\\' or NUL, is not valid UTF-8,"
                        + " or the request line and headers are too large"
                : known == null ? "request failed" : known.getReasonPhrase();
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ServletErrors.body(error, detail), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more; the status line is all it gets
        }
    }
}
