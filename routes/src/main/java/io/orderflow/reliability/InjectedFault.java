package io.orderflow.reliability;

import io.orderflow.event.NonRetryableException;

/** Failures raised by the {@link FaultInjector}, named so they are recognisable in logs and dead letters. */
public final class InjectedFault {

    private InjectedFault() {
    }

    public static final class Transient extends RuntimeException {
        public Transient(String stage) {
            super("injected transient fault at stage '" + stage + "'");
        }
    }

    public static final class Permanent extends NonRetryableException {
        public Permanent(String stage, String pattern) {
            super("injected permanent fault at stage '" + stage + "': record matches /" + pattern + "/");
        }
    }
}
