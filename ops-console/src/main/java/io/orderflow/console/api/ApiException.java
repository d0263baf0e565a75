package io.orderflow.console.api;

/**
 * A failed call to the app: its JSON error ({@code {"error","detail"}}) with the HTTP status, or status 0 when the
 * app could not be reached at all (then the message says why: refused, timed out).
 */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String error, String detail) {
        super(status == 0 ? detail : "HTTP " + status + " " + error + (detail == null ? "" : ": " + detail));
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }

    public boolean unauthorized() {
        return status == 401 || status == 403;
    }
}
