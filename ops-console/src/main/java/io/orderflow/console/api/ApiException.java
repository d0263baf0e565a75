package io.orderflow.console.api;

/**
 * A failed call to the app: its JSON error ({@code {"error","detail"}}) with the HTTP status, or status 0 when the
 * app could not be reached at all (then the message says why: refused, timed out).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final String detail;

    public ApiException(int status, String error, String detail) {
        super(status == 0 ? detail : "HTTP " + status + " " + error + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public boolean unreachable() {
        return status == 0;
    }

    public boolean unauthorized() {
        return status == 401 || status == 403;
    }
}
