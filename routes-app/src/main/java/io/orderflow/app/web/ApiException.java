package io.orderflow.app.web;

/** A client error with its HTTP status, rendered as {@code {"error": code, "detail": detail}}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    private ApiException(int status, String error, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** For the {@code Retry-After} header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail);
    }

    /** 503: the request was not carried out (nothing stored or published) and may be sent again later. */
    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(503, "service_unavailable", detail, retryAfterSeconds);
    }
}
